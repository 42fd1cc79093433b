package dev.siyu.value;

import dev.siyu.identity.PersonSplit;
import dev.siyu.identity.PersonsMerged;
import dev.siyu.ingest.OrdersImported;
import dev.siyu.shared.TenantId;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Scores follow the data: new or changed orders, merged and split persons recompute the
 * scope's scores. A recomputation is idempotent, so a redelivered event does no harm.
 */
@Component
class ScoresFollowData {

	private final CustomerScores scores;

	ScoresFollowData(CustomerScores scores) {
		this.scores = scores;
	}

	@ApplicationModuleListener
	void on(OrdersImported event) {
		this.scores.refresh(event.tenant());
	}

	@ApplicationModuleListener
	void on(PersonsMerged event) {
		this.scores.refresh(new TenantId(event.scope()));
	}

	@ApplicationModuleListener
	void on(PersonSplit event) {
		this.scores.refresh(new TenantId(event.scope()));
	}

}
