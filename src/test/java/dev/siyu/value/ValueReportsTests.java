package dev.siyu.value;

import java.time.LocalDate;
import java.util.UUID;

import dev.siyu.tenant.Tenants;
import dev.siyu.testing.Api;
import dev.siyu.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Three milk buyers: a buys every ten days (three times, via live streams), b twice
 * thirty days apart and c once (both via search).
 */
@IntegrationTest
class ValueReportsTests {

	static final LocalDate START = LocalDate.of(2024, 1, 1);

	@LocalServerPort
	int port;

	@Autowired
	Tenants tenants;

	Api api;

	@BeforeEach
	void threeMilkBuyers() {
		this.api = new Api(this.port,
				this.tenants.create("r-" + UUID.randomUUID().toString().substring(0, 8), null).apiKey());
		OrderBatches orders = OrderBatches.orders("M")
			.item("a", START, 30, "牛奶", "live")
			.item("a", START.plusDays(10), 30, "牛奶", "live")
			.item("a", START.plusDays(20), 30, "牛奶", "live")
			.item("b", START, 60, "牛奶", "search")
			.item("b", START.plusDays(30), 60, "牛奶", "search")
			.item("c", START.plusDays(5), 90, "牛奶", "search");
		Api.Response posted = this.api.postJson("/api/v1/orders:batch", orders.json());
		assertThat(posted.json().get("rejected").asLong()).isZero();
	}

	@Test
	void repurchaseCyclesGiveGapQuartilesAndTheHazardBySinceLastPurchase() {
		JsonNode milk = this.api.get("/api/v1/value/repurchase-cycles?by=category").json().get(0);

		assertThat(milk.get("key").asString()).isEqualTo("牛奶");
		assertThat(milk.get("purchases").asLong()).isEqualTo(6);
		assertThat(milk.get("repurchases").asLong()).isEqualTo(3);
		assertThat(milk.get("gapDaysQuartiles").toString()).isEqualTo("[10,10,30]");
		JsonNode week2 = milk.get("bands").get(1);
		assertThat(week2.get("fromDay").asInt()).isEqualTo(7);
		assertThat(week2.get("atRisk").asLong()).isEqualTo(6);
		assertThat(week2.get("repurchased").asLong()).isEqualTo(2);
		assertThat(milk.get("sweetPeriod").get("fromDay").asInt()).isEqualTo(7);
	}

	@Test
	void categoriesTiedAtTheLimitAreTakenByNameWithTheirBandsComplete() {
		Api tied = new Api(this.port,
				this.tenants.create("r-" + UUID.randomUUID().toString().substring(0, 8), null).apiKey());
		OrderBatches orders = OrderBatches.orders("T");
		for (String category : new String[] { "酸奶", "奶粉", "奶酪", "牛奶" }) {
			orders.item("d", START, 20, category, "search").item("d", START.plusDays(15), 20, category, "search");
		}
		assertThat(tied.postJson("/api/v1/orders:batch", orders.json()).json().get("rejected").asLong()).isZero();

		JsonNode cycles = tied.get("/api/v1/value/repurchase-cycles?by=category&limit=2").json();

		assertThat(cycles).hasSize(2);
		assertThat(cycles.get(0).get("key").asString()).isEqualTo("奶粉");
		assertThat(cycles.get(1).get("key").asString()).isEqualTo("奶酪");
		for (JsonNode cycle : cycles) {
			assertThat(cycle.get("bands")).hasSize(RepurchaseCycles.BANDS.length - 1);
		}
	}

	@Test
	void cohortsByChannelFollowRetentionRepurchaseAndGmv() {
		JsonNode cohorts = this.api.get("/api/v1/value/cohorts?by=channel&months=3").json();

		JsonNode live = cohorts.get(0);
		JsonNode search = cohorts.get(1);
		assertThat(live.get("cohort").asString()).isEqualTo("live");
		assertThat(live.get("persons").asLong()).isEqualTo(1);
		assertThat(live.get("months").get(0).get("repurchaseRate").asDouble()).isEqualTo(1.0);
		assertThat(search.get("persons").asLong()).isEqualTo(2);
		assertThat(search.get("months").get(0).get("retention").asDouble()).isEqualTo(1.0);
		assertThat(search.get("months").get(0).get("repurchaseRate").asDouble()).isEqualTo(0.5);
		assertThat(search.get("months").get(0).get("gmv").asDouble()).isEqualTo(210.0);
	}

	@Test
	void repurchaseRatesOfThousandsOfBuyersCountEachBuyersNextPurchase() {
		Api many = new Api(this.port,
				this.tenants.create("r-" + UUID.randomUUID().toString().substring(0, 8), null).apiKey());
		OrderBatches orders = OrderBatches.orders("R");
		for (int buyer = 0; buyer < 3000; buyer++) {
			int gap = switch (buyer % 3) {
				case 0 -> 20;
				case 1 -> 80;
				default -> 200;
			};
			orders.order("b" + buyer, START.plusDays(buyer % 100), 50)
				.order("b" + buyer, START.plusDays(buyer % 100 + gap), 50);
		}
		assertThat(many.postJson("/api/v1/orders:batch", orders.json()).json().get("rejected").asLong()).isZero();

		JsonNode rates = many.get("/api/v1/value/metrics?from=2024-01-01&to=2024-12-31")
			.json()
			.get("value")
			.get("repurchaseRate");

		assertThat(rates.get("30d").asDouble()).isCloseTo(1.0 / 3, within(1e-9));
		assertThat(rates.get("90d").asDouble()).isCloseTo(2.0 / 3, within(1e-9));
		assertThat(rates.get("365d").asDouble()).isEqualTo(1.0);
	}

	@Test
	void headlineMetricsOfARange() {
		JsonNode metrics = this.api.get("/api/v1/value/metrics?from=2024-01-01&to=2024-12-31").json();

		JsonNode value = metrics.get("value");
		assertThat(value.get("orders").asLong()).isEqualTo(6);
		assertThat(value.get("gmv").asDouble()).isEqualTo(300.0);
		assertThat(value.get("averageOrderValue").asDouble()).isEqualTo(50.0);
		assertThat(value.get("repurchaseRate").get("30d").asDouble()).isCloseTo(2.0 / 3, within(1e-9));
		assertThat(value.get("repurchaseRate").get("365d").asDouble()).isCloseTo(2.0 / 3, within(1e-9));
		assertThat(metrics.get("reach").get("persons").asLong()).isEqualTo(3);
		assertThat(metrics.get("reach").get("reachable").asLong()).isZero();
		assertThat(metrics.get("recommendation").get("shareOfNewCustomers").asDouble()).isZero();
		assertThat(metrics.get("gmvByPlatform").get(0).get("platform").asString()).isEqualTo("mall");
		assertThat(metrics.get("gmvByConnection").get(0).get("connected").asBoolean()).isFalse();
		assertThat(this.api.get("/api/v1/value/metrics?from=2024-02-01&to=2024-01-01").status()).isEqualTo(400);
	}

}
