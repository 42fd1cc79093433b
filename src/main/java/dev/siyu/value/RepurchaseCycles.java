package dev.siyu.value;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.siyu.shared.TenantId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Repurchase cycles per category or SKU: the days between a person's consecutive
 * purchases of it (quartiles and a histogram), and the repurchase hazard by days since
 * the last purchase: of the persons whose gap reached the start of a band, the share who
 * bought again within the band. Gaps still open today count as at risk up to their
 * current length (censored), so a recent purchase does not pass for a lost customer. The
 * band with the highest hazard is the sweet period; the fall after it, the fatigue.
 */
@Component
class RepurchaseCycles {

	static final int[] BANDS = { 0, 7, 14, 30, 60, 90, 180, 365, 100_000 };

	private final JdbcClient jdbc;

	private final ScopeOrders scopes;

	RepurchaseCycles(JdbcClient jdbc, ScopeOrders scopes) {
		this.jdbc = jdbc;
		this.scopes = scopes;
	}

	List<Map<String, Object>> of(TenantId tenant, String by, LocalDate today, int limit) {
		String key = switch (by) {
			case "category" -> "coalesce(nullif(i.category, ''), '(none)')";
			case "sku" -> "coalesce(nullif(i.sku, ''), '(none)')";
			default -> throw new IllegalArgumentException("by must be category or sku, not '" + by + "'");
		};
		TenantId scope = this.scopes.scope(tenant);
		String gaps = """
				with bought as (
				    select distinct %s as person, %s as key, %s as day
				    from %s),
				gap as (
				    select key, person, coalesce(lead(day) over w, cast(:today as date)) - day as days,
				           lead(day) over w is not null as closed
				    from bought window w as (partition by key, person order by day))
				""".formatted(ScopeOrders.PERSON, key, ScopeOrders.DAY,
				ScopeOrders.purchases("join order_item i on i.order_id = o.id"));
		Map<String, Object> params = Map.of("tenants", this.scopes.tenantsOf(scope), "scope", scope.value(), "today",
				today);
		Map<String, Map<String, Object>> keys = new LinkedHashMap<>();
		this.jdbc.sql(gaps + """
				, top as (select key, count(*) as purchases, count(distinct person) as persons from gap
				        group by key order by purchases desc, key limit :limit)
				select t.key, t.purchases, t.persons,
				       count(*) filter (where g.closed) as repurchases,
				       count(distinct g.person) filter (where g.closed) as repurchasers,
				       percentile_disc(0.25) within group (order by g.days) filter (where g.closed),
				       percentile_disc(0.5) within group (order by g.days) filter (where g.closed),
				       percentile_disc(0.75) within group (order by g.days) filter (where g.closed)
				from top t join gap g on g.key = t.key group by t.key, t.purchases, t.persons
				order by t.purchases desc""")
			.params(params)
			.param("limit", Math.max(1, Math.min(limit, 500)))
			.query((rs, row) -> {
				Map<String, Object> cycle = new LinkedHashMap<>();
				cycle.put("key", rs.getString(1));
				cycle.put("purchases", rs.getLong(2));
				cycle.put("persons", rs.getLong(3));
				cycle.put("repurchases", rs.getLong(4));
				cycle.put("repurchasers", rs.getLong(5));
				cycle.put("gapDaysQuartiles", Arrays.asList(rs.getObject(6), rs.getObject(7), rs.getObject(8)));
				cycle.put("bands", new ArrayList<Map<String, Object>>());
				keys.put(rs.getString(1), cycle);
				return cycle;
			})
			.list();
		// the keys found above, not the top again: orders imported meanwhile could change
		// it
		this.jdbc.sql(gaps + """
				, band as (select lo, hi from unnest(cast(:los as int[]), cast(:his as int[])) as b(lo, hi))
				select g.key, b.lo, b.hi, count(*) filter (where g.days >= b.lo) as at_risk,
				       count(*) filter (where g.closed and g.days >= b.lo and g.days < b.hi) as repurchased
				from gap g cross join band b where g.key = any(cast(:keys as text[]))
				group by g.key, b.lo, b.hi order by g.key, b.lo""")
			.params(params)
			.param("keys", keys.keySet().toArray(String[]::new))
			.param("los", lows())
			.param("his", highs())
			.query((rs, row) -> {
				long atRisk = rs.getLong(4);
				long repurchased = rs.getLong(5);
				Map<String, Object> band = new LinkedHashMap<>();
				band.put("fromDay", rs.getInt(2));
				band.put("toDay", rs.getInt(3) >= 100_000 ? null : rs.getInt(3));
				band.put("atRisk", atRisk);
				band.put("repurchased", repurchased);
				band.put("hazard", atRisk == 0 ? null : (double) repurchased / atRisk);
				@SuppressWarnings("unchecked")
				List<Map<String, Object>> bands = (List<Map<String, Object>>) keys.get(rs.getString(1)).get("bands");
				bands.add(band);
				return band;
			})
			.list();
		for (Map<String, Object> cycle : keys.values()) {
			cycle.put("sweetPeriod", sweetest(cycle));
		}
		return new ArrayList<>(keys.values());
	}

	@SuppressWarnings("unchecked")
	private static Object sweetest(Map<String, Object> cycle) {
		Map<String, Object> best = null;
		for (Map<String, Object> band : (List<Map<String, Object>>) cycle.get("bands")) {
			Double hazard = (Double) band.get("hazard");
			if (hazard != null && hazard > 0 && (best == null || hazard > (Double) best.get("hazard"))) {
				best = band;
			}
		}
		return best == null ? null : Map.of("fromDay", best.get("fromDay"), "hazard", best.get("hazard"));
	}

	private static Integer[] lows() {
		Integer[] lows = new Integer[BANDS.length - 1];
		for (int i = 0; i < lows.length; i++) {
			lows[i] = BANDS[i];
		}
		return lows;
	}

	private static Integer[] highs() {
		Integer[] highs = new Integer[BANDS.length - 1];
		for (int i = 0; i < highs.length; i++) {
			highs[i] = BANDS[i + 1];
		}
		return highs;
	}

}
