package dev.siyu.identity;

import java.util.Arrays;

/**
 * Decides which person each set of connected accounts becomes: the oldest person already
 * among its accounts and not kept by another set; a new person when there is none.
 * Persons left with no set are merged into the set's survivor. Works on primitive arrays
 * (sorted packed keys rather than maps) so ten million accounts fit in a modest heap.
 */
final class PersonAssignment {

	private final int[] rootOf;

	private final long[] survivorOfRoot;

	private final int[] newPersonOfRoot;

	private final int newPersons;

	private final int sets;

	private final long[] mergedPersons;

	private final long[] survivors;

	private PersonAssignment(int[] rootOf, long[] survivorOfRoot, int[] newPersonOfRoot, int newPersons, int sets,
			long[] mergedPersons, long[] survivors) {
		this.sets = sets;
		this.rootOf = rootOf;
		this.survivorOfRoot = survivorOfRoot;
		this.newPersonOfRoot = newPersonOfRoot;
		this.newPersons = newPersons;
		this.mergedPersons = mergedPersons;
		this.survivors = survivors;
	}

	static PersonAssignment of(UnionFind sets, long[] currentPerson, int n) {
		int[] rootOf = new int[n];
		for (int i = 0; i < n; i++) {
			rootOf[i] = sets.find(i);
		}
		int[] personRank = new int[n];
		Ranks ranked = rankPersons(currentPerson, n, personRank);
		long[] personIds = ranked.persons();
		// the persons of every set, ascending: accounts bucketed by set in order of
		// person
		int[] setStart = new int[n + 1];
		for (int account : ranked.accountsByPerson()) {
			setStart[rootOf[account] + 1]++;
		}
		for (int i = 0; i < n; i++) {
			setStart[i + 1] += setStart[i];
		}
		int[] ranks = new int[ranked.accountsByPerson().length];
		int[] fill = Arrays.copyOf(setStart, n);
		for (int account : ranked.accountsByPerson()) {
			ranks[fill[rootOf[account]]++] = personRank[account];
		}
		// sets are visited in order of their oldest person, so a person split across sets
		// survives in one
		int[] roots = rootsByOldestPerson(rootOf, setStart, ranks, n);
		long[] survivor = new long[n];
		boolean[] kept = new boolean[personIds.length];
		for (int root : roots) {
			for (int x = setStart[root]; x < setStart[root + 1]; x++) {
				if (!kept[ranks[x]]) {
					kept[ranks[x]] = true;
					survivor[root] = personIds[ranks[x]];
					break;
				}
			}
		}
		int[] newPersonOfRoot = new int[n];
		Arrays.fill(newPersonOfRoot, -1);
		int newPersons = 0;
		for (int root : roots) {
			if (survivor[root] == 0) {
				newPersonOfRoot[root] = newPersons++;
			}
		}
		boolean[] merged = new boolean[personIds.length];
		long[] mergedPersons = new long[16];
		long[] survivors = new long[16];
		int merges = 0;
		for (int i = 0; i < n; i++) {
			int rank = personRank[i];
			if (rank >= 0 && !kept[rank] && survivor[rootOf[i]] > 0 && !merged[rank]) {
				merged[rank] = true;
				if (merges == mergedPersons.length) {
					mergedPersons = Arrays.copyOf(mergedPersons, merges * 2);
					survivors = Arrays.copyOf(survivors, merges * 2);
				}
				mergedPersons[merges] = personIds[rank];
				survivors[merges++] = survivor[rootOf[i]];
			}
		}
		return new PersonAssignment(rootOf, survivor, newPersonOfRoot, newPersons, roots.length,
				Arrays.copyOf(mergedPersons, merges), Arrays.copyOf(survivors, merges));
	}

	/** Number of sets of connected accounts, each one person. */
	int sets() {
		return this.sets;
	}

	int newPersons() {
		return this.newPersons;
	}

	/** The persons merged away, in the order of their first account. */
	long[] mergedPersons() {
		return this.mergedPersons;
	}

	/** The person each of {@link #mergedPersons()} was merged into. */
	long[] survivors() {
		return this.survivors;
	}

	/** The person of every account, given the ids created for the new persons. */
	long[] resolve(long[] newIds) {
		long[] person = new long[this.rootOf.length];
		for (int i = 0; i < person.length; i++) {
			int root = this.rootOf[i];
			person[i] = (this.survivorOfRoot[root] > 0) ? this.survivorOfRoot[root]
					: newIds[this.newPersonOfRoot[root]];
		}
		return person;
	}

	/**
	 * Numbers the distinct persons in ascending order into {@code rank} (-1 for accounts
	 * without a person); returns the persons by rank and the accounts in order of person.
	 */
	private static Ranks rankPersons(long[] currentPerson, int n, int[] rank) {
		long[] persons = new long[n];
		int[] accounts = new int[n];
		int count = 0;
		for (int i = 0; i < n; i++) {
			rank[i] = -1;
			if (currentPerson[i] > 0) {
				persons[count] = currentPerson[i];
				accounts[count++] = i;
			}
		}
		PairSort.Sorted sorted = PairSort.sort(persons, accounts, count);
		long[] byRank = new long[count];
		int distinct = 0;
		for (int x = 0; x < count; x++) {
			long person = sorted.keys()[x];
			if (distinct == 0 || byRank[distinct - 1] != person) {
				byRank[distinct++] = person;
			}
			rank[sorted.values()[x]] = distinct - 1;
		}
		return new Ranks(Arrays.copyOf(byRank, distinct), Arrays.copyOf(sorted.values(), count));
	}

	/**
	 * The sets' roots in order of their oldest person (then of root); sets without one
	 * last.
	 */
	private static int[] rootsByOldestPerson(int[] rootOf, int[] setStart, int[] ranks, int n) {
		int count = 0;
		for (int i = 0; i < n; i++) {
			count += (rootOf[i] == i) ? 1 : 0;
		}
		long[] oldest = new long[count];
		int[] roots = new int[count];
		int r = 0;
		for (int i = 0; i < n; i++) {
			if (rootOf[i] == i) {
				oldest[r] = (setStart[i] < setStart[i + 1]) ? ranks[setStart[i]] : Integer.MAX_VALUE;
				roots[r++] = i;
			}
		}
		return Arrays.copyOf(PairSort.sort(oldest, roots, count).values(), count);
	}

	private record Ranks(long[] persons, int[] accountsByPerson) {
	}

}
