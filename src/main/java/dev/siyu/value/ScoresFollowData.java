package dev.siyu.value;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import dev.siyu.identity.PersonSplit;
import dev.siyu.identity.PersonsMerged;
import dev.siyu.ingest.OrdersImported;
import dev.siyu.shared.TenantId;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Scores follow the data: new or changed orders, merged and split persons, changed
 * settings recompute the scope's scores. A recomputation is idempotent, so a redelivered
 * event does no harm. Events that arrive while a recomputation of their scope is already
 * waiting to start are covered by it, so a burst of events costs one recomputation, not
 * one each.
 */
@Component
class ScoresFollowData {

	private final CustomerScores scores;

	private final Set<Long> waiting = ConcurrentHashMap.newKeySet();

	private final Map<Long, ReentrantLock> running = new ConcurrentHashMap<>();

	ScoresFollowData(CustomerScores scores) {
		this.scores = scores;
	}

	@ApplicationModuleListener
	void on(OrdersImported event) {
		refresh(event.tenant());
	}

	@ApplicationModuleListener
	void on(PersonsMerged event) {
		refresh(new TenantId(event.scope()));
	}

	@ApplicationModuleListener
	void on(ValueSettingsChanged event) {
		refresh(event.tenant());
	}

	@ApplicationModuleListener
	void on(PersonSplit event) {
		refresh(new TenantId(event.scope()));
	}

	private void refresh(TenantId tenant) {
		if (!this.waiting.add(tenant.value())) {
			return;
		}
		ReentrantLock lock = this.running.computeIfAbsent(tenant.value(), (key) -> new ReentrantLock());
		lock.lock();
		try {
			this.waiting.remove(tenant.value());
			this.scores.refresh(tenant);
		}
		finally {
			lock.unlock();
		}
	}

}
