package dev.siyu.identity;

import java.util.List;

/**
 * A person was split: some of its accounts now belong to new persons. Listeners must be
 * idempotent; the same split may be delivered again.
 *
 * @param scope the identity scope (the brand, or its group when the group shares One ID)
 */
public record PersonSplit(long scope, long personId, List<Long> newPersonIds) {
}
