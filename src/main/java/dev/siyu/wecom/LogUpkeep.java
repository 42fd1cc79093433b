package dev.siyu.wecom;

import java.time.Duration;

import dev.siyu.shared.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Upkeep on a schedule: processed callbacks older than the retention are deleted from the
 * event log (unprocessed or failed ones stay), and waiting handovers are asked for their
 * result.
 */
@Component
@ConditionalOnWebApplication
@EnableScheduling
class LogUpkeep {

	private static final Logger log = LoggerFactory.getLogger(LogUpkeep.class);

	private static final int PRUNE_BATCH = 10_000;

	private final JdbcClient jdbc;

	private final Handover handover;

	private final Duration retention;

	LogUpkeep(JdbcClient jdbc, Handover handover, @Value("${siyu.wecom.event-retention-days:30}") int retentionDays) {
		if (retentionDays < 1) {
			throw new IllegalArgumentException(
					"siyu.wecom.event-retention-days must be at least 1, got " + retentionDays);
		}
		this.jdbc = jdbc;
		this.handover = handover;
		this.retention = Duration.ofDays(retentionDays);
	}

	/** Deletes processed events older than the retention; returns how many. */
	@Scheduled(fixedDelayString = "${siyu.wecom.prune-interval:PT1H}", initialDelayString = "PT1M")
	int prune() {
		return prune(this.retention);
	}

	int prune(Duration olderThan) {
		int total = 0;
		int deleted;
		do {
			// in slices, so the callback writers never wait long behind the deletion
			deleted = this.jdbc.sql("""
					delete from wecom_event where id in (
					  select id from wecom_event
					  where processed_at < now() - make_interval(secs => ?) and error is null
					  order by id limit ?)""").params((double) olderThan.toSeconds(), PRUNE_BATCH).update();
			total += deleted;
		}
		while (deleted == PRUNE_BATCH);
		if (total > 0) {
			log.info("Pruned {} processed WeCom events older than {} days", total, olderThan.toDays());
		}
		return total;
	}

	@Scheduled(fixedDelayString = "${siyu.wecom.transfer-poll-interval:PT10M}", initialDelayString = "PT2M")
	void pollTransfers() {
		for (TenantId tenant : this.handover.waiting()) {
			try {
				this.handover.pollResults(tenant);
			}
			catch (RuntimeException ex) {
				log.warn("Polling handover results of tenant {} failed: {}", tenant.value(), ex.getMessage());
			}
		}
	}

}
