package dev.siyu.identity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.siyu.privacy.Masking;
import dev.siyu.privacy.PersonalData;
import dev.siyu.shared.PhoneNumber;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Chooses each person's best attributes by a rule per attribute and writes
 * {@code person_profile} with the source of every value: the name most often given (ties
 * to the most recent), the phone from the most trusted source (a verified full number
 * over a receiver's number, a full number over a masked one), the most recent address,
 * province and city, the gender and birth date most often given.
 */
@Component
class Survivorship {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	private final Observations observations;

	private final PersonalData personalData;

	Survivorship(JdbcClient jdbc, Observations observations, PersonalData personalData) {
		this.jdbc = jdbc;
		this.observations = observations;
		this.personalData = personalData;
	}

	/**
	 * Recomputes the given persons (all current persons when null); merged ones lose
	 * their row.
	 */
	Map<Long, Profile> recompute(long scope, List<Long> persons) {
		if (persons != null) {
			this.jdbc.sql("""
					delete from person_profile where person_id = any(?)
					  and person_id in (select id from person where merged_into is not null)""")
				.param(persons.toArray(Long[]::new))
				.update();
		}
		else {
			this.jdbc.sql("""
					delete from person_profile where tenant_id = ?
					  and person_id in (select id from person where tenant_id = ? and merged_into is not null)""")
				.params(scope, scope)
				.update();
		}
		Map<Long, Profile> profiles = new HashMap<>();
		this.observations.of(scope, persons).forEach((person, seen) -> profiles.put(person, choose(seen)));
		for (Map.Entry<Long, Profile> entry : profiles.entrySet()) {
			write(scope, entry.getKey(), entry.getValue());
		}
		return profiles;
	}

	static Profile choose(List<Observations.Seen> seen) {
		Map<String, Choice> chosen = new LinkedHashMap<>();
		put(chosen, "name", mostFrequent(of(seen, "name")));
		put(chosen, "phone", sourcePriority(phones(seen)));
		put(chosen, "email", sourcePriority(of(seen, "email")));
		put(chosen, "address", mostRecent(of(seen, "address")));
		put(chosen, "province", mostRecent(of(seen, "province")));
		put(chosen, "city", mostRecent(of(seen, "city")));
		put(chosen, "gender", mostFrequent(of(seen, "gender")));
		put(chosen, "birth_date", mostFrequent(of(seen, "birth_date")));
		return new Profile(chosen);
	}

	private static void put(Map<String, Choice> chosen, String attribute, Choice choice) {
		if (choice != null) {
			chosen.put(attribute, choice);
		}
	}

	private static List<Observations.Seen> of(List<Observations.Seen> seen, String attribute) {
		return seen.stream().filter((s) -> s.attribute().equals(attribute)).toList();
	}

	/** Full mobile numbers rank before masked or virtual ones from the same source. */
	private static List<Observations.Seen> phones(List<Observations.Seen> seen) {
		List<Observations.Seen> phones = new ArrayList<>();
		for (Observations.Seen s : of(seen, "phone")) {
			boolean full = PhoneNumber.parse(s.value()).kind() == PhoneNumber.Kind.MOBILE;
			phones
				.add(new Observations.Seen("phone", s.value(), s.source(), s.at(), s.priority() * 2 - (full ? 1 : 0)));
		}
		return phones;
	}

	private static Choice mostFrequent(List<Observations.Seen> seen) {
		if (seen.isEmpty()) {
			return null;
		}
		Map<String, Integer> counts = new HashMap<>();
		seen.forEach((s) -> counts.merge(s.value(), 1, Integer::sum));
		Observations.Seen best = seen.stream()
			.max(Comparator.comparing((Observations.Seen s) -> counts.get(s.value()))
				.thenComparing(Observations.Seen::at))
			.orElseThrow();
		return new Choice(best.value(), "most_frequent", best.source(), counts.get(best.value()), seen.size());
	}

	private static Choice mostRecent(List<Observations.Seen> seen) {
		return seen.stream()
			.max(Comparator.comparing(Observations.Seen::at))
			.map((s) -> new Choice(s.value(), "most_recent", s.source(), count(seen, s.value()), seen.size()))
			.orElse(null);
	}

	private static Choice sourcePriority(List<Observations.Seen> seen) {
		return seen.stream()
			.max(Comparator.comparing((Observations.Seen s) -> -s.priority()).thenComparing(Observations.Seen::at))
			.map((s) -> new Choice(s.value(), "source_priority", s.source(), count(seen, s.value()), seen.size()))
			.orElse(null);
	}

	private static int count(List<Observations.Seen> seen, String value) {
		return (int) seen.stream().filter((s) -> s.value().equals(value)).count();
	}

	private void write(long scope, long person, Profile profile) {
		Map<String, Object> sources = new LinkedHashMap<>();
		profile.choices()
			.forEach((attribute, choice) -> sources.put(attribute, Map.of("rule", choice.rule(), "source",
					choice.source(), "seen", choice.seen(), "of", choice.of())));
		String name = profile.value("name");
		String phone = profile.value("phone");
		String address = profile.value("address");
		this.jdbc
			.sql("""
					insert into person_profile (person_id, tenant_id, name_enc, name_masked, phone_enc, phone_masked,
					  address_enc, address_masked, province, city, gender, birth_date, sources, updated_at)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::date, ?::jsonb, now())
					on conflict (person_id) do update set name_enc = excluded.name_enc, name_masked = excluded.name_masked,
					  phone_enc = excluded.phone_enc, phone_masked = excluded.phone_masked, address_enc = excluded.address_enc,
					  address_masked = excluded.address_masked, province = excluded.province, city = excluded.city,
					  gender = excluded.gender, birth_date = excluded.birth_date, sources = excluded.sources,
					  updated_at = now()""")
			.params(person, scope, encrypt(name), (name != null) ? Masking.name(name) : null, encrypt(phone),
					(phone != null) ? Masking.phone(phone) : null, encrypt(address),
					(address != null) ? Masking.address(address) : null, profile.value("province"),
					profile.value("city"), profile.value("gender"), profile.value("birth_date"),
					json.writeValueAsString(sources))
			.update();
	}

	private byte[] encrypt(String value) {
		return (value != null) ? this.personalData.encrypt(value) : null;
	}

	/** The chosen value of each attribute. */
	record Profile(Map<String, Choice> choices) {

		String value(String attribute) {
			Choice choice = this.choices.get(attribute);
			return (choice != null) ? choice.value() : null;
		}

	}

	/**
	 * A chosen value, the rule that chose it, where it came from, how often it was seen.
	 */
	record Choice(String value, String rule, String source, int seen, int of) {
	}

}
