package dev.siyu.audience;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.siyu.api.NotFound;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Saved audiences of a scope, their frozen snapshots, and the membership of dynamic ones,
 * whose entries and exits are recorded and announced as
 * {@link AudienceMembershipChanged}.
 */
@Service
public class Audiences {

	private final JdbcClient jdbc;

	private final Segments segments;

	private final ApplicationEventPublisher events;

	Audiences(JdbcClient jdbc, Segments segments, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.segments = segments;
		this.events = events;
	}

	/** A frozen membership. */
	public record Snapshot(long id, long audienceId, String expression, long members, String takenBy, String takenAt) {

	}

	@Transactional
	public Audience create(long scope, String name, Expression expression, boolean dynamic, String actor) {
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("an audience needs a name");
		}
		this.segments.count(scope, expression, Engine.BITMAP);
		if (this.jdbc.sql("select count(*) from audience where tenant_id = ? and name = ? and deleted_at is null")
			.params(scope, name)
			.query(Long.class)
			.single() > 0) {
			throw new IllegalArgumentException("an audience named '" + name + "' exists already");
		}
		long id = this.jdbc.sql("""
				insert into audience (tenant_id, name, expression, dynamic, created_by) values (?, ?, ?, ?, ?)
				returning id""")
			.params(scope, name, Expressions.toText(expression), dynamic, actor)
			.query(Long.class)
			.single();
		Audience audience = require(scope, id);
		if (dynamic) {
			refresh(audience);
		}
		return audience;
	}

	@Transactional
	public Audience update(long scope, long id, String name, Expression expression, String actor) {
		Audience audience = require(scope, id);
		if (expression != null) {
			this.segments.count(scope, expression, Engine.BITMAP);
		}
		this.jdbc.sql(
				"update audience set name = coalesce(?, name), expression = coalesce(?, expression), updated_at = now()"
						+ " where id = ?")
			.params(name, (expression != null) ? Expressions.toText(expression) : null, audience.id())
			.update();
		Audience updated = require(scope, id);
		if (updated.dynamic()) {
			refresh(updated);
		}
		return updated;
	}

	@Transactional
	public void delete(long scope, long id) {
		Audience audience = require(scope, id);
		this.jdbc.sql("update audience set deleted_at = now(), name = name || ' (deleted ' || id || ')' where id = ?")
			.param(audience.id())
			.update();
		this.jdbc.sql("delete from audience_member where audience_id = ?").param(audience.id()).update();
	}

	public List<Audience> all(long scope) {
		return this.jdbc
			.sql("select id, tenant_id, name, expression, dynamic, created_by from audience"
					+ " where tenant_id = ? and deleted_at is null order by name")
			.param(scope)
			.query(Audiences::audience)
			.list();
	}

	public Audience require(long scope, long id) {
		return this.jdbc
			.sql("select id, tenant_id, name, expression, dynamic, created_by from audience"
					+ " where tenant_id = ? and id = ? and deleted_at is null")
			.params(scope, id)
			.query(Audiences::audience)
			.optional()
			.orElseThrow(() -> new NotFound("no audience " + id));
	}

	/** Freezes who is in now. */
	@Transactional
	public Snapshot snapshot(long scope, long id, String actor) {
		Audience audience = require(scope, id);
		long[] members = this.segments.members(scope, audience.parsed());
		long snapshotId = this.jdbc.sql("""
				insert into audience_snapshot (audience_id, tenant_id, expression, members, taken_by)
				values (?, ?, ?, ?, ?) returning id""")
			.params(id, scope, audience.expression(), members.length, actor)
			.query(Long.class)
			.single();
		this.jdbc.sql("insert into audience_snapshot_member (snapshot_id, person_id) select ?, unnest(?)")
			.params(snapshotId, boxed(members))
			.update();
		return snapshots(scope, id).stream().filter(s -> s.id() == snapshotId).findFirst().orElseThrow();
	}

	public List<Snapshot> snapshots(long scope, long id) {
		require(scope, id);
		return this.jdbc.sql("""
				select id, audience_id, expression, members, taken_by, taken_at from audience_snapshot
				where tenant_id = ? and audience_id = ? order by id""")
			.params(scope, id)
			.query((rs, n) -> new Snapshot(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4),
					rs.getString(5), rs.getTimestamp(6).toInstant().toString()))
			.list();
	}

	public List<Long> snapshotMembers(long scope, long audienceId, long snapshotId) {
		require(scope, audienceId);
		return this.jdbc.sql("""
				select m.person_id from audience_snapshot_member m join audience_snapshot s on s.id = m.snapshot_id
				where s.id = ? and s.audience_id = ? and s.tenant_id = ? order by m.person_id""")
			.params(snapshotId, audienceId, scope)
			.query(Long.class)
			.list();
	}

	/** Brings every dynamic audience of the scope up to date. */
	@Transactional
	public void refreshDynamic(long scope) {
		for (Audience audience : all(scope)) {
			if (audience.dynamic()) {
				refresh(audience);
			}
		}
	}

	/** The latest entries and exits of a dynamic audience. */
	public List<Map<String, Object>> changes(long scope, long id, int limit) {
		require(scope, id);
		return this.jdbc.sql("""
				select person_id, change, at from audience_membership_change where audience_id = ?
				order by id desc limit ?""").params(id, limit).query((rs, n) -> {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("personId", rs.getLong(1));
			row.put("change", rs.getString(2));
			row.put("at", rs.getTimestamp(3).toInstant().toString());
			return row;
		}).list();
	}

	private void refresh(Audience audience) {
		Long[] members = boxed(this.segments.members(audience.scope(), audience.parsed()));
		List<Long> left = this.jdbc
			.sql("delete from audience_member where audience_id = ? and not person_id = any(?) returning person_id")
			.params(audience.id(), members)
			.query(Long.class)
			.list();
		List<Long> entered = this.jdbc.sql("""
				insert into audience_member (audience_id, person_id) select ?, unnest(?)
				on conflict do nothing returning person_id""").params(audience.id(), members).query(Long.class).list();
		if (entered.isEmpty() && left.isEmpty()) {
			return;
		}
		this.jdbc.sql("""
				insert into audience_membership_change (audience_id, person_id, change)
				select ?, unnest(?), 'entered' union all select ?, unnest(?), 'left'""")
			.params(audience.id(), entered.toArray(Long[]::new), audience.id(), left.toArray(Long[]::new))
			.update();
		this.events.publishEvent(new AudienceMembershipChanged(audience.scope(), audience.id(), entered, left));
	}

	static Long[] boxed(long[] ids) {
		Long[] boxed = new Long[ids.length];
		for (int i = 0; i < ids.length; i++) {
			boxed[i] = ids[i];
		}
		return boxed;
	}

	private static Audience audience(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Audience(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getBoolean(5),
				rs.getString(6));
	}

}
