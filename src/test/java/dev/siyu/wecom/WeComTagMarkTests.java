package dev.siyu.wecom;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.siyu.console.ConsoleClient;
import dev.siyu.shared.TenantId;
import dev.siyu.tenant.Role;
import dev.siyu.tenant.Users;
import dev.siyu.testing.Api;
import dev.siyu.testing.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Corp tag marks WeCom refuses, against the sandbox through WxJava: a busy WeCom is tried
 * again with pauses until it takes the mark; a final refusal is kept with WeCom's
 * errcode, shown in the API and the console, and queued again by an operator.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WeComTagMarkTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	ConnectedSandbox corp;

	@BeforeAll
	void corpWithFriends(@TempDir Path dir) {
		this.corp = ConnectedSandbox.start(this.context, this.port, dir, people -> people.seed(23, 3, 20, 1, List.of()),
				"T1", "tb_li", "13911115555");
	}

	@AfterAll
	void stopSandbox() {
		this.corp.stopWhenQuiet();
	}

	@Test
	void aMarkRefusedByWeComsFrequencyLimitIsTriedAgainUntilWeComTakesIt() {
		Map<String, Object> relation = relationWithout("etVip", 0);
		await().atMost(Duration.ofSeconds(60))
			.alias("no other mark takes WeCom's refusals")
			.until(() -> this.corp.api.get("/api/v1/wecom/tag-marks?status=queued").json().isEmpty()
					&& this.corp.api.get("/api/v1/wecom/tag-marks?status=retrying").json().isEmpty());
		this.corp.people.limitMarkTag(2);
		tag("VIP", relation, true);
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(
					() -> assertThat(this.corp.people.tagsOf(userid(relation), external(relation))).contains("etVip"));
		JsonNode mark = latestMark(relation);
		assertThat(mark.get("status").asString()).isEqualTo("done");
		assertThat(mark.get("attempts").asInt()).as("two refusals, then the mark").isEqualTo(3);
	}

	@Test
	void aMarkMadeWhileWeComIsOutOfReachWaitsAndGoesThroughOnceWeComAnswers() {
		Map<String, Object> relation = relationWithout("etVip", 3);
		String sandbox = this.corp.sandbox.baseUrl();
		connectTo("http://127.0.0.1:1");
		try {
			tag("VIP", relation, true);
			await().atMost(Duration.ofSeconds(60))
				.untilAsserted(() -> assertThat(latestMark(relation).get("status").asString()).isEqualTo("retrying"));
			JsonNode waiting = latestMark(relation);
			assertThat(waiting.get("errcode").isNull()).as("no answer, no errcode").isTrue();
			assertThat(waiting.get("error").asString()).startsWith("no answer from WeCom");
		}
		finally {
			connectTo(sandbox);
		}
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(
					() -> assertThat(this.corp.people.tagsOf(userid(relation), external(relation))).contains("etVip"));
		assertThat(latestMark(relation).get("status").asString()).isEqualTo("done");
	}

	@Test
	void aMarkOnACustomerWhoIsNoLongerAFriendFailsWithWeComsErrcodeAndAnOperatorRetriesItFromTheConsole() {
		Map<String, Object> relation = relationWithout("etVip", 1);
		this.corp.people.customerDeletesUnnoticed(userid(relation), external(relation));
		tag("VIP", relation, true);
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(latestMark(relation).get("status").asString()).isEqualTo("failed"));
		JsonNode failed = latestMark(relation);
		assertThat(failed.get("errcode").asInt()).isEqualTo(84061);
		assertThat(failed.get("error").asString()).contains("84061");
		assertThat(failed.get("attempts").asInt()).as("a final answer is not tried again").isEqualTo(1);
		JsonNode listed = this.corp.api.get("/api/v1/wecom/tag-marks?status=failed").json();
		assertThat(listed.findValuesAsString("status")).containsOnly("failed");
		assertThat(listed.findValues("id")).extracting(JsonNode::asLong).contains(failed.get("id").asLong());

		ConsoleClient operator = operator();
		String page = operator.get("/channels/wecom").body();
		assertThat(page).contains("id=\"mark-" + failed.get("id").asLong() + "\"", "企业标签同步失败", "84061")
			.doesNotContain(external(relation));
		this.corp.people.befriendAgainUnnoticed(userid(relation), external(relation));
		ConsoleClient.Page retried = operator.submit("/channels/wecom/tag-marks/retry",
				Map.of("id", Long.toString(failed.get("id").asLong())));
		assertThat(retried.status()).isEqualTo(302);
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(
					() -> assertThat(this.corp.people.tagsOf(userid(relation), external(relation))).contains("etVip"));
		assertThat(latestMark(relation).get("status").asString()).isEqualTo("done");
		assertThat(operator.get("/channels/wecom?lang=en").body()).contains("Failed corp tag marks")
			.doesNotContain("id=\"mark-" + failed.get("id").asLong() + "\"");
	}

	@Test
	void aFailedMarkOvertakenByALaterChangeIsNotRetried() {
		Map<String, Object> relation = relationWithout("etVip", 2);
		this.corp.people.customerDeletesUnnoticed(userid(relation), external(relation));
		tag("VIP", relation, true);
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(latestMark(relation).get("status").asString()).isEqualTo("failed"));
		long add = latestMark(relation).get("id").asLong();
		tag("VIP", relation, false);
		tag("VIP", relation, true);
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(latestMark(relation).get("id").asLong()).isGreaterThan(add));
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(latestMark(relation).get("status").asString()).isEqualTo("failed"));
		Api.Response retried = this.corp.api.postJson("/api/v1/wecom/tag-marks/retry", "{\"ids\": [" + add + "]}");
		assertThat(retried.status()).as(retried.body()).isEqualTo(200);
		assertThat(retried.json().get("retried").asInt()).isZero();
		assertThat(retried.json().get("superseded").asInt()).isEqualTo(1);
	}

	@Test
	void badTagMarkRequestsSayWhatIsWrong() {
		Api.Response status = this.corp.api.get("/api/v1/wecom/tag-marks?status=broken");
		assertThat(status.status()).isEqualTo(400);
		assertThat(status.body()).contains("queued, retrying, done, failed");
		Api.Response retry = this.corp.api.postJson("/api/v1/wecom/tag-marks/retry", "{\"ids\": [999999999]}");
		assertThat(retry.status()).isEqualTo(400);
		assertThat(retry.body()).contains("999999999", "only failed marks");
	}

	private void connectTo(String apiBase) {
		var settings = this.corp.sandbox.settings();
		Api.Response configured = this.corp.api.putJson("/api/v1/wecom/corp", """
				{"corpId": "%s", "token": "%s", "aesKey": "%s", "secret": "%s", "agentId": 1000002, "apiBase": "%s",
				 "callsPerMinute": 100000}""".formatted(settings.corpId(), settings.token(), settings.aesKey(),
				settings.secret(), apiBase));
		assertThat(configured.status()).as(configured.body()).isEqualTo(200);
	}

	private ConsoleClient operator() {
		String name = "operator-" + UUID.randomUUID().toString().substring(0, 8);
		Users users = this.context.getBean(Users.class);
		users.create(name, "operator", "console-test-1");
		users.grant(name, new TenantId(this.corp.tenantId), Role.OPERATOR);
		ConsoleClient client = new ConsoleClient(this.port);
		assertThat(client.login(name, "console-test-1")).endsWith("/");
		return client;
	}

	private void tag(String name, Map<String, Object> relation, boolean on) {
		long tag = -1;
		for (JsonNode one : this.corp.api.get("/api/v1/tags").json()) {
			if (one.get("name").asString().equals(name)) {
				tag = one.get("id").asLong();
			}
		}
		Api.Response response = this.corp.api.postJson("/api/v1/tags/" + tag + "/persons" + (on ? "" : ":remove"),
				"{\"personIds\": [" + relation.get("person") + "]}");
		assertThat(response.status()).as(response.body()).isEqualTo(200);
	}

	private JsonNode latestMark(Map<String, Object> relation) {
		for (JsonNode mark : this.corp.api.get("/api/v1/wecom/tag-marks?limit=1000").json()) {
			if (mark.get("externalUserId").asString().equals(external(relation))
					&& mark.get("userId").asString().equals(userid(relation))) {
				return mark;
			}
		}
		throw new AssertionError("no mark on " + relation);
	}

	/**
	 * A seeded relation without the tag whose person has no other relation, a different
	 * one per test.
	 */
	private Map<String, Object> relationWithout(String tagId, int offset) {
		return this.jdbc
			.sql("""
					select f.userid, f.external_userid, a.person_id from wecom_follow f
					join account a on a.tenant_id = f.tenant_id and a.platform = 'wecom' and a.account_key = f.external_userid
					where f.tenant_id = ? and not ? = any(f.tag_ids) and f.deleted_at is null
					  and f.external_userid like 'wmSeed%'
					  and (select count(*) from wecom_follow o where o.tenant_id = f.tenant_id
					       and o.external_userid = f.external_userid and o.deleted_at is null) = 1
					order by f.external_userid offset ? limit 1""")
			.params(this.corp.tenantId, tagId, offset)
			.query((rs, n) -> Map.<String, Object>of("userid", rs.getString(1), "external", rs.getString(2), "person",
					rs.getLong(3)))
			.single();
	}

	private static String userid(Map<String, Object> relation) {
		return (String) relation.get("userid");
	}

	private static String external(Map<String, Object> relation) {
		return (String) relation.get("external");
	}

}
