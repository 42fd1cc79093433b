package dev.siyu.identity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.siyu.shared.TenantId;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One person's identity: its accounts, their identifiers (masked), the links with their
 * evidence, its profile with the source of each value, and its merge and split history;
 * and the ways to undo links (split, detach, reverse a split).
 */
@Service
public class PersonIdentity {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	private final PersonMerges merges;

	PersonIdentity(JdbcClient jdbc, PersonMerges merges) {
		this.jdbc = jdbc;
		this.merges = merges;
	}

	@Transactional(readOnly = true)
	public Map<String, Object> explain(TenantId tenant, long person) {
		long scope = tenant.value();
		long current = this.merges.current(scope, person);
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("person", person);
		if (current != person) {
			out.put("mergedInto", current);
		}
		out.put("accounts", this.jdbc.sql("""
				select a.id, a.platform, a.first_seen,
				  coalesce((select json_agg(json_build_object('kind', i.kind, 'value', i.masked, 'strong', i.strong,
				      'quarantined', i.quarantined_at is not null) order by i.kind, i.id)
				    from account_identifier ai join identifier i on i.id = ai.identifier_id
				 where ai.account_id = a.id), '[]')::text
				from account a where a.person_id = ? order by a.id""").param(current).query((rs, n) -> {
			Map<String, Object> account = new LinkedHashMap<>();
			account.put("id", rs.getLong(1));
			account.put("platform", rs.getString(2));
			account.put("firstSeen", rs.getTimestamp(3).toInstant().toString());
			account.put("identifiers", json.readTree(rs.getString(4)));
			return account;
		}).list());
		out.put("links", this.jdbc.sql("""
				select l.account_id, l.person_id, l.rule, i.kind, i.masked, l.linked_with, l.made_by, l.created_at,
				       l.ended_at, l.score, l.evidence::text
				from identity_link l left join identifier i on i.id = l.identifier_id
				where l.person_id = ? or l.account_id in (select id from account where person_id = ?)
				order by l.created_at, l.id""").params(current, current).query((rs, n) -> {
			Map<String, Object> link = new LinkedHashMap<>();
			link.put("account", rs.getLong(1));
			link.put("person", rs.getLong(2));
			link.put("rule", rs.getString(3));
			if (rs.getString(4) != null) {
				link.put("identifier", Map.of("kind", rs.getString(4), "value", String.valueOf(rs.getString(5))));
			}
			link.put("linkedWith", rs.getObject(6));
			link.put("madeBy", rs.getString(7));
			link.put("at", rs.getTimestamp(8).toInstant().toString());
			link.put("endedAt", (rs.getTimestamp(9) != null) ? rs.getTimestamp(9).toInstant().toString() : null);
			if (rs.getObject(10) != null) {
				link.put("matchProbability", rs.getDouble(10));
				link.put("evidence", json.readTree(rs.getString(11)));
			}
			return link;
		}).list());
		out.put("merges",
				this.jdbc.sql("""
						select survivor_id, merged_id, reason, made_by, created_at, probability from person_merge
						where tenant_id = ? and (survivor_id = ? or merged_id = ?) order by id""")
					.params(scope, current, person)
					.query((rs, n) -> history("merge", rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
							rs.getTimestamp(5), rs.getObject(6)))
					.list());
		out.put("splits",
				this.jdbc
					.sql("""
							select id, person_id, new_person_id, reason, made_by, created_at, reversed_at, accounts::text from person_split
							where tenant_id = ? and (person_id = ? or new_person_id = ?) order by id""")
					.params(scope, current, current)
					.query((rs, n) -> {
						Map<String, Object> split = new LinkedHashMap<>();
						split.put("id", rs.getLong(1));
						split.put("person", rs.getLong(2));
						split.put("newPerson", rs.getLong(3));
						split.put("reason", rs.getString(4));
						split.put("madeBy", rs.getString(5));
						split.put("at", rs.getTimestamp(6).toInstant().toString());
						split.put("reversed", rs.getTimestamp(7) != null);
						split.put("accounts", rs.getString(8));
						return split;
					})
					.list());
		out.put("profile", this.jdbc.sql("""
				select name_masked, phone_masked, address_masked, province, city, gender, birth_date, sources::text
				from person_profile where person_id = ?""").param(current).query((rs, n) -> {
			Map<String, Object> profile = new LinkedHashMap<>();
			profile.put("name", rs.getString(1));
			profile.put("phone", rs.getString(2));
			profile.put("address", rs.getString(3));
			profile.put("province", rs.getString(4));
			profile.put("city", rs.getString(5));
			profile.put("gender", rs.getString(6));
			profile.put("birthday", (rs.getDate(7) != null) ? rs.getDate(7).toString() : null);
			profile.put("sources", json.readTree(rs.getString(8)));
			return profile;
		}).optional().orElse(null));
		return out;
	}

	private static Map<String, Object> history(String type, long survivor, long merged, String reason, String by,
			java.sql.Timestamp at, Object probability) {
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("survivor", survivor);
		entry.put("merged", merged);
		entry.put("reason", reason);
		entry.put("madeBy", by);
		entry.put("at", at.toInstant().toString());
		if (probability != null) {
			entry.put("matchProbability", probability);
		}
		return entry;
	}

	/** Moves accounts of a person to a new person, remembered as do-not-link. */
	@Transactional
	public Map<String, Object> split(TenantId tenant, long person, List<Long> accounts, String by) {
		long scope = tenant.value();
		long current = this.merges.current(scope, person);
		long newPerson = this.merges.split(scope, current, accounts, "split", by);
		return Map.of("person", current, "newPerson", newPerson, "accounts", accounts);
	}

	/** Detaches one account from its person into a person of its own. */
	@Transactional
	public Map<String, Object> detach(TenantId tenant, long account, String by) {
		long scope = tenant.value();
		long person = this.jdbc.sql("select coalesce(person_id, 0) from account where id = ? and tenant_id = ?")
			.params(account, scope)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new dev.siyu.api.NotFound("no account " + account));
		if (person == 0) {
			throw new IllegalArgumentException("account " + account + " belongs to no person yet");
		}
		long newPerson = this.merges.split(scope, person, List.of(account), "detach", by);
		return Map.of("person", person, "newPerson", newPerson, "accounts", List.of(account));
	}

	@Transactional
	public Map<String, Object> reverseSplit(TenantId tenant, long split, String by) {
		this.merges.reverseSplit(tenant.value(), split, by);
		return Map.of("split", split, "reversed", true);
	}

}
