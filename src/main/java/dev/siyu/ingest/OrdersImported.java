package dev.siyu.ingest;

import dev.siyu.shared.TenantId;

/** Orders of a tenant were imported: some new, some updated in place. */
public record OrdersImported(TenantId tenant, long importId, String platform, long imported, long updated) {
}
