package dev.siyu.value;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.siyu.shared.TenantId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Cohorts of buyers by first-purchase month, first platform or acquisition channel (the
 * channel, else the traffic source, of the first order), and for each the following
 * months: persons who bought (retention), persons who had bought again by then
 * (repurchase rate) and GMV.
 */
@Component
class Cohorts {

	private final JdbcClient jdbc;

	private final ScopeOrders scopes;

	Cohorts(JdbcClient jdbc, ScopeOrders scopes) {
		this.jdbc = jdbc;
		this.scopes = scopes;
	}

	List<Map<String, Object>> of(TenantId tenant, String by, int months) {
		String cohort = switch (by) {
			case "month" -> "to_char(f.first_day, 'YYYY-MM')";
			case "platform" -> "f.platform";
			case "channel" -> "f.channel";
			default -> throw new IllegalArgumentException("by must be month, platform or channel, not '" + by + "'");
		};
		TenantId scope = this.scopes.scope(tenant);
		String purchases = """
				with purchase as (
				    select %s as person, %s as day, o.platform,
				           coalesce(nullif(o.channel, ''), nullif(o.traffic_source, ''), 'unknown') as channel,
				           o.amount - o.refund as value
				    from %s),
				first as (
				    select distinct on (person) person, day as first_day, platform, channel
				    from purchase order by person, day, platform),
				offsets as (
				    select p.person, p.day, p.value, %s as cohort,
				           (extract(year from p.day) * 12 + extract(month from p.day))
				         - (extract(year from f.first_day) * 12 + extract(month from f.first_day)) as k
				    from purchase p join first f on f.person = p.person),
				sizes as (select %s as cohort, count(*) as size from first f group by 1)
				""".formatted(ScopeOrders.PERSON, ScopeOrders.DAY, ScopeOrders.PURCHASES, cohort, cohort);
		Map<String, Object> params = Map.of("tenants", this.scopes.tenantsOf(scope), "scope", scope.value(), "months",
				Math.max(0, Math.min(months, 36)));
		Map<String, Map<String, Object>> cohorts = new LinkedHashMap<>();
		this.jdbc.sql(purchases + """
				select s.cohort, s.size, o.k, count(distinct o.person), sum(o.value)
				from sizes s join offsets o on o.cohort = s.cohort
				where o.k <= :months group by 1, 2, 3 order by 1, 3""").params(params).query((rs, row) -> {
			Map<String, Object> entry = cohorts.computeIfAbsent(rs.getString(1), name -> {
				Map<String, Object> created = new LinkedHashMap<>();
				created.put("cohort", name);
				created.put("persons", 0L);
				created.put("months", new ArrayList<Map<String, Object>>());
				return created;
			});
			long size = rs.getLong(2);
			entry.put("persons", size);
			Map<String, Object> month = new LinkedHashMap<>();
			month.put("month", rs.getInt(3));
			month.put("active", rs.getLong(4));
			month.put("retention", (double) rs.getLong(4) / size);
			month.put("repurchaseRate", 0.0);
			month.put("gmv", rs.getBigDecimal(5));
			months(entry).add(month);
			return month;
		}).list();
		// the month of each person's second purchase day, counted cumulatively per cohort
		this.jdbc.sql(purchases + """
				, second as (
				    select cohort, person, k from (
				        select cohort, person, k, row_number() over (partition by person order by day) as n
				        from (select distinct cohort, person, day, k from offsets) d) ranked where n = 2)
				select s.cohort, s.size, x.k, count(*) from sizes s join second x on x.cohort = s.cohort
				group by 1, 2, 3 order by 1, 3""").params(params).query((rs, row) -> {
			Map<String, Object> entry = cohorts.get(rs.getString(1));
			if (entry != null) {
				double share = (double) rs.getLong(4) / rs.getLong(2);
				for (Map<String, Object> month : months(entry)) {
					if ((Integer) month.get("month") >= rs.getInt(3)) {
						month.put("repurchaseRate", (Double) month.get("repurchaseRate") + share);
					}
				}
			}
			return entry;
		}).list();
		return new ArrayList<>(cohorts.values());
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> months(Map<String, Object> cohort) {
		return (List<Map<String, Object>>) cohort.get("months");
	}

}
