package dev.siyu.wecom;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.siyu.privacy.PersonalData;
import dev.siyu.shared.TenantId;
import dev.siyu.tenant.Tenant;
import dev.siyu.tenant.Tenants;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The corps tenants are connected to. Token, AES key and secret are stored encrypted; the
 * decrypted settings are cached by tenant name for the callback path.
 */
@Service
public class Corps {

	private final JdbcClient jdbc;

	private final PersonalData personalData;

	private final Tenants tenants;

	private static final long CACHE_NANOS = 30_000_000_000L;

	/**
	 * Settings by tenant name, absent ones too, for 30 s: a change made elsewhere arrives
	 * that late.
	 */
	private final Map<String, Cached> byName = new ConcurrentHashMap<>();

	private final Map<Long, String> names = new ConcurrentHashMap<>();

	Corps(JdbcClient jdbc, PersonalData personalData, Tenants tenants) {
		this.jdbc = jdbc;
		this.personalData = personalData;
		this.tenants = tenants;
	}

	/**
	 * Connects the tenant to a corp, or changes its settings; returns what was stored.
	 */
	public Corp configure(String tenantName, CorpSettings settings) {
		return configure(this.tenants.byName(tenantName)
			.orElseThrow(() -> new IllegalArgumentException("no tenant named '" + tenantName + "'")), settings);
	}

	Corp configure(TenantId tenant, CorpSettings settings) {
		return configure(this.tenants.byId(tenant).orElseThrow(), settings);
	}

	private Corp configure(Tenant tenant, CorpSettings settings) {
		Optional<Corp> before = find(tenant.name());
		String secret = (settings.secret() != null) ? settings.secret() : before.map(Corp::secret).orElse(null);
		Integer agentId = (settings.agentId() != null) ? settings.agentId() : before.map(Corp::agentId).orElse(null);
		int perMinute = (settings.callsPerMinute() != null) ? settings.callsPerMinute()
				: before.map(Corp::callsPerMinute).orElse(2000);
		this.jdbc.sql("""
				insert into wecom_corp (tenant_id, corp_id, agent_id, token_enc, aes_key_enc, secret_enc, api_base,
				                        calls_per_minute)
				values (?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (tenant_id) do update set corp_id = excluded.corp_id, agent_id = excluded.agent_id,
				  token_enc = excluded.token_enc, aes_key_enc = excluded.aes_key_enc, secret_enc = excluded.secret_enc,
				  api_base = excluded.api_base, calls_per_minute = excluded.calls_per_minute, updated_at = now()""")
			.params(tenant.id().value(), settings.corpId(), agentId, this.personalData.encrypt(settings.token()),
					this.personalData.encrypt(settings.aesKey()), this.personalData.encrypt(secret), settings.apiBase(),
					perMinute)
			.update();
		this.byName.remove(tenant.name());
		return find(tenant.name()).orElseThrow();
	}

	/** The corp of a tenant, by the tenant's name as it appears in callback URLs. */
	public Optional<Corp> find(String tenantName) {
		Cached cached = this.byName.get(tenantName);
		if (cached != null && cached.expires() - System.nanoTime() > 0) {
			return cached.corp();
		}
		Optional<Corp> corp = this.jdbc.sql("""
				select t.id, t.name, c.corp_id, c.agent_id, c.token_enc, c.aes_key_enc, c.secret_enc, c.api_base,
				       c.calls_per_minute
				from wecom_corp c join tenant t on t.id = c.tenant_id where t.name = ?""")
			.param(tenantName)
			.query((rs, n) -> new Corp(new TenantId(rs.getLong(1)), rs.getString(2), rs.getString(3),
					(Integer) rs.getObject(4), this.personalData.decrypt(rs.getBytes(5)),
					this.personalData.decrypt(rs.getBytes(6)), this.personalData.decrypt(rs.getBytes(7)),
					rs.getString(8), rs.getInt(9)))
			.optional();
		this.byName.put(tenantName, new Cached(corp, System.nanoTime() + CACHE_NANOS));
		return corp;
	}

	public Optional<Corp> find(TenantId tenant) {
		String name = this.names.get(tenant.value());
		if (name == null) {
			Optional<Tenant> found = this.tenants.byId(tenant);
			if (found.isEmpty()) {
				return Optional.empty();
			}
			name = found.get().name();
			this.names.put(tenant.value(), name);
		}
		return find(name);
	}

	Corp require(TenantId tenant) {
		return find(tenant).orElseThrow(() -> new IllegalArgumentException(
				"this tenant is not connected to WeCom: run 'siyu wecom configure' or PUT /api/v1/wecom/corp"));
	}

	/**
	 * The identity scope of a tenant: its own, or its group's when the group shares One
	 * ID.
	 */
	TenantId identityScope(TenantId tenant) {
		return this.tenants.byId(tenant).map(Tenant::identityScope).orElse(tenant);
	}

	private record Cached(Optional<Corp> corp, long expires) {
	}

}
