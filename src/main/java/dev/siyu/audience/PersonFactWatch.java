package dev.siyu.audience;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.siyu.tags.TagCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Facts written without an event reach the loaded indexes within seconds: profiles
 * (identity), scores (value), reach (WeCom), and tag assignments, new persons and catalog
 * changes made by another process, such as a CLI command while the server runs. Every few
 * seconds, per loaded scope, the rows changed since the last look are read again. A row's
 * time is its transaction's start, so the next look starts from the start of the oldest
 * transaction still open at this one ({@link #watermark}): what a transaction commits
 * later is never older than that. A person already read at a row's time is skipped. A few
 * persons are read again; many mean the index is built again beside the old one.
 */
@Component
class PersonFactWatch {

	/**
	 * The start of the oldest other transaction open now, or now: every row with an older
	 * time is committed and visible.
	 */
	static final String WATERMARK = """
			select least(now(), coalesce((select min(xact_start) from pg_stat_activity
			                              where xact_start is not null and pid <> pg_backend_pid()), now()))""";

	private static final Logger log = LoggerFactory.getLogger(PersonFactWatch.class);

	private final BitmapIndexes indexes;

	private final TagCatalog catalog;

	private final JdbcClient jdbc;

	private final Map<Long, Mark> marks = new ConcurrentHashMap<>();

	PersonFactWatch(BitmapIndexes indexes, TagCatalog catalog, JdbcClient jdbc) {
		this.indexes = indexes;
		this.catalog = catalog;
		this.jdbc = jdbc;
	}

	/** Where a scope's index was last brought up to date. */
	private static final class Mark {

		final TenantIndex index;

		Instant since;

		/** Persons read again at these fact times, since the watermark. */
		final Map<Long, Instant> read = new HashMap<>();

		Mark(TenantIndex index) {
			this.index = index;
			this.since = index.loadedAt;
		}

	}

	@Scheduled(fixedDelayString = "${siyu.audience.watch-interval:PT5S}",
			initialDelayString = "${siyu.audience.watch-interval:PT5S}")
	void lookAll() {
		for (TenantIndex index : this.indexes.loaded()) {
			try {
				look(index);
			}
			catch (RuntimeException ex) {
				log.warn("Changes to scope {} could not be read: {}", index.scope, ex.getMessage());
			}
		}
	}

	/** Brings one index up to date with what changed since the last look. */
	synchronized void look(TenantIndex index) {
		if (index.loadedAt == null) {
			return;
		}
		long scope = index.scope;
		Mark mark = this.marks.compute(scope, (s, m) -> (m == null || m.index != index) ? new Mark(index) : m);
		Instant watermark = watermark();
		Timestamp from = Timestamp.from(mark.since);
		this.catalog.refreshIfChanged(scope);
		Set<Long> persons = new LinkedHashSet<>();
		this.jdbc
			.sql("""
					select person_id, at from (
					  select person_id, updated_at as at from person_profile where tenant_id = :scope and updated_at >= :from
					  union all
					  select person_id, computed_at from person_score where tenant_id = :scope and computed_at >= :from
					  union all
					  select person_id, updated_at from person_reach where tenant_id = :scope and updated_at >= :from) c""")
			.param("scope", scope)
			.param("from", from)
			.query((rs, n) -> {
				long person = rs.getLong(1);
				Instant at = rs.getTimestamp(2).toInstant();
				Instant read = mark.read.get(person);
				if (read == null || at.isAfter(read)) {
					mark.read.put(person, at);
					persons.add(person);
				}
				return null;
			})
			.list();
		long lastKnown = (index.size() > 0) ? index.personId(index.size() - 1) : 0;
		persons.addAll(this.jdbc
			.sql("select id from person where tenant_id = ? and merged_into is null and id > ? order by id")
			.params(scope, lastKnown)
			.query(Long.class)
			.list());
		List<long[]> tags = new ArrayList<>();
		this.jdbc.sql("""
				select c.tag_id, c.person_id,
				       exists (select 1 from person_tag t where t.tag_id = c.tag_id and t.person_id = c.person_id)
				from (select distinct tag_id, person_id from person_tag_change where tenant_id = ? and at >= ?) c""")
			.params(scope, from)
			.query((rs, n) -> tags.add(new long[] { rs.getLong(1), rs.getLong(2), rs.getBoolean(3) ? 1 : 0 }))
			.list();
		if (persons.size() > Math.max(10_000, index.size() / 20)) {
			log.info("{} persons of scope {} changed: its index is built again", persons.size(), scope);
			this.indexes.rebuild(scope, index);
			return;
		}
		this.indexes.reload(index, persons);
		this.indexes.setTags(index, tags);
		mark.since = watermark;
		mark.read.values().removeIf(at -> at.isBefore(watermark));
	}

	private Instant watermark() {
		return this.jdbc.sql(WATERMARK).query(Timestamp.class).single().toInstant();
	}

}
