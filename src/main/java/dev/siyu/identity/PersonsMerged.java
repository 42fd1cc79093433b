package dev.siyu.identity;

import java.util.List;

/**
 * Persons were merged into a survivor: whatever hangs on a merged person now belongs to
 * the survivor. Listeners must be idempotent; the same merge may be delivered again.
 *
 * @param scope the identity scope (the brand, or its group when the group shares One ID)
 */
public record PersonsMerged(long scope, long survivorId, List<Long> mergedIds) {
}
