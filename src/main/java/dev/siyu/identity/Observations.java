package dev.siyu.identity;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.siyu.privacy.PersonalData;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the accounts of persons showed: the receivers of their orders (decrypted), their
 * full phone numbers and emails, and the gender and birth date a platform gave.
 * Survivorship chooses from these.
 */
@Component
class Observations {

	private static final String SEP = "\u001f";

	private final JdbcClient jdbc;

	private final PersonalData personalData;

	Observations(JdbcClient jdbc, PersonalData personalData) {
		this.jdbc = jdbc;
		this.personalData = personalData;
	}

	/** Of the given persons, or of every current person of the tenant when null. */
	Map<Long, List<Seen>> of(long scope, List<Long> persons) {
		String which = (persons == null) ? "a.tenant_id = ? and a.person_id is not null"
				: "a.tenant_id = ? and a.person_id = any(?)";
		Object[] params = (persons == null) ? new Object[] { scope }
				: new Object[] { scope, persons.toArray(Long[]::new) };
		Map<Long, List<Seen>> seen = new HashMap<>();
		Map<String, String[]> decrypted = new HashMap<>();
		this.jdbc.sql("""
				select a.person_id, o.platform, o.order_no, coalesce(o.paid_at, o.created_at, o.updated_at), o.receiver,
				       o.province, o.city
				from orders o join account a on a.id = o.account_id where %s""".formatted(which))
			.params(params)
			.query((rs) -> {
				byte[] receiver = rs.getBytes(5);
				String[] parts = new String[3];
				if (receiver != null) {
					String key = java.util.HexFormat.of().formatHex(receiver);
					parts = decrypted.computeIfAbsent(key, (unused) -> split(this.personalData.decrypt(receiver)));
				}
				String source = rs.getString(2) + " order " + rs.getString(3);
				Instant at = instant(rs.getTimestamp(4));
				List<Seen> list = seen.computeIfAbsent(rs.getLong(1), (unused) -> new ArrayList<>());
				list.add(new Seen("name", parts[0], source, at, 2));
				list.add(new Seen("phone", parts[1], source, at, 2));
				list.add(new Seen("address", parts[2], source, at, 2));
				list.add(new Seen("province", rs.getString(6), source, at, 2));
				list.add(new Seen("city", rs.getString(7), source, at, 2));
			});
		this.jdbc
			.sql("""
					select a.person_id, i.kind, i.value_enc, a.platform, a.id, ai.first_seen
					from account_identifier ai join account a on a.id = ai.account_id
					join identifier i on i.id = ai.identifier_id
					where %s and i.kind in ('phone', 'email', 'gender', 'birth_date') and i.value_enc is not null"""
				.formatted(which))
			.params(params)
			.query((rs) -> {
				String value = this.personalData.decrypt(rs.getBytes(3));
				String source = rs.getString(4) + " account " + rs.getLong(5) + " identifier";
				seen.computeIfAbsent(rs.getLong(1), (unused) -> new ArrayList<>())
					.add(new Seen(rs.getString(2), value, source, instant(rs.getTimestamp(6)), 1));
			});
		seen.values().forEach((list) -> list.removeIf((s) -> s.value() == null || s.value().isBlank()));
		return seen;
	}

	private static String[] split(String plain) {
		String[] parts = plain.split(SEP, -1);
		return new String[] { part(parts, 0), part(parts, 1), part(parts, 2) };
	}

	private static String part(String[] parts, int i) {
		return (i < parts.length && !parts[i].isBlank()) ? parts[i].strip() : null;
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : Instant.EPOCH;
	}

	/**
	 * One value of an attribute and where it was seen; priority 1 is the most trusted
	 * source (a verified identifier), 2 an order's receiver.
	 */
	record Seen(String attribute, String value, String source, Instant at, int priority) {
	}

}
