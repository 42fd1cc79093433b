package dev.siyu.tenant;

import dev.siyu.shared.TenantId;

/**
 * A brand, or a group of brands. A brand of a group shares its One ID with the group's
 * other brands only when the group switched sharing on.
 */
public record Tenant(TenantId id, String name, String displayName, boolean isGroup, TenantId groupId,
		boolean groupSharesOneId) {

	/** The tenant whose identity graph this tenant's buyers belong to. */
	public TenantId identityScope() {
		return (this.groupId != null && this.groupSharesOneId) ? this.groupId : this.id;
	}

}
