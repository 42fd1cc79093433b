package dev.siyu.tags;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Puts persons into tags and takes them out. Every entry and exit is recorded with who,
 * when and why, and announced as {@link TagsChanged}. Only active persons of the scope
 * can be tagged; asking twice changes nothing the second time.
 */
@Service
public class Tagging {

	private final JdbcClient jdbc;

	private final TagCatalog catalog;

	private final ApplicationEventPublisher events;

	Tagging(JdbcClient jdbc, TagCatalog catalog, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.catalog = catalog;
		this.events = events;
	}

	/**
	 * How a change went: who entered or left, and how many asked-for persons were not
	 * known.
	 */
	public record Change(List<Long> added, List<Long> removed, int unknown) {

	}

	@Transactional
	public Change add(long scope, long tagId, Collection<Long> personIds, String actor, String reason) {
		Tag tag = this.catalog.require(scope, tagId);
		Long[] ids = personIds.stream().distinct().toArray(Long[]::new);
		long known = this.jdbc
			.sql("select count(*) from person where tenant_id = ? and merged_into is null and id = any(?)")
			.params(scope, ids)
			.query(Long.class)
			.single();
		List<Long> added = this.jdbc.sql("""
				insert into person_tag (tag_id, person_id, tenant_id, tagged_by, expires_at)
				select ?, p.id, p.tenant_id, ?, now() + make_interval(days => ?)
				from person p where p.tenant_id = ? and p.merged_into is null and p.id = any(?)
				on conflict do nothing returning person_id""")
			.params(tagId, actor, tag.validDays(), scope, ids)
			.query(Long.class)
			.list();
		record(scope, tagId, added, "added", actor, reason);
		publish(scope, tagId, added, List.of());
		return new Change(added, List.of(), (int) (ids.length - known));
	}

	@Transactional
	public Change remove(long scope, long tagId, Collection<Long> personIds, String actor, String reason) {
		this.catalog.require(scope, tagId);
		Long[] ids = personIds.stream().distinct().toArray(Long[]::new);
		List<Long> removed = this.jdbc
			.sql("delete from person_tag where tag_id = ? and tenant_id = ? and person_id = any(?) returning person_id")
			.params(tagId, scope, ids)
			.query(Long.class)
			.list();
		record(scope, tagId, removed, "removed", actor, reason);
		publish(scope, tagId, List.of(), removed);
		return new Change(List.of(), removed, 0);
	}

	/**
	 * Makes the tag's members exactly these persons (a rule tag's recomputation): those
	 * missing enter, those no longer wanted leave.
	 */
	@Transactional
	public Change replaceMembers(long scope, long tagId, long[] personIds, String actor, String reason) {
		this.catalog.require(scope, tagId);
		Long[] ids = new Long[personIds.length];
		for (int i = 0; i < ids.length; i++) {
			ids[i] = personIds[i];
		}
		List<Long> removed = this.jdbc.sql("""
				delete from person_tag t where t.tag_id = ? and t.tenant_id = ?
				  and not t.person_id = any(?) returning person_id""")
			.params(tagId, scope, ids)
			.query(Long.class)
			.list();
		List<Long> added = this.jdbc.sql("""
				insert into person_tag (tag_id, person_id, tenant_id, tagged_by)
				select ?, p.id, p.tenant_id, ? from person p
				where p.tenant_id = ? and p.merged_into is null and p.id = any(?)
				on conflict do nothing returning person_id""")
			.params(tagId, actor, scope, ids)
			.query(Long.class)
			.list();
		record(scope, tagId, added, "added", actor, reason);
		record(scope, tagId, removed, "removed", actor, reason);
		publish(scope, tagId, added, removed);
		return new Change(added, removed, 0);
	}

	@Transactional
	public Change removeAll(long scope, long tagId, String actor, String reason) {
		List<Long> removed = this.jdbc
			.sql("delete from person_tag where tag_id = ? and tenant_id = ? returning person_id")
			.params(tagId, scope)
			.query(Long.class)
			.list();
		record(scope, tagId, removed, "removed", actor, reason);
		publish(scope, tagId, List.of(), removed);
		return new Change(List.of(), removed, 0);
	}

	/** How many persons carry each tag of the scope that anyone carries. */
	public Map<Long, Long> memberCounts(long scope) {
		Map<Long, Long> counts = new java.util.HashMap<>();
		this.jdbc.sql("select tag_id, count(*) from person_tag where tenant_id = ? group by 1")
			.param(scope)
			.query((java.sql.ResultSet rs) -> {
				counts.put(rs.getLong(1), rs.getLong(2));
			});
		return counts;
	}

	public List<Long> members(long scope, long tagId) {
		return this.jdbc.sql("select person_id from person_tag where tag_id = ? and tenant_id = ? order by person_id")
			.params(tagId, scope)
			.query(Long.class)
			.list();
	}

	/** A tag a person carries: since when, put there by whom, until when. */
	public record PersonTag(long tagId, String name, TagKind kind, String taggedBy, Instant taggedAt,
			Instant expiresAt) {

	}

	/** The tags a person carries, by name. */
	public List<PersonTag> of(long scope, long personId) {
		return this.jdbc.sql("""
				select t.id, t.name, t.kind, pt.tagged_by, pt.tagged_at, pt.expires_at
				from person_tag pt join tag t on t.id = pt.tag_id
				where pt.tenant_id = ? and pt.person_id = ? order by t.name""")
			.params(scope, personId)
			.query((rs, n) -> new PersonTag(rs.getLong(1), rs.getString(2), TagKind.ofCode(rs.getString(3)),
					rs.getString(4), rs.getTimestamp(5).toInstant(),
					(rs.getTimestamp(6) == null) ? null : rs.getTimestamp(6).toInstant()))
			.list();
	}

	/**
	 * The latest entries and exits of a tag, or of a person when {@code personId} is
	 * given.
	 */
	public List<Map<String, Object>> history(long scope, Long tagId, Long personId, int limit) {
		return this.jdbc.sql("""
				select c.person_id, c.tag_id, t.name, c.change, c.actor, c.reason, c.at
				from person_tag_change c left join tag t on t.id = c.tag_id
				where c.tenant_id = :scope and (cast(:tag as bigint) is null or c.tag_id = :tag)
				  and (cast(:person as bigint) is null or c.person_id = :person)
				order by c.id desc limit :limit""")
			.param("scope", scope)
			.param("tag", tagId)
			.param("person", personId)
			.param("limit", limit)
			.query((rs, n) -> {
				Map<String, Object> row = new LinkedHashMap<>();
				row.put("personId", rs.getLong("person_id"));
				row.put("tagId", rs.getLong("tag_id"));
				row.put("tag", rs.getString("name"));
				row.put("change", rs.getString("change"));
				row.put("actor", rs.getString("actor"));
				row.put("reason", rs.getString("reason"));
				row.put("at", rs.getTimestamp("at").toInstant().toString());
				return row;
			})
			.list();
	}

	private void record(long scope, long tagId, List<Long> persons, String change, String actor, String reason) {
		if (persons.isEmpty()) {
			return;
		}
		this.jdbc.sql("""
				insert into person_tag_change (tenant_id, tag_id, person_id, change, actor, reason)
				select ?, ?, unnest(?), ?, ?, ?""")
			.params(scope, tagId, persons.toArray(Long[]::new), change, actor, reason)
			.update();
	}

	private void publish(long scope, long tagId, List<Long> added, List<Long> removed) {
		if (!added.isEmpty() || !removed.isEmpty()) {
			this.events.publishEvent(new TagsChanged(scope, tagId, added, removed));
		}
	}

}
