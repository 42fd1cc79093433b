package dev.siyu.wecom;

import java.sql.Timestamp;

import dev.siyu.shared.TenantId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Who came through which channel code, the first time: the code's customer count. */
@Component
class CodeCustomers {

	private final JdbcClient jdbc;

	CodeCustomers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void came(TenantId tenant, String state, String externalUserId, Timestamp at) {
		if (state == null || state.isEmpty()) {
			return;
		}
		this.jdbc.sql("""
				insert into wecom_code_customer (tenant_id, state, external_userid, first_at)
				values (?, ?, ?, coalesce(?, now()))
				on conflict do nothing""").params(tenant.value(), state, externalUserId, at).update();
	}

}
