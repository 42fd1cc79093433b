package dev.siyu.wecom;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who of the asked-for recipients a mass send may reach, and through which staff member:
 * only WeCom friends of a staff member still in post, never a contact or person who opted
 * out of marketing, and no customer beyond the monthly (and daily) cap counted from what
 * siyu sent already. A customer is a person (One ID) when siyu knows one: the caps count
 * what reached any of the person's contacts, and a person asked for through several
 * contacts receives once, through the {@link #PREFERRED} one. Everyone left out is
 * counted by reason.
 */
final class MassSendRules {

	static final String NOT_A_CONTACT = "not_a_contact";

	static final String NOT_FRIEND = "not_friend";

	static final String CONTACT_OPTED_OUT = "contact_opted_out";

	static final String PERSON_OPTED_OUT = "person_opted_out";

	static final String MONTHLY_CAP = "monthly_cap";

	static final String DAILY_CAP = "daily_cap";

	static final String DUPLICATE = "duplicate";

	static final String SAME_PERSON = "same_person";

	/**
	 * Which of a person's contacts a send goes through: one a staff member in post
	 * follows, that did not opt out, whose friendship is the most recent (the warmest
	 * relation); ties by staff userid, then external user id.
	 */
	static final Comparator<Candidate> PREFERRED = Comparator.comparing((Candidate c) -> c.sender() == null)
		.thenComparing(Candidate::contactOptedOut)
		.thenComparing(Candidate::followedAt, Comparator.nullsLast(Comparator.reverseOrder()))
		.thenComparing(Candidate::sender, Comparator.nullsLast(Comparator.naturalOrder()))
		.thenComparing(Candidate::externalUserId, Comparator.nullsLast(Comparator.naturalOrder()));

	private final Caps caps;

	MassSendRules(Caps caps) {
		this.caps = caps;
	}

	/**
	 * How many mass messages one customer may receive: per natural month (WeCom's limit),
	 * and per day (0: no daily cap).
	 */
	record Caps(int perMonth, int perDay) {

		Caps {
			if (perMonth < 1) {
				throw new IllegalArgumentException(
						"the monthly cap of mass messages must be at least 1, got " + perMonth);
			}
			if (perDay < 0) {
				throw new IllegalArgumentException(
						"the daily cap of mass messages must be 0 (none) or more, got " + perDay);
			}
		}

	}

	/**
	 * One asked-for recipient as siyu knows it.
	 *
	 * @param externalUserId the WeCom contact, null when the person has none
	 * @param personId the person (One ID, never a merged one), null when the contact is
	 * linked to none
	 * @param sender the staff member whose friend the contact is, null when nobody in
	 * post follows it
	 * @param followedAt when the sender added the contact, null when unknown
	 * @param thisMonth mass messages siyu sent (or has waiting) this month to the person
	 * through any of their contacts, or to the contact when there is no person
	 * @param today the same, today
	 */
	record Candidate(String externalUserId, Long personId, String sender, Instant followedAt, boolean contactOptedOut,
			boolean personOptedOut, int thisMonth, int today) {
	}

	/** Recipients grouped by the staff member who sends to them, and who was left out. */
	record Plan(Map<String, List<Candidate>> bySender, Map<String, Integer> excluded) {

		int recipients() {
			return this.bySender.values().stream().mapToInt(List::size).sum();
		}

	}

	Plan plan(List<Candidate> candidates) {
		Map<String, List<Candidate>> bySender = new LinkedHashMap<>();
		Map<String, Integer> excluded = new LinkedHashMap<>();
		Set<String> seen = new HashSet<>();
		Map<Long, Candidate> chosen = chosenPerPerson(candidates);
		for (Candidate candidate : candidates) {
			String reason = exclusion(candidate, seen, chosen);
			if (reason != null) {
				excluded.merge(reason, 1, Integer::sum);
			}
			else {
				bySender.computeIfAbsent(candidate.sender(), sender -> new ArrayList<>()).add(candidate);
			}
		}
		return new Plan(bySender, excluded);
	}

	/** The preferred contact of each person; the first of equals. */
	private static Map<Long, Candidate> chosenPerPerson(List<Candidate> candidates) {
		Map<Long, Candidate> chosen = new HashMap<>();
		for (Candidate candidate : candidates) {
			if (candidate.personId() != null && candidate.externalUserId() != null) {
				chosen.merge(candidate.personId(), candidate,
						(best, other) -> (PREFERRED.compare(other, best) < 0) ? other : best);
			}
		}
		return chosen;
	}

	private String exclusion(Candidate candidate, Set<String> seen, Map<Long, Candidate> chosen) {
		if (candidate.externalUserId() == null) {
			return NOT_A_CONTACT;
		}
		if (!seen.add(candidate.externalUserId())) {
			return DUPLICATE;
		}
		if (candidate.personId() != null && chosen.get(candidate.personId()) != candidate) {
			return SAME_PERSON;
		}
		if (candidate.sender() == null) {
			return NOT_FRIEND;
		}
		if (candidate.contactOptedOut()) {
			return CONTACT_OPTED_OUT;
		}
		if (candidate.personOptedOut()) {
			return PERSON_OPTED_OUT;
		}
		if (candidate.thisMonth() >= this.caps.perMonth()) {
			return MONTHLY_CAP;
		}
		if (this.caps.perDay() > 0 && candidate.today() >= this.caps.perDay()) {
			return DAILY_CAP;
		}
		return null;
	}

}
