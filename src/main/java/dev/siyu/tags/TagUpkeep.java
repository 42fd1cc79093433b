package dev.siyu.tags;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.siyu.identity.PersonsMerged;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps assignments true: a merged person's tags move to the survivor, and assignments
 * past their expiry are removed. Both are recorded as tag changes. Running either twice
 * changes nothing the second time.
 */
@Component
class TagUpkeep {

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate fresh;

	TagUpkeep(JdbcClient jdbc, ApplicationEventPublisher events, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.events = events;
		this.fresh = new TransactionTemplate(transactions);
		this.fresh.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(PersonsMerged merged) {
		this.fresh.executeWithoutResult(status -> moveToSurvivor(merged));
	}

	void moveToSurvivor(PersonsMerged merged) {
		Long[] mergedIds = merged.mergedIds().toArray(Long[]::new);
		List<long[]> moved = this.jdbc.sql("""
				delete from person_tag where tenant_id = ? and person_id = any(?) returning tag_id, person_id""")
			.params(merged.scope(), mergedIds)
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.list();
		Map<Long, List<Long>> removedByTag = new HashMap<>();
		for (long[] row : moved) {
			removedByTag.computeIfAbsent(row[0], t -> new ArrayList<>()).add(row[1]);
		}
		for (Map.Entry<Long, List<Long>> tag : removedByTag.entrySet()) {
			List<Long> added = this.jdbc.sql("""
					insert into person_tag (tag_id, person_id, tenant_id, tagged_by) values (?, ?, ?, 'merge')
					on conflict do nothing returning person_id""")
				.params(tag.getKey(), merged.survivorId(), merged.scope())
				.query(Long.class)
				.list();
			record(merged.scope(), tag.getKey(), tag.getValue(), "removed", "merge",
					"merged into " + merged.survivorId());
			record(merged.scope(), tag.getKey(), added, "added", "merge", "merged from " + tag.getValue());
			this.events.publishEvent(new TagsChanged(merged.scope(), tag.getKey(), added, tag.getValue()));
		}
	}

	@Scheduled(fixedDelayString = "${siyu.tags.expiry-interval:PT10M}", initialDelayString = "PT1M")
	void removeExpired() {
		this.fresh.executeWithoutResult(status -> {
			List<long[]> expired = this.jdbc.sql("""
					delete from person_tag where expires_at <= now() returning tenant_id, tag_id, person_id""")
				.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3) })
				.list();
			Map<List<Long>, List<Long>> byTag = new HashMap<>();
			for (long[] row : expired) {
				byTag.computeIfAbsent(List.of(row[0], row[1]), k -> new ArrayList<>()).add(row[2]);
			}
			byTag.forEach((key, persons) -> {
				record(key.get(0), key.get(1), persons, "removed", "expiry", "assignment expired");
				this.events.publishEvent(new TagsChanged(key.get(0), key.get(1), List.of(), persons));
			});
		});
	}

	private void record(long scope, long tagId, List<Long> persons, String change, String actor, String reason) {
		if (!persons.isEmpty()) {
			this.jdbc.sql("""
					insert into person_tag_change (tenant_id, tag_id, person_id, change, actor, reason)
					select ?, ?, unnest(?), ?, ?, ?""")
				.params(scope, tagId, persons.toArray(Long[]::new), change, actor, reason)
				.update();
		}
	}

}
