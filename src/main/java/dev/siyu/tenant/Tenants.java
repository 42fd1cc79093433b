package dev.siyu.tenant;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.siyu.shared.TenantId;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** All tenants: creating brands and groups, and finding them by name or id. */
@Service
public class Tenants {

	private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");

	private final JdbcClient jdbc;

	private final ApiKeys apiKeys;

	Tenants(JdbcClient jdbc, ApiKeys apiKeys) {
		this.jdbc = jdbc;
		this.apiKeys = apiKeys;
	}

	/** Creates a brand and its first API key; the key is shown only in the result. */
	@Transactional
	public CreatedTenant create(String name, String displayName) {
		return create(name, displayName, false, null);
	}

	/** Creates a group tenant, whose brands may later be set to share One ID. */
	@Transactional
	public CreatedTenant createGroup(String name, String displayName, boolean shareOneId) {
		CreatedTenant created = create(name, displayName, true, null);
		this.jdbc.sql("update tenant set share_one_id = ? where id = ?")
			.params(shareOneId, created.tenant().id().value())
			.update();
		return new CreatedTenant(require(name), created.apiKey());
	}

	/** Creates a brand inside a group. */
	@Transactional
	public CreatedTenant createBrand(String name, String displayName, String groupName) {
		Tenant group = require(groupName);
		if (!group.isGroup()) {
			throw new IllegalArgumentException("tenant '" + groupName + "' is not a group");
		}
		return create(name, displayName, false, group.id());
	}

	private CreatedTenant create(String name, String displayName, boolean isGroup, TenantId groupId) {
		if (name == null || !NAME.matcher(name).matches()) {
			throw new IllegalArgumentException("tenant name '" + name
					+ "' must be 1-63 lower-case letters, digits, '-' or '_', starting with a letter or digit");
		}
		Long id;
		try {
			id = this.jdbc
				.sql("insert into tenant (name, display_name, is_group, group_id) values (?, ?, ?, ?) returning id")
				.params(name, (displayName == null || displayName.isBlank()) ? name : displayName, isGroup,
						(groupId != null) ? groupId.value() : null)
				.query(Long.class)
				.single();
		}
		catch (DuplicateKeyException ex) {
			throw new IllegalArgumentException("tenant '" + name + "' already exists");
		}
		TenantId tenantId = new TenantId(id);
		String key = this.apiKeys.issue(tenantId, "default");
		return new CreatedTenant(require(name), key);
	}

	public Optional<Tenant> byName(String name) {
		return this.jdbc.sql(SELECT + " where t.name = ?").param(name).query(Tenants::map).optional();
	}

	public Optional<Tenant> byId(TenantId id) {
		return this.jdbc.sql(SELECT + " where t.id = ?").param(id.value()).query(Tenants::map).optional();
	}

	/** The tenant of that name, or a clear error naming it. */
	public Tenant require(String name) {
		return byName(name).orElseThrow(() -> new IllegalArgumentException(
				"no tenant named '" + name + "' (create it with: siyu tenant create " + name + ")"));
	}

	public List<Tenant> all() {
		return this.jdbc.sql(SELECT + " order by t.name").query(Tenants::map).list();
	}

	private static final String SELECT = """
			select t.id, t.name, t.display_name, t.is_group, t.group_id, coalesce(g.share_one_id, false) as shares
			from tenant t left join tenant g on g.id = t.group_id""";

	private static Tenant map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		Long groupId = rs.getObject("group_id", Long.class);
		return new Tenant(new TenantId(rs.getLong("id")), rs.getString("name"), rs.getString("display_name"),
				rs.getBoolean("is_group"), (groupId != null) ? new TenantId(groupId) : null, rs.getBoolean("shares"));
	}

	/**
	 * A tenant just created with its first API key in clear (shown once, stored hashed).
	 */
	public record CreatedTenant(Tenant tenant, String apiKey) {
	}

}
