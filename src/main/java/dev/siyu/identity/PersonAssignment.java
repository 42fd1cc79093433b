package dev.siyu.identity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides which person each set of connected accounts becomes: the oldest person already
 * among its accounts and not kept by another set; a new person when there is none.
 * Persons left with no set are merged into the set's survivor.
 */
final class PersonAssignment {

	private final int[] rootOf;

	private final long[] survivorOfRoot;

	private final int[] newPersonOfRoot;

	private final int newPersons;

	private final List<long[]> merges;

	private PersonAssignment(int[] rootOf, long[] survivorOfRoot, int[] newPersonOfRoot, int newPersons,
			List<long[]> merges) {
		this.rootOf = rootOf;
		this.survivorOfRoot = survivorOfRoot;
		this.newPersonOfRoot = newPersonOfRoot;
		this.newPersons = newPersons;
		this.merges = merges;
	}

	static PersonAssignment of(UnionFind sets, long[] currentPerson, int n) {
		int[] rootOf = new int[n];
		long[] candidate = new long[n];
		Arrays.fill(candidate, Long.MAX_VALUE);
		for (int i = 0; i < n; i++) {
			rootOf[i] = sets.find(i);
			if (currentPerson[i] > 0) {
				candidate[rootOf[i]] = Math.min(candidate[rootOf[i]], currentPerson[i]);
			}
		}
		// sets are visited in order of their oldest person, so a person split across sets
		// survives in one
		Integer[] roots = distinctRoots(rootOf, n);
		Arrays.sort(roots, (a, b) -> Long.compare(candidate[a], candidate[b]));
		long[] survivor = new long[n];
		Set<Long> kept = new HashSet<>();
		List<List<Long>> personsOfRoot = personsByRoot(rootOf, currentPerson, n);
		for (int root : roots) {
			long chosen = 0;
			for (long person : personsOfRoot.get(root)) {
				if (!kept.contains(person)) {
					chosen = person;
					break;
				}
			}
			if (chosen > 0) {
				kept.add(chosen);
				survivor[root] = chosen;
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
		List<long[]> merges = new ArrayList<>();
		Set<Long> mergedAlready = new HashSet<>();
		for (int i = 0; i < n; i++) {
			long person = currentPerson[i];
			if (person > 0 && !kept.contains(person) && survivor[rootOf[i]] > 0 && mergedAlready.add(person)) {
				merges.add(new long[] { person, survivor[rootOf[i]] });
			}
		}
		return new PersonAssignment(rootOf, survivor, newPersonOfRoot, newPersons, merges);
	}

	int newPersons() {
		return this.newPersons;
	}

	/** Pairs of (merged person, surviving person). */
	List<long[]> merges() {
		return this.merges;
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

	private static Integer[] distinctRoots(int[] rootOf, int n) {
		List<Integer> roots = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			if (rootOf[i] == i) {
				roots.add(i);
			}
		}
		return roots.toArray(Integer[]::new);
	}

	private static List<List<Long>> personsByRoot(int[] rootOf, long[] currentPerson, int n) {
		List<List<Long>> persons = new ArrayList<>(n);
		for (int i = 0; i < n; i++) {
			persons.add(null);
		}
		for (int i = 0; i < n; i++) {
			if (currentPerson[i] > 0) {
				int root = rootOf[i];
				if (persons.get(root) == null) {
					persons.set(root, new ArrayList<>(2));
				}
				List<Long> list = persons.get(root);
				if (!list.contains(currentPerson[i])) {
					list.add(currentPerson[i]);
				}
			}
		}
		for (int i = 0; i < n; i++) {
			if (persons.get(i) == null) {
				persons.set(i, List.of());
			}
			else {
				persons.get(i).sort(Long::compare);
			}
		}
		return persons;
	}

}
