package dev.siyu.wecom;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.siyu.shared.TenantId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** How a tenant's WeCom channel stands: the event log, contacts, friends, groups. */
@Service
public class WeComStatus {

	private final JdbcClient jdbc;

	WeComStatus(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Map<String, Object> of(TenantId tenant) {
		Map<String, Object> status = new LinkedHashMap<>();
		this.jdbc.sql("""
				select count(*), count(*) filter (where processed_at is null),
				       count(*) filter (where error is not null), coalesce(sum(process_count), 0)
				from wecom_event where tenant_id = ?""").param(tenant.value()).query(rs -> {
			status.put("events", rs.getLong(1));
			status.put("eventsPending", rs.getLong(2));
			status.put("eventsFailed", rs.getLong(3));
			status.put("eventsProcessings", rs.getLong(4));
		});
		status.put("staff", count("select count(*) from wecom_staff where tenant_id = ? and left_at is null", tenant));
		status.put("contacts", count("select count(*) from wecom_contact where tenant_id = ?", tenant));
		status.put("friendships",
				count("select count(*) from wecom_follow where tenant_id = ? and deleted_at is null", tenant));
		status.put("groups",
				count("select count(*) from wecom_group where tenant_id = ? and dismissed_at is null", tenant));
		status.put("corpTags",
				count("select count(*) from wecom_corp_tag where tenant_id = ? and deleted_at is null", tenant));
		status.put("welcomesSent",
				count("select count(*) from wecom_welcome where tenant_id = ? and status = 'sent'", tenant));
		status.put("optedOut",
				count("select count(*) from wecom_contact where tenant_id = ? and marketing_opt_out", tenant));
		return status;
	}

	private long count(String sql, TenantId tenant) {
		return this.jdbc.sql(sql).param(tenant.value()).query(Long.class).single();
	}

}
