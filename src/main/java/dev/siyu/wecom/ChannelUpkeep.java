package dev.siyu.wecom;

import dev.siyu.shared.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Outbound work on a schedule in the server: queued corp tag marks are sent, the results
 * of open mass send tasks and the groups' daily message counts are read from WeCom.
 */
@Component
@ConditionalOnWebApplication
class ChannelUpkeep {

	private static final Logger log = LoggerFactory.getLogger(ChannelUpkeep.class);

	private final MassSendResults sends;

	private final ContactTagPush tags;

	private final GroupStatistics statistics;

	ChannelUpkeep(MassSendResults sends, ContactTagPush tags, GroupStatistics statistics) {
		this.sends = sends;
		this.tags = tags;
		this.statistics = statistics;
	}

	/** Yesterday's figures, and the two days before in case a run was missed. */
	@Scheduled(cron = "${siyu.wecom.group-stats-cron:0 30 3 * * *}", zone = "Asia/Shanghai")
	void fetchGroupStatistics() {
		for (TenantId tenant : this.statistics.withGroups()) {
			try {
				this.statistics.fetch(tenant, 3);
			}
			catch (RuntimeException ex) {
				log.warn("Reading group statistics of tenant {} failed: {}", tenant.value(), ex.getMessage());
			}
		}
	}

	@Scheduled(fixedDelayString = "${siyu.wecom.tag-mark-interval:PT2S}", initialDelayString = "PT2S")
	void pushTagMarks() {
		for (TenantId tenant : this.tags.pending()) {
			try {
				this.tags.push(tenant);
			}
			catch (RuntimeException ex) {
				log.warn("Marking corp tags of tenant {} failed: {}", tenant.value(), ex.getMessage());
			}
		}
	}

	@Scheduled(fixedDelayString = "${siyu.wecom.mass-send-poll-interval:PT5M}", initialDelayString = "PT1M")
	void pollMassSends() {
		for (TenantId tenant : this.sends.open()) {
			try {
				this.sends.poll(tenant);
			}
			catch (RuntimeException ex) {
				log.warn("Polling mass send results of tenant {} failed: {}", tenant.value(), ex.getMessage());
			}
		}
	}

}
