package dev.siyu.wecom;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.siyu.shared.TenantId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Corp tag marks as an operator sees them: queued, waiting to be tried again, done, or
 * failed with WeCom's errcode and message; failed marks can be queued again. A failed
 * mark that a later mark of the same relation and tag has overtaken is superseded and
 * never queued again, so an old "add" cannot undo a newer "remove".
 */
@Component
public class TagMarks {

	static final List<String> STATUSES = List.of("queued", "retrying", "done", "failed");

	private static final String STATUS = """
			case when m.done_at is null and m.attempts = 0 then 'queued'
			     when m.done_at is null then 'retrying'
			     when m.error is null then 'done' else 'failed' end""";

	private static final String SUPERSEDED = """
			exists (select 1 from wecom_tag_mark later
			        where later.tenant_id = m.tenant_id and later.userid = m.userid
			          and later.external_userid = m.external_userid and later.tag_id = m.tag_id and later.id > m.id)""";

	private final JdbcClient jdbc;

	TagMarks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The latest marks, newest first, all or those of one status (queued, retrying, done,
	 * failed), with the corp tag's name and the contact's masked name.
	 */
	public List<Map<String, Object>> list(TenantId tenant, String status, int limit) {
		if (status != null && !STATUSES.contains(status)) {
			throw new IllegalArgumentException(
					"status is one of " + String.join(", ", STATUSES) + ", not '" + status + "'");
		}
		String only = (status == null) ? "" : switch (status) {
			case "failed" -> " and m.done_at is not null and m.error is not null";
			case "done" -> " and m.done_at is not null and m.error is null";
			case "queued" -> " and m.done_at is null and m.attempts = 0";
			default -> " and m.done_at is null and m.attempts > 0";
		};
		return this.jdbc.sql("select m.id, m.userid, m.external_userid, m.tag_id, t.name, m.add, m.queued_at,"
				+ " m.done_at, m.attempts, m.retry_at, m.errcode, m.error, c.name_masked, " + STATUS + " as status, "
				+ SUPERSEDED + """
						 as superseded
						from wecom_tag_mark m
						left join wecom_corp_tag t on t.tenant_id = m.tenant_id and t.tag_id = m.tag_id
						left join wecom_contact c on c.tenant_id = m.tenant_id and c.external_userid = m.external_userid
						where m.tenant_id = :tenant""" + only + " order by m.id desc limit :limit")
			.param("tenant", tenant.value())
			.param("limit", limit)
			.query((rs, n) -> {
				Map<String, Object> row = new LinkedHashMap<>();
				row.put("id", rs.getLong("id"));
				row.put("userId", rs.getString("userid"));
				row.put("externalUserId", rs.getString("external_userid"));
				row.put("contactName", rs.getString("name_masked"));
				row.put("tagId", rs.getString("tag_id"));
				row.put("tagName", rs.getString("name"));
				row.put("action", rs.getBoolean("add") ? "add" : "remove");
				row.put("status", rs.getString("status"));
				row.put("attempts", rs.getInt("attempts"));
				row.put("errcode", rs.getObject("errcode"));
				row.put("error", rs.getString("error"));
				row.put("queuedAt", rs.getTimestamp("queued_at").toInstant().toString());
				row.put("doneAt", (rs.getTimestamp("done_at") != null)
						? rs.getTimestamp("done_at").toInstant().toString() : null);
				row.put("retryAt", (rs.getTimestamp("retry_at") != null)
						? rs.getTimestamp("retry_at").toInstant().toString() : null);
				row.put("superseded", rs.getBoolean("superseded"));
				return row;
			})
			.list();
	}

	/**
	 * Queues failed marks again (the given ids, or every failed one when none are given),
	 * except superseded ones; the scheduled push sends them within seconds.
	 */
	@Transactional
	public Map<String, Object> retry(TenantId tenant, List<Long> ids) {
		boolean all = ids == null || ids.isEmpty();
		Long[] asked = all ? new Long[0] : ids.toArray(Long[]::new);
		List<Long> failed = this.jdbc
			.sql("select m.id from wecom_tag_mark m where m.tenant_id = :tenant"
					+ " and m.done_at is not null and m.error is not null and (:all or m.id = any(:ids)) and not "
					+ SUPERSEDED + " order by m.id for update")
			.param("tenant", tenant.value())
			.param("all", all)
			.param("ids", asked)
			.query(Long.class)
			.list();
		if (!all) {
			List<Long> unknown = ids.stream().filter(id -> !failed.contains(id)).toList();
			List<Long> superseded = this.jdbc
				.sql("select m.id from wecom_tag_mark m where m.tenant_id = ?"
						+ " and m.done_at is not null and m.error is not null and m.id = any(?) and " + SUPERSEDED)
				.params(tenant.value(), asked)
				.query(Long.class)
				.list();
			List<Long> notFailed = unknown.stream().filter(id -> !superseded.contains(id)).toList();
			if (!notFailed.isEmpty()) {
				throw new IllegalArgumentException("tag marks " + notFailed
						+ " are not failed marks of this tenant; only failed marks can be retried");
			}
		}
		this.jdbc.sql("""
				update wecom_tag_mark set done_at = null, attempts = 0, retry_at = null, errcode = null, error = null
				where id = any(?)""").param(failed.toArray(Long[]::new)).update();
		int superseded = this.jdbc
			.sql("select count(*) from wecom_tag_mark m where m.tenant_id = :tenant"
					+ " and m.done_at is not null and m.error is not null and (:all or m.id = any(:ids)) and "
					+ SUPERSEDED)
			.param("tenant", tenant.value())
			.param("all", all)
			.param("ids", asked)
			.query(Integer.class)
			.single();
		return Map.of("retried", failed.size(), "superseded", superseded);
	}

}
