package dev.siyu.wecom;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.siyu.shared.TenantId;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Coalesces changes of reach into {@link ReachChanged} events: a change only marks its
 * tenant in memory, and the marks are published together on a schedule, so a burst of
 * callbacks costs one event per tenant and interval.
 */
@Component
class ReachChanges {

	private final Map<TenantId, Instant> pending = new ConcurrentHashMap<>();

	private final ApplicationEventPublisher events;

	ReachChanges(ApplicationEventPublisher events) {
		this.events = events;
	}

	/**
	 * Marks the tenant once the current transaction commits, so that a refresh triggered
	 * by the mark sees the change.
	 */
	void changed(TenantId tenant) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					mark(tenant);
				}
			});
		}
		else {
			mark(tenant);
		}
	}

	private void mark(TenantId tenant) {
		this.pending.put(tenant, Instant.now());
	}

	@Scheduled(fixedDelayString = "${siyu.wecom.reach-event-interval:PT10S}", initialDelayString = "PT1S")
	@Transactional
	public void publish() {
		for (TenantId tenant : this.pending.keySet()) {
			Instant last = this.pending.remove(tenant);
			if (last != null) {
				this.events.publishEvent(new ReachChanged(tenant, last));
			}
		}
	}

}
