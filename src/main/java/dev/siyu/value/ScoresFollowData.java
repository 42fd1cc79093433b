package dev.siyu.value;

import java.time.LocalDate;
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
 * one each. The value figures follow at once when orders or settings changed, and after
 * merges and splits only once they have grown older than their maximum age.
 */
@Component
class ScoresFollowData {

	private final CustomerScores scores;

	private final Set<Long> waiting = ConcurrentHashMap.newKeySet();

	private final Set<Long> figuresDue = ConcurrentHashMap.newKeySet();

	private final Map<Long, ReentrantLock> running = new ConcurrentHashMap<>();

	ScoresFollowData(CustomerScores scores) {
		this.scores = scores;
	}

	@ApplicationModuleListener
	void on(OrdersImported event) {
		this.figuresDue.add(event.tenant().value());
		refresh(event.tenant());
	}

	@ApplicationModuleListener
	void on(PersonsMerged event) {
		refresh(new TenantId(event.scope()));
	}

	@ApplicationModuleListener
	void on(ValueSettingsChanged event) {
		this.figuresDue.add(event.tenant().value());
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
			boolean figuresNow = this.figuresDue.remove(tenant.value());
			this.scores.refresh(tenant, LocalDate.now(CustomerScores.CHINA),
					figuresNow ? CustomerScores.Figures.NOW : CustomerScores.Figures.WHEN_STALE);
		}
		finally {
			lock.unlock();
		}
	}

}
