package dev.siyu.identity;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.siyu.shared.TenantId;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * After an import has linked its accounts deterministically, matches the persons it
 * touched probabilistically against their candidates, when the scope asked for it. Runs
 * after the import's commit, in the background; a redelivered event finds nothing pending
 * and does nothing.
 */
@Component
class MatchingAfterImport {

	private final ProbabilisticLinking linking;

	private final Set<Long> waiting = ConcurrentHashMap.newKeySet();

	MatchingAfterImport(ProbabilisticLinking linking) {
		this.linking = linking;
	}

	@ApplicationModuleListener
	void on(AccountsAbsorbed event) {
		// a run takes every person pending in the scope, so a run already waiting covers
		// this event too
		if (event.pending() > 0 && this.waiting.add(event.scope())) {
			synchronized (this) {
				this.waiting.remove(event.scope());
				this.linking.runPending(new TenantId(event.scope()), "import");
			}
		}
	}

}
