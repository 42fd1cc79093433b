package dev.siyu.identity;

import dev.siyu.shared.TenantId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Per-tenant switches of the identity engine: whether probabilistic matching runs by
 * itself after every import (default from {@code siyu.identity.auto-match}).
 */
@Service
public class IdentitySettings {

	private final JdbcClient jdbc;

	private final boolean autoMatchByDefault;

	IdentitySettings(JdbcClient jdbc, @Value("${siyu.identity.auto-match:false}") boolean autoMatchByDefault) {
		this.jdbc = jdbc;
		this.autoMatchByDefault = autoMatchByDefault;
	}

	public boolean autoMatch(TenantId scope) {
		return this.jdbc.sql("select auto_match from identity_setting where tenant_id = ?")
			.param(scope.value())
			.query(Boolean.class)
			.optional()
			.orElse(this.autoMatchByDefault);
	}

	public void autoMatch(TenantId scope, boolean on) {
		this.jdbc.sql("""
				insert into identity_setting (tenant_id, auto_match) values (?, ?)
				on conflict (tenant_id) do update set auto_match = excluded.auto_match""")
			.params(scope.value(), on)
			.update();
	}

}
