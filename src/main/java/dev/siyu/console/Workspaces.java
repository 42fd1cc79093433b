package dev.siyu.console;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.siyu.shared.TenantId;
import dev.siyu.tenant.Tenant;
import dev.siyu.tenant.Tenants;
import dev.siyu.tenant.Users;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Works out a request's {@link Workspace}: the user's memberships, and for a membership
 * in a group the group's brands with the same role. The chosen tenant is kept in the
 * session; the first tenant is the default.
 */
@Component
class Workspaces {

	static final String SESSION_TENANT = "siyu.console.tenant";

	private static final String REQUEST_CACHE = Workspace.class.getName();

	private final Users users;

	private final Tenants tenants;

	Workspaces(Users users, Tenants tenants) {
		this.users = users;
		this.tenants = tenants;
	}

	Workspace of(HttpServletRequest request, String username) {
		Object cached = request.getAttribute(REQUEST_CACHE);
		if (cached instanceof Workspace workspace) {
			return workspace;
		}
		List<Tenant> all = this.tenants.all();
		Map<TenantId, Workspace.Choice> choices = choices(all, username);
		if (choices.isEmpty()) {
			throw new AccessDeniedException("user '" + username + "' is a member of no tenant");
		}
		HttpSession session = request.getSession();
		Object chosen = session.getAttribute(SESSION_TENANT);
		Workspace.Choice current = (chosen instanceof Long id) ? choices.get(new TenantId(id)) : null;
		if (current == null) {
			current = choices.values().iterator().next();
		}
		String displayName = this.users.credentials(username).map(Users.Credentials::displayName).orElse(username);
		List<Tenant> scope = scope(all, current.tenant());
		Workspace workspace = new Workspace(username, displayName, current.tenant(), current.role(),
				List.copyOf(choices.values()), scope.stream().map(Tenant::id).toList(),
				scope.stream().map(Tenant::identityScope).distinct().toList());
		request.setAttribute(REQUEST_CACHE, workspace);
		return workspace;
	}

	/** Switches the session to another tenant, if the user may work there. */
	void choose(HttpServletRequest request, String username, long tenantId) {
		if (!choices(this.tenants.all(), username).containsKey(new TenantId(tenantId))) {
			throw new AccessDeniedException("user '" + username + "' has no role in tenant " + tenantId);
		}
		request.getSession().setAttribute(SESSION_TENANT, tenantId);
		request.removeAttribute(REQUEST_CACHE);
	}

	private Map<TenantId, Workspace.Choice> choices(List<Tenant> all, String username) {
		Map<TenantId, Tenant> byId = new LinkedHashMap<>();
		all.forEach(tenant -> byId.put(tenant.id(), tenant));
		Map<TenantId, Workspace.Choice> choices = new LinkedHashMap<>();
		for (Users.Membership membership : this.users.memberships(username)) {
			Tenant tenant = byId.get(membership.tenant());
			if (tenant == null) {
				continue;
			}
			choices.put(tenant.id(), new Workspace.Choice(tenant, membership.role()));
			if (tenant.isGroup()) {
				for (Tenant brand : all) {
					if (tenant.id().equals(brand.groupId())) {
						choices.putIfAbsent(brand.id(), new Workspace.Choice(brand, membership.role()));
					}
				}
			}
		}
		return choices;
	}

	private static List<Tenant> scope(List<Tenant> all, Tenant tenant) {
		List<Tenant> scope = new ArrayList<>();
		scope.add(tenant);
		if (tenant.isGroup()) {
			all.stream().filter(t -> tenant.id().equals(t.groupId())).forEach(scope::add);
		}
		return scope;
	}

}
