package dev.siyu.identity;

/** What one round of linking did. */
public record LinkSummary(long accountsCreated, long identifiersCreated, long personsCreated, long personsMerged,
		long accountsMoved, long identifiersQuarantined) {
}
