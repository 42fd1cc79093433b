package dev.siyu.audience;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.siyu.identity.PersonSplit;
import dev.siyu.identity.PersonsMerged;
import dev.siyu.ingest.OrdersImported;
import dev.siyu.tags.Tag;
import dev.siyu.tags.TagsChanged;
import dev.siyu.tenant.Tenants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * After orders, identities or tags change (and the bitmap index has taken the change),
 * rule tags and dynamic audiences of the scope are brought up to date; all of them are
 * also recomputed on a schedule, which catches what no event announces (a new day, new
 * scores).
 */
@Component
class Recomputation {

	private static final Logger log = LoggerFactory.getLogger(Recomputation.class);

	private final RuleTags ruleTags;

	private final Audiences audiences;

	private final Tenants tenants;

	private final TransactionTemplate fresh;

	private final Set<Long> running = ConcurrentHashMap.newKeySet();

	Recomputation(RuleTags ruleTags, Audiences audiences, Tenants tenants, PlatformTransactionManager transactions) {
		this.ruleTags = ruleTags;
		this.audiences = audiences;
		this.tenants = tenants;
		this.fresh = new TransactionTemplate(transactions);
		this.fresh.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	@Order(Ordered.LOWEST_PRECEDENCE)
	@TransactionalEventListener(fallbackExecution = true)
	void on(TagsChanged changed) {
		recompute(changed.scope());
	}

	@Order(Ordered.LOWEST_PRECEDENCE)
	@TransactionalEventListener(fallbackExecution = true)
	void on(OrdersImported imported) {
		this.tenants.byId(imported.tenant()).ifPresent(t -> recompute(t.identityScope().value()));
	}

	@Order(Ordered.LOWEST_PRECEDENCE)
	@TransactionalEventListener(fallbackExecution = true)
	void on(PersonsMerged merged) {
		recompute(merged.scope());
	}

	@Order(Ordered.LOWEST_PRECEDENCE)
	@TransactionalEventListener(fallbackExecution = true)
	void on(PersonSplit split) {
		recompute(split.scope());
	}

	@Scheduled(fixedDelayString = "${siyu.audience.recompute-interval:PT15M}",
			initialDelayString = "${siyu.audience.recompute-interval:PT15M}")
	void recomputeAll() {
		this.ruleTags.all().stream().map(Tag::scope).distinct().forEach(this::recompute);
	}

	/**
	 * One recomputation per scope at a time: the tag changes it makes come back here and
	 * stop.
	 */
	void recompute(long scope) {
		if (!this.running.add(scope)) {
			return;
		}
		try {
			for (int round = 0; round < 5; round++) {
				boolean changed = false;
				for (Tag tag : this.ruleTags.of(scope)) {
					changed |= Boolean.TRUE.equals(this.fresh.execute(status -> this.ruleTags.recompute(tag)));
				}
				if (!changed) {
					break;
				}
			}
			this.fresh.executeWithoutResult(status -> this.audiences.refreshDynamic(scope));
		}
		catch (RuntimeException ex) {
			log.warn("Recomputing rule tags and audiences of scope {} failed: {}", scope, ex.getMessage());
		}
		finally {
			this.running.remove(scope);
		}
	}

}
