package dev.siyu.identity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.UUID;

import javax.sql.DataSource;

import dev.siyu.ingest.Imports;
import dev.siyu.shared.TenantId;
import dev.siyu.tenant.Tenants;
import dev.siyu.testing.Api;
import dev.siyu.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Probabilistic matching over HTTP is a job: accepted at once, run in the background, one
 * per identity scope, finished with the same counts as a run in the foreground.
 */
@IntegrationTest
class MatchJobsApiTests {

	@Autowired
	Imports imports;

	@Autowired
	Tenants tenants;

	@Autowired
	ProbabilisticLinking linking;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	@Test
	void aMatchJobSucceedsWithTheSameCountsAsTheSynchronousRun() {
		TenantId foreground = tenantWithBuyers().tenant();
		Tenant background = tenantWithBuyers();

		ProbabilisticLinking.Summary expected = this.linking.run(foreground, "test");
		Api.Response accepted = background.api().postJson("/api/v1/identity/match", "");
		JsonNode job = MatchRuns.waitUntilFinished(background.api(), accepted.json().get("id").asLong());

		assertThat(accepted.status()).isEqualTo(202);
		assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("succeeded");
		assertThat(job.get("finishedAt").isNull()).isFalse();
		assertThat(expected.autoLinked()).as("the tenant has pairs to link").isPositive();
		assertThat(job.get("persons").asLong()).isEqualTo(expected.persons());
		assertThat(job.get("candidatePairs").asLong()).isEqualTo(expected.candidatePairs());
		assertThat(job.get("autoLinked").asLong()).isEqualTo(expected.autoLinked());
		assertThat(job.get("queuedForReview").asLong()).isEqualTo(expected.queuedForReview());
		assertThat(job.get("forbidden").asLong()).isEqualTo(expected.forbidden());
		assertThat(background.api().get("/api/v1/identity/match").json().get(0).get("id").asLong())
			.isEqualTo(job.get("id").asLong());
	}

	@Test
	void aSecondRequestWhileAMatchRunsGetsTheRunningJob() throws Exception {
		Tenant tenant = tenantWithBuyers();
		JsonNode first;
		JsonNode second;
		// holding the scope's matching lock keeps the job running until we let go
		try (Connection holder = this.dataSource.getConnection()) {
			holder.setAutoCommit(false);
			try (PreparedStatement lock = holder.prepareStatement("select pg_advisory_xact_lock(7301, ?::int)")) {
				lock.setInt(1, (int) tenant.tenant().value());
				lock.execute();
			}
			first = tenant.api().postJson("/api/v1/identity/match", "").json();
			second = tenant.api().postJson("/api/v1/identity/match?reviewProbability=0.5", "").json();
			assertThat(tenant.api()
				.get("/api/v1/identity/match/" + first.get("id").asLong())
				.json()
				.get("status")
				.asString()).isEqualTo("running");
			holder.commit();
		}

		assertThat(second.get("id").asLong()).isEqualTo(first.get("id").asLong());
		assertThat(second.get("status").asString()).isEqualTo("running");
		assertThat(MatchRuns.waitUntilFinished(tenant.api(), first.get("id").asLong()).get("status").asString())
			.isEqualTo("succeeded");
		assertThat(this.jdbc.sql("select count(*) from identity_match_job where tenant_id = ?")
			.param(tenant.tenant().value())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void thresholdsOutOfOrderAreRefusedAtOnceWithoutAJob() {
		Tenant tenant = tenantWithBuyers();

		Api.Response refused = tenant.api()
			.postJson("/api/v1/identity/match?autoLinkProbability=0.7&reviewProbability=0.9", "");

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("error").asString()).contains("0 < review <= autoLink < 1");
		assertThat(tenant.api().get("/api/v1/identity/match").json()).isEmpty();
	}

	@Test
	void anUnknownMatchJobIsNotFound() {
		Tenant tenant = tenantWithBuyers();

		assertThat(tenant.api().get("/api/v1/identity/match/999999999").status()).isEqualTo(404);
	}

	private Tenant tenantWithBuyers() {
		var created = this.tenants.create("mj-" + UUID.randomUUID().toString().substring(0, 8), null);
		TenantId id = created.tenant().id();
		new Buyers(this.imports, id).crowd(120, 5)
			.buyer("mall", "m-lin", "林黛玉", "13912340001", "江苏省苏州市姑苏区平江路88号3栋", null)
			.buyer("douyin", "d-lin", "林黛玉", "139****0001", "江苏省 苏州市 姑苏区 平江路88号3栋", null)
			.buyer("mall", "m-xue", "薛宝钗", "13600003333", "浙江省杭州市西湖区北山街2号", null)
			.buyer("douyin", "d-xue", "薛宝钗", "136****3333", "浙江省杭州市西湖区北山街2号", null);
		return new Tenant(id, new Api(this.port, created.apiKey()));
	}

	private record Tenant(TenantId tenant, Api api) {
	}

}
