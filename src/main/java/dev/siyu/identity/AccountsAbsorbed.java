package dev.siyu.identity;

/**
 * An import registered accounts and identifiers of a scope and linked them
 * deterministically; the persons it touched wait in {@code identity_match_pending} when
 * the scope matches probabilistically after imports.
 *
 * @param scope the identity scope
 * @param pending persons queued for probabilistic matching (0 when the scope does not
 * match after imports)
 */
public record AccountsAbsorbed(long scope, long pending) {
}
