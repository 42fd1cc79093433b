package dev.siyu.console;

import java.util.List;
import java.util.Locale;

import dev.siyu.shared.TenantId;
import dev.siyu.tenant.Permission;
import dev.siyu.tenant.Role;
import dev.siyu.tenant.Tenant;

import org.springframework.security.access.AccessDeniedException;

/**
 * Who is working in which tenant with which role, and the other tenants they may switch
 * to. {@link #tenants()} are the tenants whose orders the pages show: the brand itself,
 * or a group with all its brands; {@link #identityScopes()} are the identity graphs their
 * buyers belong to.
 */
record Workspace(String username, String displayName, Tenant tenant, Role role, List<Choice> choices,
		List<TenantId> tenants, List<TenantId> identityScopes) {

	public boolean may(Permission permission) {
		return this.role.may(permission);
	}

	void require(Permission permission) {
		if (!may(permission)) {
			throw new AccessDeniedException("role " + this.role.code() + " may not "
					+ permission.name().toLowerCase(Locale.ROOT).replace('_', ' '));
		}
	}

	public TenantId tenantId() {
		return this.tenant.id();
	}

	Long[] scopeIds() {
		return this.identityScopes.stream().map(TenantId::value).toArray(Long[]::new);
	}

	Long[] tenantIds() {
		return this.tenants.stream().map(TenantId::value).toArray(Long[]::new);
	}

	/** A tenant the user may work in, and the role there. */
	record Choice(Tenant tenant, Role role) {
	}

}
