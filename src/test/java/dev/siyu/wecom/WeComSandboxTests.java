package dev.siyu.wecom;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dev.siyu.sandbox.SandboxActivity;
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
 * siyu against the local WeCom sandbox, through WxJava and signed callbacks: the same
 * path as a real corp. A buyer known from a Tmall order is in the corp as a friend whose
 * remark holds the buyer's mobile.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WeComSandboxTests {

	static final String BUYER_MOBILE = "13911112222";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Handover handover;

	@Autowired
	LogUpkeep upkeep;

	@Autowired
	ApplicationContext context;

	ConnectedSandbox corp;

	@BeforeAll
	void corpWithABuyerAmongItsFriends(@TempDir Path dir) {
		this.corp = ConnectedSandbox.start(this.context, this.port, dir,
				people -> people.seed(7, 3, 20, 2, List.of(BUYER_MOBILE)), "P1", "tb_li", BUYER_MOBILE);
	}

	@AfterAll
	void stopSandboxOnceNothingIsLeftToRead() {
		this.corp.stopWhenQuiet();
	}

	@Test
	void fullSyncReadsStaffContactsTagsAndGroupsWithOneCachedToken() {
		assertThat(this.corp.synced.get("staff").asInt()).isEqualTo(3);
		assertThat(this.corp.synced.get("contacts").asInt()).isEqualTo(20);
		assertThat(this.corp.synced.get("corpTags").asInt()).isEqualTo(4);
		assertThat(this.corp.synced.get("groups").asInt()).isEqualTo(2);
		assertThat(this.corp.sandbox.tokenCalls()).isEqualTo(1);
		assertThat(this.jdbc.sql("""
				select count(*) from wecom_contact
				where tenant_id = ? and name_enc is not null and external_userid like 'wmSeed%'""")
			.param(this.corp.tenantId)
			.query(Long.class)
			.single()).isEqualTo(20);
	}

	@Test
	void friendWithTheBuyersMobileInTheRemarkIsTheBuyersPerson() {
		Long buyer = person("taobao", "tb_li");
		String friend = this.jdbc.sql("""
					select a.account_key from account a
				where a.tenant_id = ? and a.platform = 'wecom' and a.person_id = ? and a.account_key like 'wmSeed%'""")
			.params(this.corp.tenantId, buyer)
			.query(String.class)
			.single();
		assertThat(friend).startsWith("wmSeed");
		assertThat(this.jdbc.sql("select wecom_friend from person_reach where person_id = ?")
			.param(buyer)
			.query(Boolean.class)
			.single()).isTrue();
	}

	@Test
	void newFriendThroughAPackageInsertCodeIsWelcomedAndClaimsTheCardOfTheOrder() {
		Api.Response code = this.corp.api.postJson("/api/v1/wecom/channel-codes", """
				{"state": "pi-2026-06", "kind": "package_insert", "name": "June inserts", "userIds": ["guide01"],
				 "welcomeTemplate": "你好{nickname}，我是{staff}。赠品：{gift}", "giftLink": "https://gift.example/c1"}""");
		assertThat(code.status()).as(code.body()).isEqualTo(200);
		assertThat(code.json().get("configId").asString()).startsWith("cfg");

		SandboxActivity.Added added = this.corp.people.addFriend("guide01", "pi-2026-06", null);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.corp.sandbox.welcomeTexts()).containsKey(added.welcomeCode()));
		assertThat(this.corp.sandbox.welcomeTexts().get(added.welcomeCode())).contains("我是导购")
			.endsWith("https://gift.example/c1");
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			JsonNode codes = this.corp.api.get("/api/v1/wecom/channel-codes").json();
			assertThat(codes.get(0).get("adds").asInt()).isEqualTo(1);
			assertThat(codes.get(0).get("scans").asInt()).isEqualTo(1);
		});
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(
					() -> assertThat(this.corp.api.get("/api/v1/wecom/welcomes").json().get(0).get("status").asString())
						.isEqualTo("sent"));

		Api.Response cards = this.corp.api.postJson("/api/v1/wecom/channel-codes/pi-2026-06/cards",
				"{\"orderNos\": [\"P1\"]}");
		assertThat(cards.status()).as(cards.body()).isEqualTo(200);
		String card = cards.json().get(0).get("code").asString();
		await().atMost(Duration.ofSeconds(10)).until(() -> person("wecom", added.externalUserId()) != null);
		Api.Response claimed = this.corp.api.postJson("/api/v1/wecom/cards/" + card + "/claim",
				"{\"externalUserId\": \"" + added.externalUserId() + "\"}");
		assertThat(claimed.status()).as(claimed.body()).isEqualTo(200);
		assertThat(person("wecom", added.externalUserId())).isEqualTo(person("taobao", "tb_li"));
		assertThat(this.corp.api.postJson("/api/v1/wecom/cards/" + card + "/claim", "{\"externalUserId\": \"wmOther\"}")
			.body()).contains("claimed by another customer");
	}

	@Test
	void optOutMarksThePersonAndIsReportedInReach() {
		String friend = this.jdbc.sql("""
				select external_userid from wecom_contact where tenant_id = ? order by external_userid limit 1""")
			.param(this.corp.tenantId)
			.query(String.class)
			.single();
		assertThat(this.corp.api.postJson("/api/v1/wecom/contacts/" + friend + "/opt-out", "").status()).isEqualTo(200);
		assertThat(this.jdbc.sql("select marketing_opt_out from person_reach where person_id = ?")
			.param(person("wecom", friend))
			.query(Boolean.class)
			.single()).isTrue();
		assertThat(this.corp.api.postJson("/api/v1/wecom/contacts/wmNobody/opt-out", "").status()).isEqualTo(400);
	}

	@Test
	void handoverTracksEachCustomerAndRefusalsFromCallbacks() {
		Api.Response handover = this.corp.api.postJson("/api/v1/wecom/handover", """
				{"from": "guide03", "to": "guide02", "resigned": true}""");
		assertThat(handover.status()).as(handover.body()).isEqualTo(200);
		int requested = handover.json().get("requested").asInt();
		assertThat(requested).isPositive();
		assertThat(this.corp.api.get("/api/v1/wecom/handover").json().size()).isEqualTo(requested);
		assertThat(this.corp.api.postJson("/api/v1/wecom/handover", "{\"from\": \"guide01\", \"to\": \"guide01\"}")
			.status()).isEqualTo(400);
	}

	@Test
	void groupJoinsAndQuitsAreHistoryAndActivity() {
		String chat = this.corp.people.groups().get(0);
		SandboxActivity.Added added = this.corp.people.addFriend("guide02", null, null);
		this.corp.people.joinGroup(chat, added.externalUserId());
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			JsonNode group = group(chat);
			assertThat(group.get("joins").asInt()).isGreaterThanOrEqualTo(1);
		});
		assertThat(this.corp.api.putJson("/api/v1/wecom/groups/" + chat + "/target", "{\"members\": 500}").status())
			.isEqualTo(200);
		JsonNode group = group(chat);
		assertThat(group.get("memberTarget").asInt()).isEqualTo(500);
		assertThat(group.get("toTarget").asInt()).isEqualTo(500 - group.get("members").asInt());
	}

	@Test
	void assignmentKeepsTheExistingGuideThenTriesTheStoreThenTakesTurns() {
		assertThat(this.corp.api.putJson("/api/v1/wecom/staff/guide01/store", "{\"store\": \"hz01\"}").status())
			.isEqualTo(200);
		Api.Response rules = this.corp.api.putJson("/api/v1/wecom/assignment-rules", """
				[{"priority": 1, "kind": "existing"}, {"priority": 2, "kind": "store"},
				 {"priority": 3, "kind": "round_robin", "userIds": ["guide02", "guide03"]}]""");
		assertThat(rules.status()).as(rules.body()).isEqualTo(200);
		String friend = this.jdbc.sql("""
				select external_userid || ' ' || userid from wecom_follow
				where tenant_id = ? and deleted_at is null and external_userid like 'wmSeed%' order by 1 limit 1""")
			.param(this.corp.tenantId)
			.query(String.class)
			.single();
		JsonNode existing = this.corp.api
			.postJson("/api/v1/wecom/assign",
					"{\"externalUserId\": \"" + friend.split(" ")[0] + "\", \"store\": \"hz01\"}")
			.json();
		assertThat(existing.get("userId").asString()).isEqualTo(friend.split(" ")[1]);
		assertThat(existing.get("rule").asString()).isEqualTo("existing");
		assertThat(
				this.corp.api.postJson("/api/v1/wecom/assign", "{\"store\": \"hz01\"}").json().get("userId").asString())
			.isEqualTo("guide01");
		assertThat(List.of(this.corp.api.postJson("/api/v1/wecom/assign", "{}").json().get("userId").asString(),
				this.corp.api.postJson("/api/v1/wecom/assign", "{}").json().get("userId").asString()))
			.containsExactly("guide02", "guide03");
	}

	private JsonNode group(String chat) {
		for (JsonNode group : this.corp.api.get("/api/v1/wecom/groups?days=7").json()) {
			if (group.get("chatId").asString().equals(chat)) {
				return group;
			}
		}
		throw new AssertionError("no group " + chat);
	}

	@Test
	void corpTagsAreWeComTagsOfTheCatalogAndARenameInWeComIsPulled() {
		assertThat(catalogTag("VIP")).as("pulled by the full sync").isNotNull();
		assertThat(catalogTag("VIP").get("kind").asString()).isEqualToIgnoringCase("wecom");
		this.corp.people.renameCorpTag("etStore", "门店会员");
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(catalogTag("门店会员")).isNotNull());
		assertThat(catalogTag("门店")).isNull();
	}

	@Test
	void aWeComTagMadeRenamedAndDeletedInSiyuIsPushedToWeCom() {
		Api.Response created = this.corp.api.postJson("/api/v1/tags", """
				{"name": "复购客户", "kind": "wecom", "group": "客户等级"}""");
		assertThat(created.status()).as(created.body()).isEqualTo(200);
		assertThat(this.corp.people.corpTags()).containsValue("复购客户");
		long id = created.json().get("id").asLong();
		assertThat(this.corp.api.putJson("/api/v1/tags/" + id, "{\"name\": \"复购两次\"}").status()).isEqualTo(200);
		assertThat(this.corp.people.corpTags()).containsValue("复购两次").doesNotContainValue("复购客户");
		assertThat(this.corp.api.delete("/api/v1/tags/" + id).status()).isEqualTo(200);
		assertThat(this.corp.people.corpTags()).doesNotContainValue("复购两次");
		Api.Response manual = this.corp.api.postJson("/api/v1/tags", "{\"name\": \"只在思域\"}");
		assertThat(manual.status()).isEqualTo(200);
		assertThat(this.corp.people.corpTags()).as("a manual tag stays in siyu").doesNotContainValue("只在思域");
	}

	@Test
	void waitingHandoversAreSettledByPollingTransferResults() {
		SandboxActivity.Added friend = this.corp.people.addFriend("guide02", null, null);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.jdbc.sql("select count(*) from wecom_follow where tenant_id = ? and external_userid = ?")
				.params(this.corp.tenantId, friend.externalUserId())
				.query(Long.class)
				.single() == 1);
		Api.Response moved = this.corp.api.postJson("/api/v1/wecom/handover", """
				{"from": "guide02", "to": "guide01", "externalUserIds": ["%s"]}""".formatted(friend.externalUserId()));
		assertThat(moved.status()).as(moved.body()).isEqualTo(200);
		assertThat(transferStatus(friend.externalUserId())).isEqualTo("waiting");
		this.handover.pollResults(new dev.siyu.shared.TenantId(this.corp.tenantId));
		assertThat(transferStatus(friend.externalUserId())).isIn("success", "refused");
	}

	@Test
	void processedEventsOlderThanTheRetentionArePruned() {
		for (String key : List.of("old-done", "old-pending", "old-failed", "new-done")) {
			this.jdbc.sql("""
					insert into wecom_event (tenant_id, dedup_key, payload, received_at, processed_at, error)
					values (?, ?, '<xml/>', now() - interval '40 days',
					        case when ? in ('old-done', 'old-failed') then now() - interval '40 days'
					             when ? = 'new-done' then now() end,
					        case when ? = 'old-failed' then 'boom' end)""")
				.params(this.corp.tenantId, "prune-" + key, key, key, key)
				.update();
		}
		assertThat(this.upkeep.prune(Duration.ofDays(30))).isGreaterThanOrEqualTo(1);
		assertThat(this.jdbc.sql("select dedup_key from wecom_event where tenant_id = ? and dedup_key like 'prune-%'")
			.param(this.corp.tenantId)
			.query(String.class)
			.list()).containsExactlyInAnyOrder("prune-old-pending", "prune-old-failed", "prune-new-done");
		this.jdbc
			.sql("update wecom_event set processed_at = now() where tenant_id = ? and dedup_key = 'prune-old-pending'")
			.param(this.corp.tenantId)
			.update();
	}

	private JsonNode catalogTag(String name) {
		for (JsonNode tag : this.corp.api.get("/api/v1/tags").json()) {
			if (tag.get("name").asString().equals(name)) {
				return tag;
			}
		}
		return null;
	}

	private String transferStatus(String target) {
		return this.jdbc
			.sql("select status from wecom_transfer where tenant_id = ? and target = ? order by id desc limit 1")
			.params(this.corp.tenantId, target)
			.query(String.class)
			.single();
	}

	private Long person(String platform, String accountKey) {
		return this.jdbc.sql("select person_id from account where tenant_id = ? and platform = ? and account_key = ?")
			.params(this.corp.tenantId, platform, accountKey)
			.query(Long.class)
			.optional()
			.orElse(null);
	}

}
