package dev.siyu.wecom;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MassSendRulesTests {

	final MassSendRules rules = new MassSendRules(new MassSendRules.Caps(4, 0));

	static MassSendRules.Candidate friend(String external, String sender) {
		return new MassSendRules.Candidate(external, (long) external.hashCode(), sender, null, false, false, 0, 0);
	}

	static MassSendRules.Candidate contactOf(long person, String external, String sender, String followedAt) {
		return new MassSendRules.Candidate(external, person, sender,
				(followedAt != null) ? Instant.parse(followedAt) : null, false, false, 0, 0);
	}

	@Test
	void friendsAreGroupedByTheStaffMemberWhoSends() {
		MassSendRules.Plan plan = this.rules
			.plan(List.of(friend("wm1", "guide01"), friend("wm2", "guide02"), friend("wm3", "guide01")));
		assertThat(plan.bySender()).containsOnlyKeys("guide01", "guide02");
		assertThat(plan.bySender().get("guide01")).extracting(MassSendRules.Candidate::externalUserId)
			.containsExactly("wm1", "wm3");
		assertThat(plan.recipients()).isEqualTo(3);
		assertThat(plan.excluded()).isEmpty();
	}

	@Test
	void aPersonWithoutAWeComContactIsNotAContact() {
		MassSendRules.Plan plan = this.rules
			.plan(List.of(new MassSendRules.Candidate(null, 7L, null, null, false, false, 0, 0)));
		assertThat(plan.recipients()).isZero();
		assertThat(plan.excluded()).isEqualTo(Map.of("not_a_contact", 1));
	}

	@Test
	void aContactNobodyInPostFollowsIsNotAFriend() {
		assertThat(this.rules.plan(List.of(friend("wm1", null))).excluded()).isEqualTo(Map.of("not_friend", 1));
	}

	@Test
	void aContactWhoWithdrewConsentIsLeftOut() {
		MassSendRules.Plan plan = this.rules.plan(List
			.of(new MassSendRules.Candidate("wm1", 1L, "guide01", null, true, false, 0, 0), friend("wm2", "guide01")));
		assertThat(plan.excluded()).isEqualTo(Map.of("contact_opted_out", 1));
		assertThat(plan.recipients()).isEqualTo(1);
	}

	@Test
	void aPersonWhoOptedOutOnAnyChannelIsLeftOut() {
		assertThat(this.rules.plan(List.of(new MassSendRules.Candidate("wm1", 1L, "guide01", null, false, true, 0, 0)))
			.excluded()).isEqualTo(Map.of("person_opted_out", 1));
	}

	@Test
	void theMonthlyCapCountsWhatWasSentAlready() {
		MassSendRules.Plan plan = this.rules
			.plan(List.of(new MassSendRules.Candidate("wm1", 1L, "guide01", null, false, false, 3, 0),
					new MassSendRules.Candidate("wm2", 2L, "guide01", null, false, false, 4, 0)));
		assertThat(plan.bySender().get("guide01")).extracting(MassSendRules.Candidate::externalUserId)
			.containsExactly("wm1");
		assertThat(plan.excluded()).isEqualTo(Map.of("monthly_cap", 1));
	}

	@Test
	void aDailyCapAppliesOnlyWhenSet() {
		MassSendRules.Candidate sentToday = new MassSendRules.Candidate("wm1", 1L, "guide01", null, false, false, 1, 1);
		assertThat(this.rules.plan(List.of(sentToday)).recipients()).isEqualTo(1);
		assertThat(new MassSendRules(new MassSendRules.Caps(4, 1)).plan(List.of(sentToday)).excluded())
			.isEqualTo(Map.of("daily_cap", 1));
	}

	@Test
	void aContactAskedForTwiceReceivesOnce() {
		MassSendRules.Plan plan = this.rules.plan(List.of(friend("wm1", "guide01"), friend("wm1", "guide01")));
		assertThat(plan.recipients()).isEqualTo(1);
		assertThat(plan.excluded()).isEqualTo(Map.of("duplicate", 1));
	}

	@Test
	void consentIsCheckedBeforeTheCapSoEachExclusionHasOneReason() {
		MassSendRules.Plan plan = this.rules
			.plan(List.of(new MassSendRules.Candidate("wm1", 1L, "guide01", null, true, true, 9, 9)));
		assertThat(plan.excluded()).isEqualTo(Map.of("contact_opted_out", 1));
	}

	@Test
	void aPersonAskedForThroughTwoContactsReceivesOnceThroughTheMostRecentFriendship() {
		MassSendRules.Plan plan = this.rules.plan(List.of(contactOf(7, "wmOld", "guide01", "2026-01-05T00:00:00Z"),
				contactOf(7, "wmNew", "guide02", "2026-03-01T00:00:00Z"), contactOf(8, "wmOther", "guide01", null)));
		assertThat(plan.recipients()).isEqualTo(2);
		assertThat(plan.bySender().get("guide02")).extracting(MassSendRules.Candidate::externalUserId)
			.containsExactly("wmNew");
		assertThat(plan.excluded()).isEqualTo(Map.of("same_person", 1));
	}

	@Test
	void aPersonsContactThatNobodyFollowsOrThatOptedOutIsNotPreferred() {
		MassSendRules.Candidate optedOut = new MassSendRules.Candidate("wmA", 7L, "guide01",
				Instant.parse("2026-03-02T00:00:00Z"), true, false, 0, 0);
		MassSendRules.Candidate unfollowed = contactOf(7, "wmB", null, null);
		MassSendRules.Candidate older = contactOf(7, "wmC", "guide02", "2025-12-01T00:00:00Z");
		MassSendRules.Plan plan = this.rules.plan(List.of(optedOut, unfollowed, older));
		assertThat(plan.bySender()).containsOnlyKeys("guide02");
		assertThat(plan.excluded()).isEqualTo(Map.of("same_person", 2));
	}

	@Test
	void equallyRecentFriendshipsAreDecidedByStaffThenContactId() {
		List<MassSendRules.Candidate> contacts = List.of(contactOf(7, "wmB", "guide02", "2026-03-01T00:00:00Z"),
				contactOf(7, "wmC", "guide01", "2026-03-01T00:00:00Z"),
				contactOf(7, "wmA", "guide01", "2026-03-01T00:00:00Z"));
		assertThat(contacts.stream().sorted(MassSendRules.PREFERRED).map(MassSendRules.Candidate::externalUserId))
			.containsExactly("wmA", "wmC", "wmB");
		assertThat(this.rules.plan(contacts).bySender().get("guide01"))
			.extracting(MassSendRules.Candidate::externalUserId)
			.containsExactly("wmA");
	}

	@Test
	void thePersonsCountDecidesTheCapWhicheverContactIsUsed() {
		MassSendRules.Candidate capped = new MassSendRules.Candidate("wmNew", 7L, "guide02",
				Instant.parse("2026-03-01T00:00:00Z"), false, false, 4, 0);
		MassSendRules.Candidate sameCount = new MassSendRules.Candidate("wmOld", 7L, "guide01",
				Instant.parse("2026-01-01T00:00:00Z"), false, false, 4, 0);
		MassSendRules.Plan plan = this.rules.plan(List.of(sameCount, capped));
		assertThat(plan.recipients()).isZero();
		assertThat(plan.excluded()).isEqualTo(Map.of("monthly_cap", 1, "same_person", 1));
	}

	@Test
	void capsMustBeSensible() {
		assertThatIllegalArgumentException().isThrownBy(() -> new MassSendRules.Caps(0, 0))
			.withMessageContaining("monthly");
		assertThatIllegalArgumentException().isThrownBy(() -> new MassSendRules.Caps(4, -1))
			.withMessageContaining("daily");
	}

	@Test
	void aSendNeedsARequestIdTextAndOneSourceOfRecipients() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new MassSends.NewSend(null, null, "hi", 1L, null, null, null, null, null).checked())
			.withMessageContaining("requestId");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new MassSends.NewSend("r1", null, " ", 1L, null, null, null, null, null).checked())
			.withMessageContaining("text or at least one attachment");
		assertThatIllegalArgumentException()
			.isThrownBy(
					() -> new MassSends.NewSend("r1", null, "hi", 1L, List.of(2L), null, null, null, null).checked())
			.withMessageContaining("exactly one");
		assertThatIllegalArgumentException()
			.isThrownBy(
					() -> new MassSends.NewSend("r1", "broadcast", "hi", 1L, null, null, null, null, null).checked())
			.withMessageContaining("single or group");
		assertThat(new MassSends.NewSend("r1", null, "hi", null, null, List.of("wm1"), null, null, null).checked()
			.chatType()).isEqualTo("single");
	}

}
