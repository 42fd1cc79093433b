package dev.siyu.wecom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GroupActivityTests {

	@Test
	void anOwnersCountIsTheGroupsWhenTheOwnerHasOnlyThatGroup() {
		assertThat(Groups.messages(42L, 1)).isEqualTo(42L);
	}

	@Test
	void anOwnerWithSeveralGroupsGivesNoCountOfOneGroupUnlessAllWereSilent() {
		assertThat(Groups.messages(42L, 3)).isNull();
		assertThat(Groups.messages(0L, 3)).isZero();
	}

	@Test
	void withoutStatisticsTheCountIsUnknown() {
		assertThat(Groups.messages(null, 0)).isNull();
	}

	@Test
	void aGroupWithoutJoinsButWithMessagesIsAlive() {
		assertThat(Groups.dying(false, 0, 0, 0, 120L)).isFalse();
	}

	@Test
	void aGroupWithoutJoinsAndWithoutMessagesIsDyingEvenIfItsNameChanged() {
		assertThat(Groups.dying(false, 0, 0, 1, 0L)).isTrue();
	}

	@Test
	void withoutMessageCountsTheChangesDecide() {
		assertThat(Groups.dying(false, 0, 0, 0, null)).isTrue();
		assertThat(Groups.dying(false, 0, 0, 2, null)).isFalse();
	}

	@Test
	void quitsOutpacingJoinsIsDyingWhateverIsSaid() {
		assertThat(Groups.dying(false, 1, 3, 0, 500L)).isTrue();
	}

	@Test
	void aDismissedGroupIsNotDying() {
		assertThat(Groups.dying(true, 0, 5, 0, 0L)).isFalse();
	}

}
