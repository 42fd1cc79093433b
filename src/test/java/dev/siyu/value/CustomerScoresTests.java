package dev.siyu.value;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Random;
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

@IntegrationTest
class CustomerScoresTests {

	static final LocalDate START = LocalDate.of(2024, 1, 1);

	@LocalServerPort
	int port;

	@Autowired
	Tenants tenants;

	@Autowired
	CustomerScores scores;

	@Autowired
	JdbcClient jdbc;

	Api api;

	TenantId tenant;

	@BeforeEach
	void newTenant() {
		var created = this.tenants.create("v-" + UUID.randomUUID().toString().substring(0, 8), null);
		this.tenant = created.tenant().id();
		this.api = new Api(this.port, created.apiKey());
	}

	@Test
	void importedOrdersAreScoredWithoutBeingAsked() {
		post(OrderBatches.orders("A").order("loyal", START, 100).order("loyal", START.plusDays(20), 80));

		Awaitility.await()
			.atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(this.api.get("/api/v1/value/persons/" + personOf("loyal")).status())
				.isEqualTo(200));
		JsonNode score = this.api.get("/api/v1/value/persons/" + personOf("loyal")).json();
		assertThat(score.get("frequency").asInt()).isEqualTo(2);
		assertThat(score.get("monetary").asDouble()).isEqualTo(180.0);
		assertThat(score.get("lastPurchase").asString()).isEqualTo(START.plusDays(20).toString());
	}

	@Test
	void scoresRankBuyersIntoTheClassicRfmClassesAndFitLifetimeValue() {
		OrderBatches orders = buyers(60);
		post(orders);

		CustomerScores.Refresh refresh = this.scores.refresh(this.tenant, START.plusDays(200));

		assertThat(refresh.buyers()).isEqualTo(60);
		assertThat(refresh.fitted()).isTrue();
		JsonNode best = this.api.get("/api/v1/value/persons/" + personOf("b0")).json();
		JsonNode worst = this.api.get("/api/v1/value/persons/" + personOf("b59")).json();
		assertThat(best.get("rfmClass").asString()).isEqualTo("重要价值");
		assertThat(worst.get("rfmClass").asString()).isEqualTo("一般挽留");
		assertThat(best.get("clv").asDouble()).isGreaterThan(worst.get("clv").asDouble());
		assertThat(best.get("expectedPurchases").asDouble()).isGreaterThan(worst.get("expectedPurchases").asDouble());
		assertThat(best.get("nextPurchaseFrom").asString()).isNotNull();
		JsonNode rfm = this.api.get("/api/v1/value/rfm").json();
		long classified = 0;
		for (JsonNode count : rfm.get("classes")) {
			classified += count.asLong();
		}
		assertThat(classified).isEqualTo(60);
	}

	@Test
	void everyLifecycleTransitionIsRecordedWithTheDayItHappened() {
		post(OrderBatches.orders("L")
			.order("once", START, 50)
			.order("twice", START, 50)
			.order("twice", START.plusDays(10), 50));

		this.scores.refresh(this.tenant, START.plusDays(20));
		this.scores.refresh(this.tenant, START.plusDays(20));
		this.scores.refresh(this.tenant, START.plusDays(120));

		JsonNode once = this.api.get("/api/v1/value/persons/" + personOf("once")).json();
		assertThat(once.get("lifecycleStage").asString()).isEqualTo("silent");
		assertThat(once.get("lifecycleSince").asString()).isEqualTo(START.plusDays(91).toString());
		JsonNode moved = this.api
			.get("/api/v1/value/lifecycle/transitions?from=new&to=silent&since=2024-01-01&until=2024-12-31")
			.json();
		assertThat(moved.get("transitions")).hasSize(1);
		assertThat(moved.get("transitions").get(0).get("on").asString()).isEqualTo(START.plusDays(91).toString());
		JsonNode all = this.api.get("/api/v1/value/lifecycle/transitions?since=2024-01-01&until=2024-12-31").json();
		assertThat(all.get("transitions")).as("the repeated refresh on day 20 records nothing").hasSize(4);
		JsonNode stages = this.api.get("/api/v1/value/lifecycle").json();
		assertThat(stages.get("silent").asLong()).isEqualTo(2);
	}

	@Test
	void tenantThresholdsReplaceQuintiles() {
		post(OrderBatches.orders("T").order("small", START, 10).order("big", START, 1000));
		Api.Response saved = this.api.putJson("/api/v1/value/settings",
				"{\"monetaryBounds\": [50, 100, 500, 900], \"lifecycle\": {\"activeDays\": 60}}");
		assertThat(saved.status()).isEqualTo(200);

		this.scores.refresh(this.tenant, START.plusDays(10));

		assertThat(this.api.get("/api/v1/value/persons/" + personOf("big")).json().get("mScore").asInt()).isEqualTo(5);
		assertThat(this.api.get("/api/v1/value/persons/" + personOf("small")).json().get("mScore").asInt())
			.isEqualTo(1);
		Api.Response refused = this.api.putJson("/api/v1/value/settings", "{\"monetaryBounds\": [5, 1, 2, 3]}");
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("error").asString()).contains("four ascending cut points");
	}

	@Test
	void anotherTenantSeesNoneOfTheScores() {
		post(OrderBatches.orders("I").order("mine", START, 10));
		this.scores.refresh(this.tenant, START.plusDays(1));
		Api other = new Api(this.port,
				this.tenants.create("v-" + UUID.randomUUID().toString().substring(0, 8), null).apiKey());

		assertThat(other.get("/api/v1/value/persons/" + personOf("mine")).status()).isEqualTo(404);
	}

	/** Buyer b0 buys most often, most recently and most; b59 once, long ago, little. */
	private static OrderBatches buyers(int count) {
		OrderBatches orders = OrderBatches.orders("R");
		Random random = new Random(3);
		for (int b = 0; b < count; b++) {
			int purchases = Math.max(1, 8 - b / 6);
			int lastDay = 199 - b * 3;
			for (int k = 0; k < purchases; k++) {
				int day = Math.max(0, lastDay - k * (10 + random.nextInt(5)));
				orders.order("b" + b, START.plusDays(day), 200 - b * 3 + random.nextInt(10));
			}
		}
		return orders;
	}

	private void post(OrderBatches orders) {
		Api.Response response = this.api.postJson("/api/v1/orders:batch", orders.json());
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("rejected").asLong()).isZero();
		// the import's own recomputation runs after it, on today's date: let it finish
		// first
		long buyers = response.json().get("imported").asLong() > 0 ? distinctBuyers(orders) : 0;
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> this.jdbc.sql("select count(*) from person_score where tenant_id = ?")
				.param(this.tenant.value())
				.query(Long.class)
				.single() == buyers);
	}

	private static long distinctBuyers(OrderBatches orders) {
		return orders.buyers();
	}

	private long personOf(String buyer) {
		return this.jdbc
			.sql("select person_id from account where tenant_id = ? and platform = 'mall' and account_key = ?")
			.params(this.tenant.value(), buyer)
			.query(Long.class)
			.single();
	}

}
