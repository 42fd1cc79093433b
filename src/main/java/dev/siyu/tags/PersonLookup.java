package dev.siyu.tags;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.siyu.privacy.PersonalData;
import dev.siyu.shared.PhoneNumber;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds the persons behind an uploaded list of identifiers, one per line: a mobile number
 * (found through its blind index), {@code platform:account} such as
 * {@code taobao:tb_nick}, or {@code person:123}. Lines that find nobody are reported with
 * their number and why.
 */
@Component
class PersonLookup {

	private final JdbcClient jdbc;

	private final PersonalData personalData;

	PersonLookup(JdbcClient jdbc, PersonalData personalData) {
		this.jdbc = jdbc;
		this.personalData = personalData;
	}

	/** The persons found, and the lines that found nobody (line number to reason). */
	record Found(List<Long> persons, Map<Integer, String> misses) {

	}

	Found find(long scope, List<String> lines) {
		List<Long> persons = new ArrayList<>();
		Map<Integer, String> misses = new LinkedHashMap<>();
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i).strip();
			if (line.isEmpty() || (i == 0 && line.equalsIgnoreCase("identifier"))) {
				continue;
			}
			Long person = person(scope, line, misses, i + 1);
			if (person != null) {
				persons.add(person);
			}
		}
		return new Found(persons, misses);
	}

	private Long person(long scope, String line, Map<Integer, String> misses, int lineNo) {
		int colon = line.indexOf(':');
		if (colon > 0 && line.substring(0, colon).equals("person")) {
			return known(this.jdbc.sql("select id from person where tenant_id = ? and id = ? and merged_into is null")
				.params(scope, parseId(line.substring(colon + 1)))
				.query(Long.class)
				.optional()
				.orElse(null), misses, lineNo, "no active person with this id");
		}
		if (colon > 0) {
			return known(this.jdbc.sql("""
					select p.id from account a join person p on p.id = a.person_id
					where a.tenant_id = ? and a.platform = ? and a.account_key = ? and p.merged_into is null""")
				.params(scope, line.substring(0, colon), line.substring(colon + 1))
				.query(Long.class)
				.optional()
				.orElse(null), misses, lineNo, "no buyer account " + line);
		}
		PhoneNumber phone = PhoneNumber.parse(line);
		if (!phone.isStrongIdentifier()) {
			misses.put(lineNo, "not a mobile number, platform:account or person:id");
			return null;
		}
		byte[] hash = this.personalData.blindIndex("phone", phone.normalized());
		return known(this.jdbc.sql("""
				select min(p.id) from identifier i
				join account_identifier ai on ai.identifier_id = i.id
				join account a on a.id = ai.account_id
				join person p on p.id = a.person_id and p.merged_into is null
				where i.tenant_id = ? and i.kind = 'phone' and i.value_hash = ?""")
			.params(scope, hash)
			.query(Long.class)
			.optional()
			.orElse(null), misses, lineNo, "no person with this mobile number");
	}

	private static long parseId(String text) {
		try {
			return Long.parseLong(text.strip());
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	private static Long known(Long person, Map<Integer, String> misses, int lineNo, String why) {
		if (person == null) {
			misses.put(lineNo, why);
		}
		return person;
	}

}
