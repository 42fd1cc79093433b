package dev.siyu.tenant;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import dev.siyu.shared.TenantId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * API keys of tenants. A key is 32 random bytes shown once; only its SHA-256 is stored,
 * which is enough for a secret of that entropy and lets a lookup be one index probe.
 */
@Service
public class ApiKeys {

	private static final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	ApiKeys(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Issues a new key for the tenant and returns it in clear, the only time it is
	 * visible.
	 */
	public String issue(TenantId tenant, String name) {
		byte[] secret = new byte[32];
		random.nextBytes(secret);
		String key = "sy_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		this.jdbc.sql("insert into api_key (tenant_id, name, prefix, secret_hash) values (?, ?, ?, ?)")
			.params(tenant.value(), name, key.substring(0, 8), hash(key))
			.update();
		return key;
	}

	/** The tenant a presented key belongs to, if the key is known and not revoked. */
	public Optional<TenantId> authenticate(String presented) {
		if (presented == null || !presented.startsWith("sy_")) {
			return Optional.empty();
		}
		return this.jdbc.sql("""
				update api_key set last_used_at = now()
				where secret_hash = ? and revoked_at is null
				returning tenant_id""").param(hash(presented)).query(Long.class).optional().map(TenantId::new);
	}

	/**
	 * The tenant's keys as they may be shown: name and first characters, never the
	 * secret.
	 */
	public List<Key> list(TenantId tenant) {
		return this.jdbc.sql("""
				select name, prefix, created_at, last_used_at, revoked_at is not null from api_key
				where tenant_id = ? order by id""")
			.param(tenant.value())
			.query((rs, row) -> new Key(rs.getString(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class),
					rs.getObject(4, OffsetDateTime.class), rs.getBoolean(5)))
			.list();
	}

	/** An API key as listed. */
	public record Key(String name, String prefix, OffsetDateTime createdAt, OffsetDateTime lastUsedAt,
			boolean revoked) {
	}

	private static byte[] hash(String key) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
