package dev.siyu.ingest;

import java.nio.file.Files;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import dev.siyu.storage.DataDirectory;
import dev.siyu.tenant.Tenants;
import dev.siyu.testing.Api;
import dev.siyu.testing.IntegrationTest;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class OrdersApiTests {

	@LocalServerPort
	int port;

	@Autowired
	Tenants tenants;

	@Autowired
	DataDirectory dataDirectory;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path dir;

	Api api;

	long tenant;

	@BeforeEach
	void newTenant() {
		var created = this.tenants.create("t-" + UUID.randomUUID().toString().substring(0, 8), null);
		this.tenant = created.tenant().id().value();
		this.api = new Api(this.port, created.apiKey());
	}

	@Test
	void anUploadedExportBecomesAJobWhoseProgressCountsAndErrorsCanBeFollowed() {
		Path export = ExportFixture.taobaoOrders()
			.order("1")
			.set("买家会员名", "a")
			.order("2")
			.set("买家会员名", "b")
			.set("买家实际支付金额", "n/a")
			.writeTo(this.dir);

		Api.Response accepted = this.api.upload("/api/v1/imports", Map.of("source", "taobao"), export);

		assertThat(accepted.status()).isEqualTo(202);
		long id = accepted.json().get("id").asLong();
		JsonNode job = waitUntilFinished(id);
		assertThat(job.get("status").asString()).isEqualTo("succeeded");
		assertThat(job.get("progress").asDouble()).isEqualTo(1.0);
		assertThat(job.get("rows").asLong()).isEqualTo(2);
		assertThat(job.get("imported").asLong()).isEqualTo(1);
		assertThat(job.get("rejected").asLong()).isEqualTo(1);
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(listUploads()).as("uploaded exports are deleted once imported").isEmpty());
		Api.Response errors = this.api.get(job.get("errors").asString());
		assertThat(errors.status()).isEqualTo(200);
		assertThat(errors.body()).contains("ExportOrderList202401.csv,3,买家实际支付金额,n/a");
	}

	@Test
	void anUploadThatIsNotAnExportIsRefusedAtOnce() throws Exception {
		Path notes = this.dir.resolve("notes.csv");
		Files.writeString(notes, "a,b\n1,2\n");

		Api.Response refused = this.api.upload("/api/v1/imports", Map.of("source", "jd"), notes);

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("error").asString()).contains("not a JD export");
	}

	@Test
	void aBatchOfOrdersAnswersForEachOrder() {
		String batch = """
				{"platform": "mall", "orders": [
				  {"order_id": "M1", "buyer_id": "u1", "created_at": "2024-06-01 10:00:00", "status": "completed",
				   "amount": 120.5, "identifiers": {"unionid": "o6_abc", "phone": "13512345678"},
				   "receiver": {"name": "周杰", "phone": "13512345678", "address": "广东省 深圳市 南山区 科技园1号"},
				   "items": [{"sku": "MILK-950", "title": "鲜牛奶", "quantity": 2, "unit_price": 30},
				             {"sku": "YOG-12", "title": "酸奶", "quantity": 1, "unit_price": 60.5}]},
				  {"order_id": "M2", "buyer_id": "u2", "created_at": "yesterday", "amount": 10},
				  {"order_id": "M3", "buyer_id": "u1", "paid_at": "2024-06-02", "amount": "¥88.00"}
				]}""";

		Api.Response first = this.api.postJson("/api/v1/orders:batch", batch);
		Api.Response second = this.api.postJson("/api/v1/orders:batch", batch);

		assertThat(first.status()).isEqualTo(200);
		JsonNode results = first.json().get("results");
		assertThat(results.get(0).get("result").asString()).isEqualTo("imported");
		assertThat(results.get(1).get("result").asString()).isEqualTo("rejected");
		assertThat(results.get(1).get("errors").get(0).get("field").asString()).isEqualTo("created_at");
		assertThat(results.get(2).get("result").asString()).isEqualTo("imported");
		assertThat(second.json().get("unchanged").asLong()).isEqualTo(2);
		JsonNode stats = this.api.get("/api/v1/stats").json();
		assertThat(stats.get("orders").asLong()).isEqualTo(2);
		assertThat(stats.get("orderItems").asLong()).isEqualTo(3);
		assertThat(stats.get("persons").asLong()).isEqualTo(1);
		assertThat(stats.get("gmv").asString()).isEqualTo("208.50");
	}

	@Test
	void timesWithAnOffsetAreTakenAsGivenAndTimesWithoutOneInChinaTime() {
		String batch = """
				{"platform": "mall", "orders": [
				  {"order_id": "Z1", "buyer_id": "u1", "created_at": "2024-06-01T02:00:00Z", "amount": 1},
				  {"order_id": "Z2", "buyer_id": "u1", "created_at": "2024-06-01T10:00:00+08:00", "amount": 1},
				  {"order_id": "Z3", "buyer_id": "u1", "created_at": "2024-06-01 10:00:00", "amount": 1},
				  {"order_id": "Z4", "buyer_id": "u1", "created_at": "2024-06-01T10:00:00+8", "amount": 1}
				]}""";

		JsonNode results = this.api.postJson("/api/v1/orders:batch", batch).json().get("results");

		assertThat(results.get(3).get("result").asString()).isEqualTo("rejected");
		assertThat(this.jdbc.sql("""
				select count(distinct created_at) || ' ' || min(created_at at time zone 'UTC') from orders
				where tenant_id = ? and order_no in ('Z1', 'Z2', 'Z3')""")
			.param(this.tenant)
			.query(String.class)
			.single()).isEqualTo("1 2024-06-01 02:00:00");
	}

	@Test
	void aBatchOverTheLimitIsRefusedWhole() {
		StringBuilder orders = new StringBuilder();
		for (int i = 0; i <= OrderBatch.MAX_ORDERS; i++) {
			orders.append(i > 0 ? "," : "").append("{\"order_id\":\"").append(i).append("\"}");
		}
		Api.Response refused = this.api.postJson("/api/v1/orders:batch",
				"{\"platform\":\"mall\",\"orders\":[" + orders + "]}");

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("error").asString()).contains("at most 10000");
	}

	private List<Path> listUploads() throws IOException {
		try (Stream<Path> files = Files.list(this.dataDirectory.folder("uploads"))) {
			return files.toList();
		}
	}

	private JsonNode waitUntilFinished(long id) {
		return Awaitility.await()
			.atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> this.api.get("/api/v1/imports/" + id).json(),
					job -> !job.get("status").asString().equals("running"));
	}

}
