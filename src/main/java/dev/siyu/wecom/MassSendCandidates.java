package dev.siyu.wecom;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.siyu.audience.Audiences;
import dev.siyu.audience.Segments;
import dev.siyu.shared.TenantId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The customers a mass send asks for, as {@link MassSendRules} needs to know them: each
 * with its person (One ID, merged persons resolved to the survivor), the contact and
 * staff member to send through, consent, and what siyu sent the person (or the contact
 * without a person) this month and today. A person asked for by id is reached through the
 * {@link MassSendRules#PREFERRED preferred} live relation of any of their contacts.
 */
@Component
class MassSendCandidates {

	private static final String FOLLOW = """
			select f.userid, f.added_at from wecom_follow f
			where f.tenant_id = :tenant and f.external_userid = %s and f.deleted_at is null
			  and (:anySender or f.userid = any(cast(:senders as text[])))
			  and not exists (select 1 from wecom_staff s where s.tenant_id = f.tenant_id and s.userid = f.userid
			                  and s.left_at is not null)
			order by f.added_at desc nulls last, f.userid limit 1""";

	private final JdbcClient jdbc;

	private final Corps corps;

	private final Audiences audiences;

	private final Segments segments;

	private final Clock clock;

	MassSendCandidates(JdbcClient jdbc, Corps corps, Audiences audiences, Segments segments) {
		this.jdbc = jdbc;
		this.corps = corps;
		this.audiences = audiences;
		this.segments = segments;
		this.clock = Clock.system(MassSends.CHINA);
	}

	/**
	 * One candidate per asked-for contact, person or audience member, in the asked order.
	 */
	List<MassSendRules.Candidate> of(TenantId tenant, MassSends.NewSend send) {
		long scope = this.corps.identityScope(tenant).value();
		List<Row> rows;
		if (!send.externalUserIds().isEmpty()) {
			rows = this.jdbc
				.sql("""
						select e.ord, coalesce(p.merged_into, p.id), e.external,
						       (c.external_userid is not null or f.userid is not null),
						       coalesce(c.marketing_opt_out, false), coalesce(r.marketing_opt_out, false), f.userid, f.added_at
						from unnest(cast(:ids as text[])) with ordinality as e(external, ord)
						left join wecom_contact c on c.tenant_id = :tenant and c.external_userid = e.external
						left join account a on a.tenant_id = :scope and a.platform = 'wecom' and a.account_key = e.external
						left join person p on p.id = a.person_id
						left join person_reach r on r.person_id = coalesce(p.merged_into, p.id)
						left join lateral ("""
						+ FOLLOW.formatted("e.external") + """
								) f on true order by e.ord""")
				.param("ids", send.externalUserIds().toArray(String[]::new))
				.param("tenant", tenant.value())
				.param("scope", scope)
				.param("anySender", send.senders().isEmpty())
				.param("senders", send.senders().toArray(String[]::new))
				.query(MassSendCandidates::row)
				.list();
		}
		else {
			List<Long> persons = (send.audienceId() != null) ? audienceMembers(scope, send.audienceId())
					: send.personIds();
			// every contact of the person (accounts move to the survivor of a merge)
			rows = this.jdbc
				.sql("""
						select w.ord, coalesce(p.merged_into, p.id, w.person_id), a.account_key, a.account_key is not null,
						       coalesce(c.marketing_opt_out, false), coalesce(r.marketing_opt_out, false), f.userid, f.added_at
						from unnest(cast(:persons as bigint[])) with ordinality as w(person_id, ord)
						left join person p on p.id = w.person_id and p.tenant_id = :scope
						left join account a on a.tenant_id = :scope and a.platform = 'wecom'
						                   and a.person_id = coalesce(p.merged_into, p.id)
						left join wecom_contact c on c.tenant_id = :tenant and c.external_userid = a.account_key
						left join person_reach r on r.person_id = coalesce(p.merged_into, p.id)
						left join lateral ("""
						+ FOLLOW.formatted("a.account_key") + """
								) f on true
								order by w.ord""")
				.param("persons", persons.toArray(Long[]::new))
				.param("tenant", tenant.value())
				.param("scope", scope)
				.param("anySender", send.senders().isEmpty())
				.param("senders", send.senders().toArray(String[]::new))
				.query(MassSendCandidates::row)
				.list();
		}
		Map<Long, MassSendRules.Candidate> perAsked = new LinkedHashMap<>();
		for (Row row : rows) {
			perAsked.merge(row.ordinal(), row.candidate(),
					(best, other) -> (MassSendRules.PREFERRED.compare(other, best) < 0) ? other : best);
		}
		return withCounts(tenant, scope, new ArrayList<>(perAsked.values()));
	}

	private List<Long> audienceMembers(long scope, long audienceId) {
		long[] members = this.segments.members(scope, this.audiences.require(scope, audienceId).parsed());
		List<Long> out = new ArrayList<>(members.length);
		for (long member : members) {
			out.add(member);
		}
		return out;
	}

	/**
	 * The candidates with the mass messages siyu sent or has waiting this month and
	 * today: to any contact of their person, or to the contact when it has no person.
	 */
	private List<MassSendRules.Candidate> withCounts(TenantId tenant, long scope,
			List<MassSendRules.Candidate> candidates) {
		LocalDate today = LocalDate.now(this.clock);
		Timestamp month = Timestamp.from(today.withDayOfMonth(1).atStartOfDay(MassSends.CHINA).toInstant());
		Timestamp day = Timestamp.from(today.atStartOfDay(MassSends.CHINA).toInstant());
		Map<Long, int[]> byPerson = new HashMap<>();
		this.jdbc.sql("""
				select k.person, count(*), count(*) filter (where r.planned_at >= :day)
				from unnest(cast(:persons as bigint[])) as k(person)
				join account a on a.tenant_id = :scope and a.platform = 'wecom' and a.person_id = k.person
				join wecom_mass_recipient r on r.tenant_id = :tenant and r.target = a.account_key
				                           and r.planned_at >= :month and r.status in ('pending', 'sent')
				join wecom_mass_send s on s.id = r.send_id and s.chat_type = 'single'
				group by k.person""")
			.param("day", day)
			.param("month", month)
			.param("scope", scope)
			.param("tenant", tenant.value())
			.param("persons",
					candidates.stream()
						.filter(c -> c.personId() != null && c.externalUserId() != null)
						.map(MassSendRules.Candidate::personId)
						.distinct()
						.toArray(Long[]::new))
			.query((ResultSet rs) -> {
				byPerson.put(rs.getLong(1), new int[] { rs.getInt(2), rs.getInt(3) });
			});
		Map<String, int[]> byContact = new HashMap<>();
		this.jdbc.sql("""
				select r.target, count(*), count(*) filter (where r.planned_at >= ?)
				from wecom_mass_recipient r join wecom_mass_send s on s.id = r.send_id
				where r.tenant_id = ? and r.target = any(?) and s.chat_type = 'single'
				  and r.status in ('pending', 'sent') and r.planned_at >= ?
				group by r.target""")
			.params(day, tenant.value(),
					candidates.stream()
						.filter(c -> c.personId() == null && c.externalUserId() != null)
						.map(MassSendRules.Candidate::externalUserId)
						.distinct()
						.toArray(String[]::new),
					month)
			.query((ResultSet rs) -> {
				byContact.put(rs.getString(1), new int[] { rs.getInt(2), rs.getInt(3) });
			});
		List<MassSendRules.Candidate> out = new ArrayList<>(candidates.size());
		for (MassSendRules.Candidate c : candidates) {
			int[] sent = (c.personId() != null) ? byPerson.get(c.personId()) : byContact.get(c.externalUserId());
			out.add((sent == null) ? c : new MassSendRules.Candidate(c.externalUserId(), c.personId(), c.sender(),
					c.followedAt(), c.contactOptedOut(), c.personOptedOut(), sent[0], sent[1]));
		}
		return out;
	}

	private record Row(long ordinal, MassSendRules.Candidate candidate) {
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		Timestamp followed = rs.getTimestamp(8);
		return new Row(rs.getLong(1),
				new MassSendRules.Candidate(rs.getBoolean(4) ? rs.getString(3) : null, (Long) rs.getObject(2),
						rs.getString(7), (followed != null) ? followed.toInstant() : null, rs.getBoolean(5),
						rs.getBoolean(6), 0, 0));
	}

}
