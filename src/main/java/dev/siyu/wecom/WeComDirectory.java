package dev.siyu.wecom;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.siyu.shared.TenantId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Staff members with their customers, and the latest welcome messages sent. */
@Component
public class WeComDirectory {

	private final JdbcClient jdbc;

	WeComDirectory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Map<String, Object>> staff(TenantId tenant) {
		return this.jdbc.sql("""
				select s.userid, s.name, s.store, s.left_at is not null,
				       (select count(*) from wecom_follow f where f.tenant_id = s.tenant_id and f.userid = s.userid
				          and f.deleted_at is null) as customers
				from wecom_staff s where s.tenant_id = ? order by s.userid""").param(tenant.value()).query((rs, n) -> {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("userId", rs.getString(1));
			row.put("name", rs.getString(2));
			row.put("store", rs.getString(3));
			row.put("left", rs.getBoolean(4));
			row.put("customers", rs.getLong(5));
			return row;
		}).list();
	}

	public List<Map<String, Object>> welcomes(TenantId tenant, int limit) {
		return this.jdbc.sql("""
				select external_userid, userid, state, status, detail, latency_ms, event_at
				from wecom_welcome where tenant_id = ? order by id desc limit ?""")
			.params(tenant.value(), limit)
			.query((rs, n) -> {
				Map<String, Object> row = new LinkedHashMap<>();
				row.put("externalUserId", rs.getString(1));
				row.put("userId", rs.getString(2));
				row.put("state", rs.getString(3));
				row.put("status", rs.getString(4));
				row.put("detail", rs.getString(5));
				row.put("latencyMs", rs.getObject(6));
				row.put("eventAt", rs.getTimestamp(7).toInstant().toString());
				return row;
			})
			.list();
	}

}
