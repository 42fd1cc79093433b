package dev.siyu.wecom;

import java.time.Instant;

import dev.siyu.shared.TenantId;

/**
 * Who a tenant can reach through WeCom changed (friends added or deleted, groups joined
 * or left, consent given or withdrawn) up to {@code lastChange}. Published at most once
 * per interval per tenant, however many changes the interval saw.
 */
public record ReachChanged(TenantId tenant, Instant lastChange) {
}
