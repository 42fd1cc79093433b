package dev.siyu.identity;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PersonAssignmentTests {

	@Test
	void connectedAccountsWithoutPersonsBecomeOneNewPerson() {
		UnionFind sets = new UnionFind(3);
		sets.union(0, 1);

		PersonAssignment assignment = PersonAssignment.of(sets, new long[] { 0, 0, 0 }, 3);
		long[] person = assignment.resolve(new long[] { 100, 101 });

		assertThat(assignment.newPersons()).isEqualTo(2);
		assertThat(person[0]).isEqualTo(person[1]).isNotEqualTo(person[2]);
		assertThat(assignment.mergedPersons()).isEmpty();
		assertThat(assignment.sets()).isEqualTo(2);
	}

	@Test
	void joiningTwoPersonsKeepsTheOldestAndMergesTheOther() {
		UnionFind sets = new UnionFind(2);
		sets.union(0, 1);

		PersonAssignment assignment = PersonAssignment.of(sets, new long[] { 7, 5 }, 2);

		assertThat(assignment.resolve(new long[0])).containsExactly(5, 5);
		assertThat(assignment.mergedPersons()).containsExactly(7);
		assertThat(assignment.survivors()).containsExactly(5);
	}

	@Test
	void aPersonSplitAcrossSetsSurvivesInOneAndTheOthersGetNewPersons() {
		UnionFind sets = new UnionFind(3);

		PersonAssignment assignment = PersonAssignment.of(sets, new long[] { 5, 5, 5 }, 3);
		long[] person = assignment.resolve(new long[] { 20, 21 });

		assertThat(person).containsExactlyInAnyOrder(5, 20, 21);
		assertThat(assignment.mergedPersons()).isEmpty();
	}

	@Test
	void everySetOfRandomAccountsGetsOnePersonOfItsOwnAndMergedPersonsAreLeftBehind() {
		java.util.SplittableRandom random = new java.util.SplittableRandom(11);
		int n = 5_000;
		UnionFind sets = new UnionFind(n);
		long[] current = new long[n];
		for (int i = 0; i < n; i++) {
			current[i] = (random.nextInt(5) == 0) ? 0 : 1_000 + random.nextInt(3_000);
			if (random.nextInt(3) == 0) {
				sets.union(i, random.nextInt(n));
			}
		}

		PersonAssignment assignment = PersonAssignment.of(sets, current, n);
		long[] newIds = new long[assignment.newPersons()];
		for (int k = 0; k < newIds.length; k++) {
			newIds[k] = 100_000 + k;
		}
		long[] person = assignment.resolve(newIds);

		java.util.Map<Long, Integer> rootOfPerson = new java.util.HashMap<>();
		for (int i = 0; i < n; i++) {
			assertThat(rootOfPerson.putIfAbsent(person[i], sets.find(i))).isIn(null, sets.find(i));
		}
		assertThat(rootOfPerson).hasSize(assignment.sets());
		assertThat(java.util.Arrays.stream(assignment.mergedPersons()).boxed())
			.doesNotContainAnyElementsOf(rootOfPerson.keySet());
		for (int i = 0; i < n; i++) {
			if (person[i] < 100_000) {
				int root = sets.find(i);
				long kept = person[i];
				assertThat(java.util.stream.IntStream.range(0, n)
					.filter((j) -> sets.find(j) == root)
					.mapToLong((j) -> current[j])
					.anyMatch((p) -> p == kept)).isTrue();
			}
		}
	}

	@Test
	void unionFindKeepsSetsApartUntilJoined() {
		UnionFind sets = new UnionFind(4);
		assertThat(sets.union(0, 1)).isTrue();
		assertThat(sets.union(2, 3)).isTrue();
		assertThat(sets.find(0)).isNotEqualTo(sets.find(2));
		assertThat(sets.union(1, 3)).isTrue();
		assertThat(sets.union(0, 2)).isFalse();
		assertThat(sets.find(0)).isEqualTo(sets.find(3));
	}

	@Test
	void accountIndexGivesDenseNumbersAndGrows() {
		AccountIndex index = new AccountIndex(2);
		for (long id = 1000; id < 1100; id++) {
			assertThat(index.indexOf(id * 7919)).isEqualTo((int) (id - 1000));
		}
		assertThat(index.find(1050L * 7919)).isEqualTo(50);
		assertThat(index.find(3)).isEqualTo(-1);
		assertThat(index.idAt(99)).isEqualTo(1099L * 7919);
	}

}
