package dev.siyu.tenant;

import java.util.EnumSet;
import java.util.Set;

/** What a role may see or do in the console. */
public enum Permission {

	VIEW_OVERVIEW(Role.OWNER, Role.ADMIN, Role.OPERATOR, Role.ANALYST),

	VIEW_CUSTOMERS(Role.OWNER, Role.ADMIN, Role.OPERATOR, Role.ANALYST, Role.GUIDE),

	REVEAL_PERSONAL_DATA(Role.OWNER, Role.ADMIN, Role.OPERATOR),

	VIEW_IMPORTS(Role.OWNER, Role.ADMIN, Role.OPERATOR, Role.ANALYST),

	RUN_IMPORTS(Role.OWNER, Role.ADMIN, Role.OPERATOR),

	MANAGE_AUDIENCES(Role.OWNER, Role.ADMIN, Role.OPERATOR),

	TAG_PERSONS(Role.OWNER, Role.ADMIN, Role.OPERATOR, Role.GUIDE),

	MANAGE_WECOM(Role.OWNER, Role.ADMIN, Role.OPERATOR),

	REVIEW_IDENTITIES(Role.OWNER, Role.ADMIN, Role.OPERATOR),

	MANAGE_TENANT(Role.OWNER, Role.ADMIN),

	VIEW_AUDIT_LOG(Role.OWNER, Role.ADMIN);

	private final Set<Role> roles;

	Permission(Role first, Role... more) {
		this.roles = EnumSet.of(first, more);
	}

	public boolean grantedTo(Role role) {
		return this.roles.contains(role);
	}

}
