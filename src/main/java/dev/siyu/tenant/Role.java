package dev.siyu.tenant;

import java.util.Locale;

/** What a user may do in a tenant, from most to least powerful. */
public enum Role {

	OWNER, ADMIN, OPERATOR, ANALYST, GUIDE;

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	public boolean may(Permission permission) {
		return permission.grantedTo(this);
	}

	public static Role of(String code) {
		for (Role role : values()) {
			if (role.code().equalsIgnoreCase(code.trim())) {
				return role;
			}
		}
		throw new IllegalArgumentException("unknown role '" + code + "' (owner, admin, operator, analyst, guide)");
	}

}
