package dev.siyu.value;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.siyu.shared.TenantId;
import dev.siyu.tenant.Tenants;
import dev.siyu.testing.Api;
import dev.siyu.testing.IntegrationTest;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The value figures stored with the scores are what the scores and the orders give when
 * computed directly, and follow new imports.
 */
@IntegrationTest
class ValueFiguresTests {

	static final LocalDate START = LocalDate.of(2024, 1, 1);

	static final LocalDate DAY = START.plusDays(150);

	@LocalServerPort
	int port;

	@Autowired
	Tenants tenants;

	@Autowired
	CustomerScores scores;

	@Autowired
	ValueAnalytics analytics;

	@Autowired
	ValueReports reports;

	@Autowired
	ValueDashboard dashboard;

	@Autowired
	JdbcClient jdbc;

	Api api;

	TenantId tenant;

	@BeforeEach
	void newTenant() {
		var created = this.tenants.create("f-" + UUID.randomUUID().toString().substring(0, 8), null);
		this.tenant = created.tenant().id();
		this.api = new Api(this.port, created.apiKey());
	}

	@Test
	void storedFiguresEqualADirectComputationOverScoresAndOrders() {
		post(buyers("A", 40), 40);

		this.scores.refresh(this.tenant, DAY);
		ValueFigures stored = this.analytics.stored(this.tenant).orElseThrow();

		assertThat(stored.day()).isEqualTo(DAY);
		assertThat(stored).usingRecursiveComparison()
			.ignoringFields("computedAt")
			.withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
			.isEqualTo(this.analytics.compute(this.tenant, DAY));
		JsonNode rfm = this.api.get("/api/v1/value/rfm").json();
		rfm.get("classes")
			.properties()
			.forEach(entry -> assertThat(stored.rfmClasses().get(entry.getKey())).as(entry.getKey())
				.isEqualTo(entry.getValue().asLong()));
		assertThat(stored.rfmGrid()).hasSize(rfm.get("scores").size());
		assertThat(stored.rfmGrid().stream().mapToLong(ValueFigures.RfmCell::persons).sum()).isEqualTo(40);
		this.api.get("/api/v1/value/lifecycle")
			.json()
			.properties()
			.forEach(entry -> assertThat(stored.stages().get(entry.getKey())).as(entry.getKey())
				.isEqualTo(entry.getValue().asLong()));
		assertThat(stored.clv()).hasSize(10);
		assertThat(stored.clv().stream().mapToLong(ValueFigures.ClvBand::persons).sum()).isEqualTo(40);
		assertSameCohorts(stored.cohorts(), this.api.get("/api/v1/value/cohorts?by=month&months=12").json());
		assertSameCycles(stored.cycles(), this.reports.cycles().of(this.tenant, "category", DAY, 20));
	}

	@Test
	void aRecomputationAfterMergesKeepsFreshFiguresAndRenewsStaleOnes() {
		post(buyers("S", 10), 10);
		this.scores.refresh(this.tenant, DAY);
		OffsetDateTime first = this.analytics.stored(this.tenant).orElseThrow().computedAt();

		this.scores.refresh(this.tenant, DAY, CustomerScores.Figures.WHEN_STALE);
		assertThat(this.analytics.stored(this.tenant).orElseThrow().computedAt()).isEqualTo(first);

		this.jdbc.sql("update value_figures set computed_at = now() - interval '1 day' where scope_id = ?")
			.param(this.tenant.value())
			.update();
		this.scores.refresh(this.tenant, DAY, CustomerScores.Figures.WHEN_STALE);
		assertThat(this.analytics.stored(this.tenant).orElseThrow().computedAt()).isAfter(first);
	}

	@Test
	void cohortsAndCyclesCountTheBuyersOfEachMonthAndCategory() {
		post(buyers("B", 40), 40);

		this.scores.refresh(this.tenant, DAY);
		ValueFigures figures = this.dashboard.figures(this.tenant);

		// buyer b starts in month b % 4 and buys again 20 days later when b is even
		assertThat(figures.cohorts()).extracting(ValueFigures.Cohort::cohort)
			.containsExactly("2024-01", "2024-02", "2024-03", "2024-04");
		assertThat(figures.cohorts()).allSatisfy(cohort -> assertThat(cohort.persons()).isEqualTo(10));
		ValueFigures.Cycle tea = figures.cycles()
			.stream()
			.filter(cycle -> cycle.key().equals("茶"))
			.findFirst()
			.orElseThrow();
		assertThat(tea.persons()).isEqualTo(40);
		assertThat(tea.repurchasers()).isEqualTo(20);
		assertThat(tea.gapDaysQuartiles()).containsExactly(20, 20, 20);
		assertThat(tea.medianGap()).isEqualTo(20);
	}

	@Test
	void anImportRewritesTheStoredFigures() {
		post(buyers("C", 8), 8);
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> this.analytics.stored(this.tenant)
				.map(figures -> figures.cohorts().stream().mapToLong(ValueFigures.Cohort::persons).sum() == 8)
				.orElse(false));

		post(OrderBatches.orders("D").item("late", START.plusDays(140), 99, "咖啡", "live"), 9);

		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> this.analytics.stored(this.tenant)
				.map(figures -> figures.cohorts().stream().anyMatch(cohort -> cohort.cohort().equals("2024-05")))
				.orElse(false));
		assertThat(this.analytics.stored(this.tenant).orElseThrow().cycles()).extracting(ValueFigures.Cycle::key)
			.contains("咖啡");
	}

	/**
	 * Buyer b: 茶 on day (b % 4) * 31 + b % 3, and again 20 days later when b is even, 水
	 * once.
	 */
	private static OrderBatches buyers(String prefix, int count) {
		OrderBatches orders = OrderBatches.orders(prefix);
		for (int b = 0; b < count; b++) {
			LocalDate first = START.plusDays((b % 4) * 31L + b % 3);
			orders.item("b" + b, first, 50 + b, "茶", "search");
			if (b % 2 == 0) {
				orders.item("b" + b, first.plusDays(20), 70 + b, "茶", "search");
			}
			orders.item("b" + b, first.plusDays(1), 10, "水", "search");
		}
		return orders;
	}

	private static void assertSameCohorts(List<ValueFigures.Cohort> stored, JsonNode direct) {
		assertThat(stored).hasSize(direct.size());
		for (int i = 0; i < stored.size(); i++) {
			ValueFigures.Cohort cohort = stored.get(i);
			JsonNode expected = direct.get(i);
			assertThat(cohort.cohort()).isEqualTo(expected.get("cohort").asString());
			assertThat(cohort.persons()).isEqualTo(expected.get("persons").asLong());
			assertThat(cohort.months()).hasSize(expected.get("months").size());
			for (int k = 0; k < cohort.months().size(); k++) {
				ValueFigures.CohortMonth month = cohort.months().get(k);
				JsonNode expectedMonth = expected.get("months").get(k);
				assertThat(month.month()).isEqualTo(expectedMonth.get("month").asInt());
				assertThat(month.active()).isEqualTo(expectedMonth.get("active").asLong());
				assertThat(month.retention()).isEqualTo(expectedMonth.get("retention").asDouble());
				assertThat(month.repurchaseRate()).isEqualTo(expectedMonth.get("repurchaseRate").asDouble());
				assertThat(month.gmv()).isEqualByComparingTo(expectedMonth.get("gmv").decimalValue());
			}
		}
	}

	@SuppressWarnings("unchecked")
	private static void assertSameCycles(List<ValueFigures.Cycle> stored, List<Map<String, Object>> direct) {
		assertThat(stored).hasSize(direct.size());
		for (int i = 0; i < stored.size(); i++) {
			ValueFigures.Cycle cycle = stored.get(i);
			Map<String, Object> expected = direct.get(i);
			assertThat(cycle.key()).isEqualTo(expected.get("key"));
			assertThat(cycle.purchases()).isEqualTo(expected.get("purchases"));
			assertThat(cycle.persons()).isEqualTo(expected.get("persons"));
			assertThat(cycle.repurchases()).isEqualTo(expected.get("repurchases"));
			assertThat(cycle.repurchasers()).isEqualTo(expected.get("repurchasers"));
			assertThat(cycle.gapDaysQuartiles()).isEqualTo(expected.get("gapDaysQuartiles"));
			List<Map<String, Object>> bands = (List<Map<String, Object>>) expected.get("bands");
			assertThat(cycle.bands()).hasSize(bands.size());
			for (int b = 0; b < bands.size(); b++) {
				assertThat(cycle.bands().get(b).atRisk()).isEqualTo(bands.get(b).get("atRisk"));
				assertThat(cycle.bands().get(b).repurchased()).isEqualTo(bands.get(b).get("repurchased"));
				assertThat(cycle.bands().get(b).hazard()).isEqualTo(bands.get(b).get("hazard"));
			}
			Map<String, Object> sweet = (Map<String, Object>) expected.get("sweetPeriod");
			assertThat(cycle.sweetPeriodFromDay()).isEqualTo((sweet == null) ? null : sweet.get("fromDay"));
		}
	}

	private void post(OrderBatches orders, long buyersAfter) {
		Api.Response response = this.api.postJson("/api/v1/orders:batch", orders.json());
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("rejected").asLong()).isZero();
		// the import's own recomputation runs after it: let it finish first
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> this.jdbc.sql("select count(*) from person_score where tenant_id = ?")
				.param(this.tenant.value())
				.query(Long.class)
				.single() == buyersAfter);
	}

}
