package dev.siyu.console;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.siyu.ingest.Receiver;
import dev.siyu.privacy.Masking;
import dev.siyu.privacy.PersonalData;
import dev.siyu.privacy.Reveals;
import dev.siyu.tenant.Permission;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The 360 view of one customer: identities with the evidence of each link, orders across
 * platforms, and the facts other modules keep about the person (profile, scores, reach).
 * Personal data is masked; {@link #reveal} shows it in clear after recording who asked.
 */
@Service
class CustomerProfiles {

	private final JdbcClient jdbc;

	private final PersonalData personalData;

	private final Reveals reveals;

	CustomerProfiles(JdbcClient jdbc, PersonalData personalData, Reveals reveals) {
		this.jdbc = jdbc;
		this.personalData = personalData;
		this.reveals = reveals;
	}

	/**
	 * The person of the workspace's identity graphs, followed to its survivor if merged.
	 */
	Optional<Long> resolve(Workspace workspace, long personId) {
		return this.jdbc.sql("""
				select coalesce(merged_into, id) from person where id = ? and tenant_id = any(?)""")
			.params(personId, workspace.scopeIds())
			.query(Long.class)
			.optional();
	}

	Profile of(Workspace workspace, long person) {
		List<Account> accounts = this.jdbc
			.sql("""
					select a.id, a.platform, a.account_key, a.first_seen from account a where a.person_id = ? order by a.id""")
			.param(person)
			.query((rs, row) -> new Account(rs.getLong(1), rs.getString(2), displayedKey(rs.getString(3)),
					rs.getObject(4, OffsetDateTime.class)))
			.list();
		List<Identifier> identifiers = this.jdbc
			.sql("""
					select ai.account_id, i.kind, i.masked, i.strong, i.quarantined_at is not null
					from account a join account_identifier ai on ai.account_id = a.id join identifier i on i.id = ai.identifier_id
					where a.person_id = ? order by ai.account_id, i.kind""")
			.param(person)
			.query((rs, row) -> new Identifier(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
					rs.getBoolean(5)))
			.list();
		List<Link> links = this.jdbc
			.sql("""
					select l.account_id, a.platform, l.rule, i.kind, i.masked, l.linked_with, l.made_by, l.created_at
					from identity_link l join account a on a.id = l.account_id left join identifier i on i.id = l.identifier_id
					where l.person_id = ? and l.ended_at is null order by l.id""")
			.param(person)
			.query((rs, row) -> new Link(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getObject(6, Long.class), rs.getString(7),
					rs.getObject(8, OffsetDateTime.class)))
			.list();
		List<Order> orders = this.jdbc.sql("""
				select o.platform, o.order_no, o.status, o.amount, o.refund, coalesce(o.paid_at, o.created_at), s.name,
				       o.item_count, o.province, o.city,
				       (select string_agg(coalesce(i.title, i.sku), ' / ' order by i.line_no) from order_item i
				        where i.order_id = o.id) as items
				from orders o join account a on a.id = o.account_id left join shop s on s.id = o.shop_id
				where a.person_id = ? and o.tenant_id = any(?)
				order by coalesce(o.paid_at, o.created_at) desc nulls last limit 200""")
			.params(person, workspace.tenantIds())
			.query((rs, row) -> new Order(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4),
					rs.getBigDecimal(5), rs.getObject(6, OffsetDateTime.class), rs.getString(7), rs.getInt(8),
					rs.getString(9), rs.getString(10), rs.getString(11)))
			.list();
		Receiver receiver = latestReceiver(workspace, person);
		return new Profile(person, Masking.name(receiver.name()), Masking.phone(receiver.phone()),
				Masking.address(receiver.address()), accounts, identifiers, links, orders,
				facts("person_profile", person), facts("person_score", person), facts("person_reach", person));
	}

	/**
	 * The person's personal data in clear: the latest receiver and every identifier kept
	 * encrypted. Fails unless the role may reveal; recorded before anything is decrypted.
	 */
	Revealed reveal(Workspace workspace, long person) {
		workspace.require(Permission.REVEAL_PERSONAL_DATA);
		this.reveals.record(workspace.tenantId(), workspace.username(), "person:" + person,
				List.of("name", "phone", "address", "identifiers"));
		Receiver receiver = latestReceiver(workspace, person);
		List<String> identifiers = new ArrayList<>();
		this.jdbc.sql("""
				select distinct i.kind, i.value_enc from account a join account_identifier ai on ai.account_id = a.id
				join identifier i on i.id = ai.identifier_id where a.person_id = ? and i.value_enc is not null""")
			.param(person)
			.query(rs -> {
				identifiers.add(rs.getString(1) + ": " + this.personalData.decrypt(rs.getBytes(2)));
			});
		return new Revealed(receiver.name(), receiver.phone(), receiver.address(), identifiers);
	}

	/**
	 * A platform's buyer id, masked; buyers without one are keyed by their phone's or
	 * receiver's digest, which means nothing to a person and is shown as its kind.
	 */
	static String displayedKey(String accountKey) {
		if (accountKey.startsWith("phone:")) {
			return "(phone)";
		}
		if (accountKey.startsWith("receiver:")) {
			return "(receiver)";
		}
		return Masking.identifier(accountKey);
	}

	private Receiver latestReceiver(Workspace workspace, long person) {
		byte[] cipher = this.jdbc.sql("""
				select o.receiver from orders o join account a on a.id = o.account_id
				where a.person_id = ? and o.tenant_id = any(?) and o.receiver is not null
				order by coalesce(o.paid_at, o.created_at) desc nulls last limit 1""")
			.params(person, workspace.tenantIds())
			.query((rs, row) -> rs.getBytes(1))
			.optional()
			.orElse(null);
		return Receiver.decode((cipher != null) ? this.personalData.decrypt(cipher) : null);
	}

	private Map<String, Object> facts(String table, long person) {
		return this.jdbc.sql("select * from " + table + " where person_id = ?")
			.param(person)
			.query()
			.listOfRows()
			.stream()
			.findFirst()
			.map(row -> {
				row.keySet()
					.removeIf(key -> key.endsWith("_enc") || key.equals("person_id") || key.equals("tenant_id"));
				return row;
			})
			.orElse(Map.of());
	}

	/** Everything the 360 page shows. */
	record Profile(long person, String maskedName, String maskedPhone, String maskedAddress, List<Account> accounts,
			List<Identifier> identifiers, List<Link> links, List<Order> orders, Map<String, Object> profile,
			Map<String, Object> score, Map<String, Object> reach) {

		public BigDecimal gmv() {
			return this.orders.stream()
				.map(o -> o.amount().subtract(o.refund()))
				.reduce(BigDecimal.ZERO, BigDecimal::add);
		}

		public List<String> platforms() {
			return this.accounts.stream().map(Account::platform).distinct().toList();
		}

	}

	record Account(long id, String platform, String maskedKey, OffsetDateTime firstSeen) {
	}

	record Identifier(long account, String kind, String masked, boolean strong, boolean quarantined) {
	}

	record Link(long account, String platform, String rule, String identifierKind, String identifierMasked,
			Long linkedWith, String madeBy, OffsetDateTime createdAt) {
	}

	record Order(String platform, String orderNo, String status, BigDecimal amount, BigDecimal refund,
			OffsetDateTime at, String shop, int items, String province, String city, String titles) {
	}

	record Revealed(String name, String phone, String address, List<String> identifiers) {
	}

}
