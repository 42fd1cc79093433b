package dev.siyu.identity;

import java.util.Arrays;

/**
 * Unites the accounts that share an identifier: identifiers of the highest priority first
 * (then by id), within one identifier the account with the smallest id first. An
 * identifier shared by more accounts than the hub threshold links nobody, and the
 * do-not-link memory can refuse a union. Records for every account the first account it
 * was linked with and through which identifier.
 */
final class AccountSets {

	final UnionFind sets;

	/** The dense number of the account each account was linked with, or -1. */
	final int[] linkedWith;

	/** The identifier of that link. */
	final long[] viaIdentifier;

	/** Identifiers left out because too many accounts share them. */
	final int hubs;

	private AccountSets(UnionFind sets, int[] linkedWith, long[] viaIdentifier, int hubs) {
		this.sets = sets;
		this.linkedWith = linkedWith;
		this.viaIdentifier = viaIdentifier;
		this.hubs = hubs;
	}

	static AccountSets connect(AccountIndex index, IdentifierEdges edges, DoNotLink guard, int hubThreshold) {
		int n = index.size();
		edges.sort();
		int[] groupStart = sharedGroupsByPriority(edges);
		UnionFind sets = new UnionFind(n);
		int[] linkedWith = new int[n];
		Arrays.fill(linkedWith, -1);
		long[] viaIdentifier = new long[n];
		int hubs = 0;
		int[] members = new int[16];
		for (int start : groupStart) {
			long key = edges.key(start);
			int size = 0;
			for (int e = start; e < edges.size() && edges.key(e) == key; e++) {
				if (size == members.length) {
					members = Arrays.copyOf(members, size * 2);
				}
				members[size++] = edges.account(e);
			}
			if (size > hubThreshold) {
				hubs++;
				continue;
			}
			byAccountId(members, size, index);
			long identifier = key >>> IdentifierEdges.PRIORITY_BITS;
			int first = members[0];
			for (int m = 1; m < size; m++) {
				int account = members[m];
				if (account == first || !guard.allows(sets, first, account)) {
					continue;
				}
				sets.union(first, account);
				if (linkedWith[account] < 0) {
					linkedWith[account] = first;
					viaIdentifier[account] = identifier;
				}
				if (linkedWith[first] < 0) {
					linkedWith[first] = account;
					viaIdentifier[first] = identifier;
				}
			}
		}
		return new AccountSets(sets, linkedWith, viaIdentifier, hubs);
	}

	/** Number of sets the accounts form. */
	int count() {
		int roots = 0;
		for (int i = 0; i < this.linkedWith.length; i++) {
			roots += (this.sets.find(i) == i) ? 1 : 0;
		}
		return roots;
	}

	/**
	 * The first edge of every identifier shown by more than one account, in order of
	 * priority and, within a priority, of identifier (the edges are sorted by key).
	 */
	private static int[] sharedGroupsByPriority(IdentifierEdges edges) {
		int mask = (1 << IdentifierEdges.PRIORITY_BITS) - 1;
		int[] perPriority = new int[mask + 2];
		int groups = 0;
		for (int e = 0; e < edges.size();) {
			int end = e + 1;
			while (end < edges.size() && edges.key(end) == edges.key(e)) {
				end++;
			}
			if (end - e > 1) {
				perPriority[(int) (edges.key(e) & mask) + 1]++;
				groups++;
			}
			e = end;
		}
		for (int p = 1; p < perPriority.length; p++) {
			perPriority[p] += perPriority[p - 1];
		}
		int[] starts = new int[groups];
		for (int e = 0; e < edges.size();) {
			int end = e + 1;
			while (end < edges.size() && edges.key(end) == edges.key(e)) {
				end++;
			}
			if (end - e > 1) {
				starts[perPriority[(int) (edges.key(e) & mask)]++] = e;
			}
			e = end;
		}
		return starts;
	}

	private static void byAccountId(int[] members, int size, AccountIndex index) {
		for (int i = 1; i < size; i++) {
			int member = members[i];
			long id = index.idAt(member);
			int j = i - 1;
			while (j >= 0 && index.idAt(members[j]) > id) {
				members[j + 1] = members[j];
				j--;
			}
			members[j + 1] = member;
		}
	}

}
