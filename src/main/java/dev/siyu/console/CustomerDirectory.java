package dev.siyu.console;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import dev.siyu.ingest.Receiver;
import dev.siyu.privacy.Masking;
import dev.siyu.privacy.PersonalData;
import dev.siyu.shared.PhoneNumber;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Finds customers (persons) of a workspace: by phone, e-mail or member number through
 * their blind index, by a receiver's name through {@link ReceiverNames}, by a platform
 * buyer id or nick, or by person number; without a query, the buyers of the latest
 * orders. Rows show personal data masked only.
 */
@Service
class CustomerDirectory {

	static final int LIMIT = 30;

	private static final Pattern PERSON_NUMBER = Pattern.compile("#?(\\d{1,18})");

	private final JdbcClient jdbc;

	private final PersonalData personalData;

	private final ReceiverNames names;

	CustomerDirectory(JdbcClient jdbc, PersonalData personalData, ReceiverNames names) {
		this.jdbc = jdbc;
		this.personalData = personalData;
		this.names = names;
	}

	List<Row> search(Workspace workspace, String query) {
		String q = (query == null) ? "" : query.strip();
		if (q.isEmpty()) {
			return rows(workspace, """
					select distinct coalesce(p.merged_into, p.id) as person
					from (select account_id from orders where tenant_id = any(:tenants) and account_id is not null
					      order by id desc limit 500) o
					join account a on a.id = o.account_id join person p on p.id = a.person_id""", null);
		}
		String sql = """
				select coalesce(p.merged_into, p.id) as person from account a join person p on p.id = a.person_id
				where a.tenant_id = any(:scopes) and a.account_key = :q
				union
				select coalesce(p.merged_into, p.id) from identifier i
				join account_identifier ai on ai.identifier_id = i.id
				join account a on a.id = ai.account_id join person p on p.id = a.person_id
				where i.tenant_id = any(:scopes) and (i.kind, i.value_hash) in ((:phoneKind, :phone), ('email', :email),
				      ('member_no', :member))
				union
				select coalesce(p.merged_into, p.id) from receiver_name n
				join account a on a.id = n.account_id join person p on p.id = a.person_id
				where n.tenant_id = any(:tenants) and n.name_hash = :name""";
		var matcher = PERSON_NUMBER.matcher(q);
		Long person = (matcher.matches() && (q.startsWith("#") || q.length() < 11)) ? Long.valueOf(matcher.group(1))
				: null;
		if (person != null) {
			sql += "\nunion select id from person where id = :person and tenant_id = any(:scopes) and merged_into is null";
		}
		return rows(workspace, sql, new Lookup(q, person));
	}

	private List<Row> rows(Workspace workspace, String persons, Lookup lookup) {
		var statement = this.jdbc
			.sql("""
					with found as (%s limit %d)
					select f.person,
					       (select string_agg(distinct a.platform, ',') from account a where a.person_id = f.person) as platforms,
					       (select i.masked from account a join account_identifier ai on ai.account_id = a.id
					        join identifier i on i.id = ai.identifier_id
					        where a.person_id = f.person and i.kind = 'phone' limit 1) as phone,
					       s.orders, s.gmv, s.last_order, s.receiver
					from found f
					cross join lateral (
					  select count(*) as orders, coalesce(sum(o.amount - o.refund), 0) as gmv,
					         max(coalesce(o.paid_at, o.created_at)) as last_order,
					         (array_agg(o.receiver order by o.id desc) filter (where o.receiver is not null))[1] as receiver
					  from account a join orders o on o.account_id = a.id
					  where a.person_id = f.person and o.tenant_id = any(:tenants)) s
					order by s.last_order desc nulls last"""
				.formatted(persons, LIMIT))
			.param("tenants", workspace.tenantIds())
			.param("scopes", workspace.scopeIds());
		if (lookup != null) {
			PhoneNumber phone = PhoneNumber.parse(lookup.query());
			statement = statement.param("q", lookup.query())
				.param("phoneKind", "phone")
				.param("phone",
						(phone.kind() == PhoneNumber.Kind.MOBILE)
								? this.personalData.blindIndex("phone", phone.normalized()) : new byte[0])
				.param("email", this.personalData.blindIndex("email", lookup.query().toLowerCase(Locale.ROOT)))
				.param("member", this.personalData.blindIndex("member_no", lookup.query()))
				.param("name", orEmpty(this.names.indexOf(lookup.query())));
			if (lookup.person() != null) {
				statement = statement.param("person", lookup.person());
			}
		}
		return statement.query((rs, row) -> {
			byte[] receiver = rs.getBytes("receiver");
			String name = (receiver != null) ? Masking.name(Receiver.decode(this.personalData.decrypt(receiver)).name())
					: "";
			return new Row(rs.getLong("person"), name, rs.getString("phone"), rs.getString("platforms"),
					rs.getLong("orders"), rs.getBigDecimal("gmv"), rs.getObject("last_order", OffsetDateTime.class));
		}).list();
	}

	private static byte[] orEmpty(byte[] bytes) {
		return (bytes != null) ? bytes : new byte[0];
	}

	private record Lookup(String query, Long person) {
	}

	/** A customer in a list: masked name and phone, platforms, orders and spend here. */
	record Row(long person, String maskedName, String maskedPhone, String platforms, long orders, BigDecimal gmv,
			OffsetDateTime lastOrder) {
	}

}
