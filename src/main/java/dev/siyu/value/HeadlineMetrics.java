package dev.siyu.value;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.siyu.shared.TenantId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The headline numbers of a private domain for a tenant, a time range and optionally one
 * platform: reach (persons connected through WeCom, the official account or SMS consent,
 * and their share), value per customer (lifetime value, repurchase within 30, 90 and 365
 * days of a first purchase, average order value), recommendation (share of new customers
 * brought by existing ones: null until referral data exists) and GMV by platform and by
 * private-domain connection. GMV counts paid orders net of refunds, as the tenant
 * statistics do.
 */
@Component
class HeadlineMetrics {

	private static final String REACHABLE = "(r.wecom_friend or r.in_group or r.official_account"
			+ " or (r.sms_consent and not r.marketing_opt_out))";

	private static final String RANGE = " and " + ScopeOrders.DAY
			+ " between :from and :to and (cast(:platform as text) is null or o.platform = :platform)";

	private final JdbcClient jdbc;

	private final ScopeOrders scopes;

	HeadlineMetrics(JdbcClient jdbc, ScopeOrders scopes) {
		this.jdbc = jdbc;
		this.scopes = scopes;
	}

	Map<String, Object> of(TenantId tenant, LocalDate from, LocalDate to, String platform) {
		if (to.isBefore(from)) {
			throw new IllegalArgumentException("the range ends (" + to + ") before it starts (" + from + ")");
		}
		TenantId scope = this.scopes.scope(tenant);
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("tenants", this.scopes.tenantsOf(scope));
		params.put("scope", scope.value());
		params.put("from", from);
		params.put("to", to);
		params.put("platform", platform);
		String inRange = ScopeOrders.PURCHASES + RANGE;
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("from", from.toString());
		answer.put("to", to.toString());
		answer.put("platform", platform);
		answer.put("reach", reach(scope));
		answer.put("value", value(params, inRange, scope));
		answer.put("recommendation", Map.of("shareOfNewCustomers", 0, "source", "no referral data yet"));
		answer.put("gmvByPlatform",
				this.jdbc
					.sql("select o.platform, sum(o.amount - o.refund), count(*) from " + inRange
							+ " group by 1 order by 2 desc")
					.params(params)
					.query((rs, row) -> Map.of("platform", rs.getString(1), "gmv", rs.getBigDecimal(2), "orders",
							rs.getLong(3)))
					.list());
		answer.put("gmvByConnection",
				this.jdbc
					.sql("""
							select coalesce(%s, false) as connected, sum(o.amount - o.refund), count(*)
							from %s and true
							group by 1 order by 1 desc""".formatted(REACHABLE,
							ScopeOrders.purchases("left join person_reach r on r.person_id = " + ScopeOrders.PERSON)
									+ RANGE))
					.params(params)
					.query((rs, row) -> Map.of("connected", rs.getBoolean(1), "gmv", rs.getBigDecimal(2), "orders",
							rs.getLong(3)))
					.list());
		return answer;
	}

	private Map<String, Object> reach(TenantId scope) {
		return this.jdbc.sql("""
				select count(*) as persons,
				       count(*) filter (where %s) as reachable,
				       count(*) filter (where r.wecom_friend) as wecom,
				       count(*) filter (where r.official_account) as official_account,
				       count(*) filter (where r.sms_consent and not r.marketing_opt_out) as sms
				from person p left join person_reach r on r.person_id = p.id
				where p.tenant_id = ? and p.merged_into is null""".formatted(REACHABLE))
			.param(scope.value())
			.query((rs, row) -> {
				Map<String, Object> reach = new LinkedHashMap<>();
				long persons = rs.getLong(1);
				reach.put("persons", persons);
				reach.put("reachable", rs.getLong(2));
				reach.put("reachableShare", persons == 0 ? null : (double) rs.getLong(2) / persons);
				reach.put("wecomFriends", rs.getLong(3));
				reach.put("officialAccount", rs.getLong(4));
				reach.put("smsConsent", rs.getLong(5));
				return reach;
			})
			.single();
	}

	private Map<String, Object> value(Map<String, Object> params, String inRange, TenantId scope) {
		Map<String, Object> value = new LinkedHashMap<>();
		Object[] totals = this.jdbc
			.sql("select count(*), coalesce(sum(o.amount - o.refund), 0), count(distinct " + ScopeOrders.PERSON
					+ ") from " + inRange)
			.params(params)
			.query((rs, row) -> new Object[] { rs.getLong(1), rs.getBigDecimal(2), rs.getLong(3) })
			.single();
		long orders = (Long) totals[0];
		BigDecimal gmv = (BigDecimal) totals[1];
		long buyers = (Long) totals[2];
		value.put("orders", orders);
		value.put("buyers", buyers);
		value.put("gmv", gmv);
		value.put("averageOrderValue",
				orders == 0 ? null : gmv.divide(BigDecimal.valueOf(orders), 2, RoundingMode.HALF_UP));
		value.put("gmvPerBuyer", buyers == 0 ? null : gmv.divide(BigDecimal.valueOf(buyers), 2, RoundingMode.HALF_UP));
		value.put("averageClv",
				this.jdbc.sql("select avg(clv) from person_score where tenant_id = ? and clv is not null")
					.param(scope.value())
					.query(BigDecimal.class)
					.optional()
					.map(clv -> clv.setScale(2, RoundingMode.HALF_UP))
					.orElse(null));
		// of the persons whose first purchase falls in the range, who bought again within
		// N days: their next purchase day after the first one, found in one pass
		Map<String, Object> repurchase = new LinkedHashMap<>();
		long[] rates = this.jdbc
			.sql("""
					with day as (select distinct %s as person, %s as day from %s and (cast(:platform as text) is null
					                 or o.platform = :platform)),
					first as (select person, min(day) as first_day from day group by person),
					next as (select f.person, f.first_day, min(d.day) filter (where d.day > f.first_day) as next_day
					         from first f join day d on d.person = f.person
					         where f.first_day between :from and :to group by f.person, f.first_day)
					select count(*), count(*) filter (where next_day <= first_day + 30),
					       count(*) filter (where next_day <= first_day + 90), count(*) filter (where next_day <= first_day + 365)
					from next"""
				.formatted(ScopeOrders.PERSON, ScopeOrders.DAY, ScopeOrders.PURCHASES))
			.params(params)
			.query((rs, row) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4) })
			.single();
		List<Integer> windows = List.of(30, 90, 365);
		for (int i = 0; i < windows.size(); i++) {
			repurchase.put(windows.get(i) + "d", rates[0] == 0 ? null : (double) rates[i + 1] / rates[0]);
		}
		value.put("repurchaseRate", repurchase);
		return value;
	}

}
