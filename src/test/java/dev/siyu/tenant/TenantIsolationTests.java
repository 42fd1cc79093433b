package dev.siyu.tenant;

import java.util.UUID;

import dev.siyu.testing.Api;
import dev.siyu.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** A tenant's API key reaches that tenant's data and nothing else. */
@IntegrationTest
class TenantIsolationTests {

	@LocalServerPort
	int port;

	@Autowired
	Tenants tenants;

	@Test
	void aTenantCannotReadOrChangeAnotherTenantsDataThroughTheApi() {
		Api a = new Api(this.port, this.tenants.create(name(), null).apiKey());
		Api b = new Api(this.port, this.tenants.create(name(), null).apiKey());
		String batch = """
				{"platform": "mall", "orders": [{"order_id": "SAME-1", "buyer_id": "u1",
				 "created_at": "2024-06-01 10:00:00", "amount": 10, "status": "completed"}]}""";
		a.postJson("/api/v1/orders:batch", batch);
		long jobOfA = a.get("/api/v1/imports").json().get(0).get("id").asLong();

		assertThat(b.get("/api/v1/stats").json().get("orders").asLong()).isZero();
		assertThat(b.get("/api/v1/imports/" + jobOfA).status()).isEqualTo(404);
		assertThat(b.get("/api/v1/imports").json().size()).isZero();

		b.postJson("/api/v1/orders:batch", batch.replace("\"amount\": 10", "\"amount\": 99"));

		assertThat(a.get("/api/v1/stats").json().get("gmv").asString()).isEqualTo("10.00");
		assertThat(b.get("/api/v1/stats").json().get("gmv").asString()).isEqualTo("99.00");
	}

	@Test
	void aRequestWithoutAKnownKeyIsTurnedAway() {
		assertThat(new Api(this.port, null).get("/api/v1/stats").status()).isEqualTo(401);
		assertThat(new Api(this.port, "sy_not-a-key").get("/api/v1/stats").status()).isEqualTo(401);
	}

	@Test
	void theOpenApiDocumentIsPublic() {
		Api.Response document = new Api(this.port, null).get("/api/v1/openapi");
		assertThat(document.status()).isEqualTo(200);
		assertThat(document.body()).contains("/api/v1/orders:batch");
	}

	private static String name() {
		return "t-" + UUID.randomUUID().toString().substring(0, 8);
	}

}
