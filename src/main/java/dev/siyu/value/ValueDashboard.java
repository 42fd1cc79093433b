package dev.siyu.value;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.siyu.shared.TenantId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The value figures a screen shows for a tenant: counts per RFM class and lifecycle stage
 * and the lifetime-value distribution, read from the stored scores; cohorts and
 * repurchase cycles as the reports compute them; the latest model fit.
 */
@Component
public class ValueDashboard {

	private static final int CLV_BANDS = 10;

	private final ScoreQueries queries;

	private final ValueReports reports;

	private final ClvFits fits;

	private final ScopeOrders scopes;

	private final JdbcClient jdbc;

	ValueDashboard(ScoreQueries queries, ValueReports reports, ClvFits fits, ScopeOrders scopes, JdbcClient jdbc) {
		this.queries = queries;
		this.reports = reports;
		this.fits = fits;
		this.scopes = scopes;
		this.jdbc = jdbc;
	}

	/** Persons per RFM class, keyed by the class's Chinese label, all eight present. */
	@SuppressWarnings("unchecked")
	public Map<String, Long> rfmClasses(TenantId tenant) {
		return (Map<String, Long>) this.queries.rfm(tenant).get("classes");
	}

	/** Persons per lifecycle stage code, all stages present. */
	public Map<String, Long> stages(TenantId tenant) {
		return this.queries.stages(tenant);
	}

	/** Cohorts by first-purchase month with retention per following month. */
	public List<Map<String, Object>> cohorts(TenantId tenant, int months) {
		return this.reports.cohorts().of(tenant, "month", months);
	}

	/** Repurchase cycles per product category. */
	public List<Map<String, Object>> cycles(TenantId tenant, int limit) {
		return this.reports.cycles().of(tenant, "category", LocalDate.now(CustomerScores.CHINA), limit);
	}

	public Optional<Map<String, Object>> latestFit(TenantId tenant) {
		return this.fits.latest(tenant);
	}

	/**
	 * Persons by predicted lifetime value in ten equal-width bands from zero to the
	 * highest value.
	 */
	public List<ClvBand> clvBands(TenantId tenant) {
		long scope = this.scopes.scope(tenant).value();
		Double highest = this.jdbc.sql("select max(clv)::float8 from person_score where tenant_id = ? and clv > 0")
			.param(scope)
			.query(Double.class)
			.optional()
			.orElse(null);
		if (highest == null) {
			return List.of();
		}
		double width = highest / CLV_BANDS;
		Map<Integer, Long> counts = new LinkedHashMap<>();
		this.jdbc.sql("""
				select least(width_bucket(clv::float8, 0, ?::float8, ?), ?), count(*) from person_score
				where tenant_id = ? and clv >= 0 group by 1""")
			.params(highest, CLV_BANDS, CLV_BANDS, scope)
			.query((java.sql.ResultSet rs) -> {
				counts.put(rs.getInt(1), rs.getLong(2));
			});
		List<ClvBand> bands = new ArrayList<>();
		for (int band = 1; band <= CLV_BANDS; band++) {
			bands.add(new ClvBand(width * (band - 1), width * band, counts.getOrDefault(band, 0L)));
		}
		return bands;
	}

	/** Persons whose lifetime value lies from {@code from} up to {@code to}. */
	public record ClvBand(double from, double to, long persons) {
	}

}
