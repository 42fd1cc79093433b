package dev.siyu.value;

import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.siyu.shared.TenantId;
import dev.siyu.tenant.Tenant;
import dev.siyu.tenant.Tenants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The value analytics of each identity scope, computed from its scores and orders when
 * the scores are recomputed (and nightly, since repurchase gaps still open grow with the
 * day) and stored as one row, which a page view reads.
 */
@Service
class ValueAnalytics {

	static final int COHORT_MONTHS = 12;

	static final int CYCLE_CATEGORIES = 20;

	private static final int CLV_BANDS = 10;

	private static final Logger log = LoggerFactory.getLogger(ValueAnalytics.class);

	private final JdbcClient jdbc;

	private final ScoreQueries queries;

	private final ValueReports reports;

	private final ScopeOrders scopes;

	private final Tenants tenants;

	private final TransactionTemplate transactions;

	private final JsonMapper json;

	private final Duration maxAge;

	ValueAnalytics(JdbcClient jdbc, ScoreQueries queries, ValueReports reports, ScopeOrders scopes, Tenants tenants,
			TransactionTemplate transactions, JsonMapper json,
			@Value("${siyu.value.figures-max-age:PT10M}") Duration maxAge) {
		this.maxAge = maxAge;
		this.jdbc = jdbc;
		this.queries = queries;
		this.reports = reports;
		this.scopes = scopes;
		this.tenants = tenants;
		this.transactions = transactions;
		this.json = json;
	}

	/**
	 * The stored figures of the tenant's scope, computed and stored now if it has none.
	 */
	ValueFigures of(TenantId tenant) {
		TenantId scope = this.scopes.scope(tenant);
		return stored(scope).orElseGet(() -> refresh(scope, LocalDate.now(CustomerScores.CHINA)));
	}

	Optional<ValueFigures> stored(TenantId scope) {
		return this.jdbc.sql("select figures::text from value_figures where scope_id = ?")
			.param(scope.value())
			.query(String.class)
			.optional()
			.map(text -> this.json.readValue(text, ValueFigures.class));
	}

	/** Whether the scope has no stored figures or ones older than their maximum age. */
	boolean stale(TenantId scope) {
		return this.jdbc
			.sql("select computed_at < now() - ? * interval '1 second' from value_figures where scope_id = ?")
			.params(this.maxAge.toSeconds(), scope.value())
			.query(Boolean.class)
			.optional()
			.orElse(true);
	}

	/** Computes the scope's figures as of a day and stores them. */
	ValueFigures refresh(TenantId scope, LocalDate today) {
		long start = System.nanoTime();
		ValueFigures figures = compute(scope, today);
		this.jdbc.sql("""
				insert into value_figures (scope_id, figures, computed_at) values (?, ?::jsonb, now())
				on conflict (scope_id) do update set figures = excluded.figures, computed_at = now()""")
			.params(scope.value(), this.json.writeValueAsString(figures))
			.update();
		log.info("value figures of scope {} in {} ms", scope.value(), (System.nanoTime() - start) / 1_000_000);
		return figures;
	}

	/** The figures as the scores and orders give them now, without storing them. */
	@SuppressWarnings("unchecked")
	ValueFigures compute(TenantId scope, LocalDate today) {
		Map<String, Object> rfm = this.queries.rfm(scope);
		List<ValueFigures.RfmCell> grid = ((List<Map<String, Object>>) rfm.get("scores")).stream()
			.map(cell -> new ValueFigures.RfmCell((Integer) cell.get("r"), (Integer) cell.get("f"),
					(Integer) cell.get("m"), (Long) cell.get("persons")))
			.toList();
		Map<String, Long> classes = new LinkedHashMap<>();
		((Map<String, Object>) rfm.get("classes")).forEach((label, persons) -> classes.put(label, (Long) persons));
		List<ValueFigures.Cohort> cohorts = this.reports.cohorts()
			.of(scope, "month", COHORT_MONTHS)
			.stream()
			.map(ValueAnalytics::cohort)
			.toList();
		List<ValueFigures.Cycle> cycles = this.reports.cycles()
			.of(scope, "category", today, CYCLE_CATEGORIES)
			.stream()
			.map(ValueAnalytics::cycle)
			.toList();
		return new ValueFigures(today, classes, grid, this.queries.stages(scope), clvBands(scope), cohorts, cycles,
				OffsetDateTime.now());
	}

	/** Repurchase gaps still open grow every day: the figures of every scope follow. */
	@Scheduled(cron = "${siyu.value.figures-cron:0 5 0 * * *}", zone = "Asia/Shanghai")
	void refreshAll() {
		LocalDate today = LocalDate.now(CustomerScores.CHINA);
		for (Tenant tenant : this.tenants.all()) {
			if (tenant.identityScope().equals(tenant.id())) {
				try {
					this.transactions.executeWithoutResult(status -> {
						this.jdbc.sql("select pg_advisory_xact_lock(5, ?)")
							.param((int) tenant.id().value())
							.query(Object.class)
							.single();
						refresh(tenant.id(), today);
					});
				}
				catch (RuntimeException ex) {
					log.warn("value figures of tenant {} failed: {}", tenant.name(), ex.getMessage());
				}
			}
		}
	}

	/**
	 * Persons by predicted lifetime value in ten equal-width bands from zero to the
	 * highest value.
	 */
	private List<ValueFigures.ClvBand> clvBands(TenantId scope) {
		Double highest = this.jdbc.sql("select max(clv)::float8 from person_score where tenant_id = ? and clv > 0")
			.param(scope.value())
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
			.params(highest, CLV_BANDS, CLV_BANDS, scope.value())
			.query((ResultSet rs) -> {
				counts.put(rs.getInt(1), rs.getLong(2));
			});
		List<ValueFigures.ClvBand> bands = new ArrayList<>();
		for (int band = 1; band <= CLV_BANDS; band++) {
			bands.add(new ValueFigures.ClvBand(width * (band - 1), width * band, counts.getOrDefault(band, 0L)));
		}
		return bands;
	}

	@SuppressWarnings("unchecked")
	private static ValueFigures.Cohort cohort(Map<String, Object> cohort) {
		List<ValueFigures.CohortMonth> months = ((List<Map<String, Object>>) cohort.get("months")).stream()
			.map(month -> new ValueFigures.CohortMonth((Integer) month.get("month"), (Long) month.get("active"),
					(Double) month.get("retention"), (Double) month.get("repurchaseRate"),
					(java.math.BigDecimal) month.get("gmv")))
			.toList();
		return new ValueFigures.Cohort((String) cohort.get("cohort"), (Long) cohort.get("persons"), months);
	}

	@SuppressWarnings("unchecked")
	private static ValueFigures.Cycle cycle(Map<String, Object> cycle) {
		List<ValueFigures.Band> bands = ((List<Map<String, Object>>) cycle.get("bands")).stream()
			.map(band -> new ValueFigures.Band((Integer) band.get("fromDay"), (Integer) band.get("toDay"),
					(Long) band.get("atRisk"), (Long) band.get("repurchased"), (Double) band.get("hazard")))
			.toList();
		List<Integer> quartiles = ((List<Object>) cycle.get("gapDaysQuartiles")).stream()
			.map(days -> (days == null) ? null : ((Number) days).intValue())
			.toList();
		Map<String, Object> sweet = (Map<String, Object>) cycle.get("sweetPeriod");
		return new ValueFigures.Cycle((String) cycle.get("key"), (Long) cycle.get("purchases"),
				(Long) cycle.get("persons"), (Long) cycle.get("repurchases"), (Long) cycle.get("repurchasers"),
				quartiles, bands, (sweet == null) ? null : (Integer) sweet.get("fromDay"));
	}

}
