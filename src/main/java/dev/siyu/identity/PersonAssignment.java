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
		long[] personIds = distinctPersons(currentPerson, n);
		int[] personRank = new int[n];
		int[] candidate = new int[n];
		Arrays.fill(candidate, Integer.MAX_VALUE);
		int withPerson = 0;
		for (int i = 0; i < n; i++) {
			personRank[i] = (currentPerson[i] > 0) ? Arrays.binarySearch(personIds, currentPerson[i]) : -1;
			if (personRank[i] >= 0) {
				candidate[rootOf[i]] = Math.min(candidate[rootOf[i]], personRank[i]);
				withPerson++;
			}
		}
		// the persons of every set, ascending: (root, person rank) packed and sorted
		long[] entries = new long[withPerson];
		int e = 0;
		for (int i = 0; i < n; i++) {
			if (personRank[i] >= 0) {
				entries[e++] = ((long) rootOf[i] << 32) | personRank[i];
			}
		}
		Arrays.parallelSort(entries);
		int[] firstEntry = new int[n];
		Arrays.fill(firstEntry, -1);
		for (int x = entries.length - 1; x >= 0; x--) {
			firstEntry[(int) (entries[x] >>> 32)] = x;
		}
		// sets are visited in order of their oldest person, so a person split across sets
		// survives in one
		long[] roots = rootsByOldestPerson(rootOf, candidate, n);
		long[] survivor = new long[n];
		boolean[] kept = new boolean[personIds.length];
		for (long packed : roots) {
			int root = (int) packed;
			for (int x = firstEntry[root]; x >= 0 && x < entries.length && (int) (entries[x] >>> 32) == root; x++) {
				int rank = (int) entries[x];
				if (!kept[rank]) {
					kept[rank] = true;
					survivor[root] = personIds[rank];
					break;
				}
			}
		}
		int[] newPersonOfRoot = new int[n];
		Arrays.fill(newPersonOfRoot, -1);
		int newPersons = 0;
		for (long packed : roots) {
			int root = (int) packed;
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

	private static long[] distinctPersons(long[] currentPerson, int n) {
		long[] persons = new long[n];
		int count = 0;
		for (int i = 0; i < n; i++) {
			if (currentPerson[i] > 0) {
				persons[count++] = currentPerson[i];
			}
		}
		persons = Arrays.copyOf(persons, count);
		Arrays.parallelSort(persons);
		int distinct = 0;
		for (int i = 0; i < count; i++) {
			if (distinct == 0 || persons[distinct - 1] != persons[i]) {
				persons[distinct++] = persons[i];
			}
		}
		return Arrays.copyOf(persons, distinct);
	}

	/** The roots packed as (rank of their oldest person, root), sorted. */
	private static long[] rootsByOldestPerson(int[] rootOf, int[] candidate, int n) {
		int count = 0;
		for (int i = 0; i < n; i++) {
			count += (rootOf[i] == i) ? 1 : 0;
		}
		long[] roots = new long[count];
		int r = 0;
		for (int i = 0; i < n; i++) {
			if (rootOf[i] == i) {
				roots[r++] = ((long) candidate[i] << 32) | i;
			}
		}
		Arrays.parallelSort(roots);
		return roots;
	}

}
