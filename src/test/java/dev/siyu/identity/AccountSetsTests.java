package dev.siyu.identity;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccountSetsTests {

	private final AccountIndex index = new AccountIndex(8);

	private final IdentifierEdges edges = new IdentifierEdges(4);

	private int account(long id) {
		return this.index.indexOf(id);
	}

	private void shows(long account, long identifier, int priority) {
		this.edges.add(identifier, account(account), priority);
	}

	@Test
	void accountsSharingAnIdentifierFormOneSet() {
		shows(10, 500, 2);
		shows(11, 500, 2);
		shows(12, 501, 2);

		AccountSets sets = AccountSets.connect(this.index, this.edges, DoNotLink.none(), 20);

		assertThat(sets.sets.find(account(10))).isEqualTo(sets.sets.find(account(11)));
		assertThat(sets.sets.find(account(12))).isNotEqualTo(sets.sets.find(account(10)));
		assertThat(sets.count()).isEqualTo(2);
	}

	@Test
	void anIdentifierSharedByMoreAccountsThanTheThresholdLinksNobody() {
		for (long a = 1; a <= 4; a++) {
			shows(a, 900, 2);
		}

		AccountSets sets = AccountSets.connect(this.index, this.edges, DoNotLink.none(), 3);

		assertThat(sets.hubs).isEqualTo(1);
		assertThat(sets.count()).isEqualTo(4);
	}

	@Test
	void theEvidenceNamesTheIdentifierOfHighestPriorityAndTheSmallestAccount() {
		shows(30, 7, 3);
		shows(20, 7, 3);
		shows(30, 99, 1);
		shows(20, 99, 1);

		AccountSets sets = AccountSets.connect(this.index, this.edges, DoNotLink.none(), 20);

		assertThat(sets.viaIdentifier[account(30)]).isEqualTo(99);
		assertThat(sets.linkedWith[account(30)]).isEqualTo(account(20));
		assertThat(sets.linkedWith[account(20)]).isEqualTo(account(30));
	}

	@Test
	void radixSortGroupsEdgesByIdentifierAcrossManyDigits() {
		long[] identifiers = { 1L << 40, 3, 1L << 40, 5_000_000_000L, 3, 5_000_000_000L };
		for (int i = 0; i < identifiers.length; i++) {
			shows(i + 1, identifiers[i], 4);
		}

		this.edges.sort();

		for (int e = 1; e < this.edges.size(); e++) {
			assertThat(this.edges.key(e)).isGreaterThanOrEqualTo(this.edges.key(e - 1));
		}
		assertThat(AccountSets.connect(this.index, this.edges, DoNotLink.none(), 20).count()).isEqualTo(3);
	}

	@Test
	void anIdentifierIdBeyondTheKeyRangeIsRefused() {
		assertThatThrownBy(() -> shows(1, Long.MAX_VALUE, 1)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("identifier id out of range");
	}

}
