package dev.siyu.wecom;

import dev.siyu.shared.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Outbound work on a schedule in the server: the results of open mass send tasks are read
 * from WeCom.
 */
@Component
@ConditionalOnWebApplication
class ChannelUpkeep {

	private static final Logger log = LoggerFactory.getLogger(ChannelUpkeep.class);

	private final MassSendResults sends;

	ChannelUpkeep(MassSendResults sends) {
		this.sends = sends;
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
