package dev.siyu.identity;

import java.time.Duration;
import java.util.UUID;

import dev.siyu.ingest.Imports;
import dev.siyu.shared.TenantId;
import dev.siyu.tenant.Tenants;
import dev.siyu.testing.Api;
import dev.siyu.testing.IntegrationTest;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Probabilistic matching runs by itself after an import when the tenant switched it on:
 * the persons the import touched are matched against their candidates.
 */
@IntegrationTest
class MatchingAfterImportTests {

	@Autowired
	Imports imports;

	@Autowired
	Tenants tenants;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	TenantId tenant;

	Api api;

	@BeforeEach
	void newTenant() {
		var created = this.tenants.create("am-" + UUID.randomUUID().toString().substring(0, 8), null);
		this.tenant = created.tenant().id();
		this.api = new Api(this.port, created.apiKey());
	}

	@Test
	void anImportedBuyerIsLinkedToHisAccountOnAnotherPlatformWithoutAskingWhenTheTenantSwitchedItOn() {
		var switched = this.api.putJson("/api/v1/identity/settings", "{\"autoMatch\":true}");
		assertThat(switched.status()).as(switched.body()).isEqualTo(200);
		assertThat(switched.json().get("autoMatch").asBoolean()).isTrue();
		Buyers buyers = new Buyers(this.imports, this.tenant).crowd(300, 5);
		buyers.buyer("mall", "m-dai", "林黛玉", "13912340001", "江苏省苏州市姑苏区平江路88号3栋", null);

		buyers.buyer("douyin", "d-dai", "林黛玉", "139****0001", "江苏省 苏州市 姑苏区 平江路88号3栋", null);

		Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> personOf("d-dai") == personOf("m-dai"));
		Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> pending() == 0);
		String rule = this.jdbc
			.sql("select rule from identity_link where account_id = (select id from account where tenant_id = ? "
					+ "and account_key = 'd-dai') and ended_at is null")
			.param(this.tenant.value())
			.query(String.class)
			.single();
		assertThat(rule).isEqualTo("probabilistic");
	}

	@Test
	void withTheSwitchOffImportsLeaveMatchingToTheCaller() {
		assertThat(this.api.get("/api/v1/identity/settings").json().get("autoMatch").asBoolean()).isFalse();
		Buyers buyers = new Buyers(this.imports, this.tenant).crowd(50, 6);

		buyers.buyer("mall", "m-bao", "薛宝钗", "13600003333", "浙江省杭州市西湖区北山街2号", null)
			.buyer("douyin", "d-bao", "薛宝钗", "136****3333", "浙江省杭州市西湖区北山街2号", null);

		assertThat(pending()).isZero();
		assertThat(personOf("d-bao")).isNotEqualTo(personOf("m-bao"));
		assertThat(this.api.putJson("/api/v1/identity/settings", "{\"autoMatch\":\"yes\"}").status()).isEqualTo(400);
	}

	private long pending() {
		return this.jdbc.sql("select count(*) from identity_match_pending where tenant_id = ?")
			.param(this.tenant.value())
			.query(Long.class)
			.single();
	}

	private long personOf(String accountKey) {
		return this.jdbc.sql("select person_id from account where tenant_id = ? and account_key = ?")
			.params(this.tenant.value(), accountKey)
			.query(Long.class)
			.single();
	}

}
