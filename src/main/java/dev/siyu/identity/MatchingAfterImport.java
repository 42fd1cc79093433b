package dev.siyu.identity;

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

	MatchingAfterImport(ProbabilisticLinking linking) {
		this.linking = linking;
	}

	@ApplicationModuleListener
	void on(AccountsAbsorbed event) {
		if (event.pending() > 0) {
			this.linking.runPending(new TenantId(event.scope()), "import");
		}
	}

}
