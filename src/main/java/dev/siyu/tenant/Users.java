package dev.siyu.tenant;

import java.util.List;
import java.util.Optional;

import dev.siyu.shared.TenantId;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** People who sign in to the console, and the role each has in each tenant. */
@Service
public class Users {

	private final JdbcClient jdbc;

	private final PasswordEncoder passwords = PasswordEncoderFactories.createDelegatingPasswordEncoder();

	Users(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional
	public long create(String username, String displayName, String password) {
		if (username == null || username.isBlank()) {
			throw new IllegalArgumentException("a user needs a username");
		}
		if (password == null || password.length() < 8) {
			throw new IllegalArgumentException("a password needs at least 8 characters");
		}
		try {
			return this.jdbc
				.sql("insert into app_user (username, display_name, password_hash) values (?, ?, ?) returning id")
				.params(username, (displayName == null) ? username : displayName, this.passwords.encode(password))
				.query(Long.class)
				.single();
		}
		catch (DuplicateKeyException ex) {
			throw new IllegalArgumentException("user '" + username + "' already exists");
		}
	}

	@Transactional
	public void grant(String username, TenantId tenant, Role role) {
		long userId = idOf(username);
		this.jdbc.sql("""
				insert into membership (user_id, tenant_id, role) values (?, ?, ?)
				on conflict (user_id, tenant_id) do update set role = excluded.role""")
			.params(userId, tenant.value(), role.code())
			.update();
	}

	public List<Membership> memberships(String username) {
		return this.jdbc.sql("""
				select m.tenant_id, m.role from membership m join app_user u on u.id = m.user_id
				where u.username = ? order by m.tenant_id""")
			.param(username)
			.query((rs, row) -> new Membership(new TenantId(rs.getLong(1)), Role.of(rs.getString(2))))
			.list();
	}

	/**
	 * What signing in checks: the stored password hash, and whether the user is disabled.
	 */
	public Optional<Credentials> credentials(String username) {
		return this.jdbc.sql(
				"select username, display_name, password_hash, disabled_at is not null from app_user where username = ?")
			.param(username)
			.query((rs, row) -> new Credentials(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)))
			.optional();
	}

	/** The users of one tenant with their roles. */
	public List<Member> members(TenantId tenant) {
		return this.jdbc.sql("""
				select u.username, u.display_name, m.role from membership m join app_user u on u.id = m.user_id
				where m.tenant_id = ? order by u.username""")
			.param(tenant.value())
			.query((rs, row) -> new Member(rs.getString(1), rs.getString(2), Role.of(rs.getString(3))))
			.list();
	}

	private long idOf(String username) {
		return this.jdbc.sql("select id from app_user where username = ?")
			.param(username)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new IllegalArgumentException("no user named '" + username + "'"));
	}

	/** A user as signing in sees it; the password only as its hash. */
	public record Credentials(String username, String displayName, String passwordHash, boolean disabled) {
	}

	/** A user of a tenant and the role there. */
	public record Member(String username, String displayName, Role role) {
	}

	/** A user's role in one tenant. */
	public record Membership(TenantId tenant, Role role) {
	}

}
