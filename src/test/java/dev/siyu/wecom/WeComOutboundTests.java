package dev.siyu.wecom;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
 * Mass sends against the WeCom sandbox through WxJava: siyu's rules before the task, one
 * task per sender, results as the sandbox's staff confirm them.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WeComOutboundTests {

	static final String BUYER_MOBILE = "13911113333";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	ConnectedSandbox corp;

	@BeforeAll
	void corpWithFriends(@TempDir Path dir) {
		this.corp = ConnectedSandbox.start(this.context, this.port, dir, people -> {
			people.seed(11, 3, 30, 3, List.of(BUYER_MOBILE));
			people.confirmMassSendsAfter(Duration.ofMillis(300));
		}, "S1", "tb_wang", BUYER_MOBILE);
	}

	@AfterAll
	void stopSandbox() {
		this.corp.stopWhenQuiet();
	}

	@Test
	void aSendLeavesOutWhoWithdrewConsentAndWhoIsNoContactAndMakesOneTaskPerSender() {
		List<String> friends = friends(6, 0);
		assertThat(this.corp.api.postJson("/api/v1/wecom/contacts/" + friends.get(0) + "/opt-out", "").status())
			.isEqualTo(200);
		JsonNode send = send("consent-" + UUID.randomUUID(), "新品上市，会员专享", friends, "wmNobody");
		assertThat(send.get("asked").asInt()).isEqualTo(7);
		assertThat(send.get("recipients").asInt()).isEqualTo(5);
		assertThat(send.get("excluded").get("contact_opted_out").asInt()).isEqualTo(1);
		assertThat(send.get("excluded").get("not_a_contact").asInt()).isEqualTo(1);
		long senders = this.jdbc.sql("""
				select count(distinct userid) from wecom_follow
				where tenant_id = ? and external_userid = any(?) and deleted_at is null""")
			.params(this.corp.tenantId, friends.subList(1, 6).toArray(String[]::new))
			.query(Long.class)
			.single();
		assertThat(send.get("tasks").size()).isEqualTo((int) senders);
		send.get("tasks").forEach(task -> {
			assertThat(task.get("status").asString()).isEqualTo("created");
			assertThat(task.get("msgid").asString()).startsWith("msg");
		});
	}

	@Test
	void repeatingACreateWithTheSameRequestIdCreatesNothingTwice() {
		String request = "again-" + UUID.randomUUID();
		List<String> friends = friends(3, 10);
		JsonNode first = send(request, "双十一预告", friends);
		int tasks = this.corp.people.massTasks();
		JsonNode second = send(request, "双十一预告", friends);
		assertThat(second.get("id").asLong()).isEqualTo(first.get("id").asLong());
		assertThat(second.get("replayed").asBoolean()).isTrue();
		assertThat(this.corp.people.massTasks()).isEqualTo(tasks);
		Api.Response other = this.corp.api.postJson("/api/v1/wecom/mass-sends", body(request, "另一条消息", friends));
		assertThat(other.status()).isEqualTo(400);
		assertThat(other.body()).contains("was used for another send");
	}

	@Test
	void aReplayFinishesPlannedTasksAndRecoversACallThatReachedWeComWithoutRepeatingIt() {
		String request = "crash-" + UUID.randomUUID();
		List<String> friends = friends(8, 2);
		JsonNode send = send(request, "断点续发" + request, friends);
		long id = send.get("id").asLong();
		List<Map<String, Object>> tasks = this.jdbc
			.sql("select id, msgid from wecom_mass_task where send_id = ? order by id")
			.param(id)
			.query((rs, n) -> Map.<String, Object>of("id", rs.getLong(1), "msgid", rs.getString(2)))
			.list();
		assertThat(tasks).as("the seeded friends have several staff members").hasSizeGreaterThan(1);
		// as if the process died: one task before its call, one during it (WeCom made it)
		this.jdbc.sql("update wecom_mass_task set status = 'planned', msgid = null where id = ?")
			.param(tasks.get(0).get("id"))
			.update();
		this.jdbc.sql("update wecom_mass_task set status = 'calling', msgid = null where id = ?")
			.param(tasks.get(1).get("id"))
			.update();
		int before = this.corp.people.massTasks();
		JsonNode replayed = send(request, "断点续发" + request, friends);
		assertThat(replayed.get("replayed").asBoolean()).isTrue();
		assertThat(this.corp.people.massTasks()).as("only the task that never reached WeCom is made")
			.isEqualTo(before + 1);
		assertThat(this.jdbc.sql("select status from wecom_mass_task where id = ?")
			.param(tasks.get(0).get("id"))
			.query(String.class)
			.single()).isEqualTo("created");
		assertThat(
				this.jdbc.sql("select status || ' ' || coalesce(msgid, error, '-') from wecom_mass_task where id = ?")
					.param(tasks.get(1).get("id"))
					.query(String.class)
					.single())
			.isEqualTo("created " + tasks.get(1).get("msgid"));
	}

	@Test
	void resultsArriveWhenStaffConfirmAndTheMonthlyLimitInWeComIsReported() {
		List<String> friends = friends(8, 14);
		long atLimit = friends.stream().filter(friend -> this.corp.people.massMessagesThisMonth(friend) >= 4).count();
		JsonNode send = send("results-" + UUID.randomUUID(), "会员日提醒", friends);
		int recipients = send.get("recipients").asInt();
		long id = send.get("id").asLong();
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			this.corp.api.postJson("/api/v1/wecom/mass-sends/poll", "{}");
			JsonNode results = this.corp.api.get("/api/v1/wecom/mass-sends/" + id).json().get("results");
			assertThat(results.get("pending").asInt()).isZero();
		});
		JsonNode results = this.corp.api.get("/api/v1/wecom/mass-sends/" + id).json().get("results");
		assertThat(results.get("limit_reached").asLong()).isEqualTo(atLimit);
		assertThat(results.get("sent").asLong()).isEqualTo(recipients - atLimit);
		this.corp.api.get("/api/v1/wecom/mass-sends/" + id).json().get("tasks").forEach(task -> {
			assertThat(task.get("status").asString()).isEqualTo("sent");
			assertThat(task.get("confirmedAt").isNull()).isFalse();
		});
	}

	@Test
	void aCustomerWhoDeletesTheSenderBeforeTheConfirmationIsReportedAsNoFriend() {
		this.corp.people.confirmMassSendsAfter(Duration.ofSeconds(2));
		try {
			String friend = friends(1, 24).get(0);
			JsonNode send = send("deleted-" + UUID.randomUUID(), "活动邀请", List.of(friend));
			this.corp.people.customerDeletes(null, friend);
			long id = send.get("id").asLong();
			await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
				this.corp.api.postJson("/api/v1/wecom/mass-sends/poll", "{}");
				assertThat(this.corp.api.get("/api/v1/wecom/mass-sends/" + id)
					.json()
					.get("results")
					.get("not_friend")
					.asInt()).isEqualTo(1);
			});
		}
		finally {
			this.corp.people.confirmMassSendsAfter(Duration.ofMillis(300));
		}
	}

	@Test
	void siyusOwnSendsCountTowardsTheMonthlyCap() {
		String friend = this.corp.people.addFriend("guide02", null, null).externalUserId();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.jdbc.sql("select count(*) from wecom_follow where tenant_id = ? and external_userid = ?")
				.params(this.corp.tenantId, friend)
				.query(Long.class)
				.single() == 1);
		for (int i = 0; i < 4; i++) {
			assertThat(send("cap-" + i + "-" + UUID.randomUUID(), "第" + i + "条", List.of(friend)).get("recipients")
				.asInt()).isEqualTo(1);
		}
		JsonNode fifth = send("cap-5-" + UUID.randomUUID(), "第五条", List.of(friend));
		assertThat(fifth.get("recipients").asInt()).isZero();
		assertThat(fifth.get("excluded").get("monthly_cap").asInt()).isEqualTo(1);
		assertThat(fifth.get("tasks").size()).isZero();
	}

	@Test
	void aPersonWithTwoContactsReceivesOnceThroughTheNewestFriendshipAndIsCappedAcrossBoth() throws Exception {
		String mobile = "13922224444";
		String older = this.corp.people.addFriend("guide01", null, mobile).externalUserId();
		// WeCom dates a friendship in whole seconds: the second one must be newer
		Thread.sleep(1100);
		String newer = this.corp.people.addFriend("guide02", null, mobile).externalUserId();
		long person = await().atMost(Duration.ofSeconds(15))
			.until(() -> this.jdbc.sql("""
					select min(a.person_id) from account a where a.platform = 'wecom' and a.account_key = any(?)
					having count(distinct a.person_id) = 1 and count(*) = 2""")
				.param(new String[] { older, newer })
				.query(Long.class)
				.optional()
				.orElse(null), id -> id != null);
		Api.Response byPerson = this.corp.api.postJson("/api/v1/wecom/mass-sends", """
				{"requestId": "person-%s", "text": "会员专享", "personIds": [%d, %d]}""".formatted(UUID.randomUUID(),
				person, person));
		assertThat(byPerson.status()).as(byPerson.body()).isEqualTo(200);
		assertThat(byPerson.json().get("recipients").asInt()).isEqualTo(1);
		assertThat(recipientsOf(byPerson.json())).containsExactly(newer + "@guide02");
		JsonNode byContacts = send("contacts-" + UUID.randomUUID(), "会员专享二", List.of(older, newer));
		assertThat(byContacts.get("recipients").asInt()).isEqualTo(1);
		assertThat(byContacts.get("excluded").get("same_person").asInt()).isEqualTo(1);
		assertThat(recipientsOf(byContacts)).containsExactly(newer + "@guide02");
		for (int i = 3; i <= 4; i++) {
			assertThat(send("older-" + i + "-" + UUID.randomUUID(), "第" + i + "条", List.of(older)).get("recipients")
				.asInt()).isEqualTo(1);
		}
		JsonNode fifth = send("older-5-" + UUID.randomUUID(), "第五条", List.of(older));
		assertThat(fifth.get("excluded").get("monthly_cap").asInt())
			.as("four sends reached the person through either contact")
			.isEqualTo(1);
	}

	private List<String> recipientsOf(JsonNode send) {
		return this.jdbc
			.sql("""
					select r.target || '@' || t.sender from wecom_mass_recipient r join wecom_mass_task t on t.id = r.task_id
					where r.send_id = ? order by r.target""")
			.param(send.get("id").asLong())
			.query(String.class)
			.list();
	}

	@Test
	void anAudienceOfFriendsIsSentToThroughEachFriendsStaffMember() {
		Api.Response audience = this.corp.api.postJson("/api/v1/audiences",
				"{\"name\": \"friends " + UUID.randomUUID() + "\", \"expression\": \"wecom_friend\"}");
		assertThat(audience.status()).as(audience.body()).isEqualTo(200);
		Api.Response created = this.corp.api.postJson("/api/v1/wecom/mass-sends", """
				{"requestId": "aud-%s", "text": "老客回馈", "audienceId": %d}""".formatted(UUID.randomUUID(),
				audience.json().get("id").asLong()));
		assertThat(created.status()).as(created.body()).isEqualTo(200);
		JsonNode send = created.json();
		assertThat(send.get("asked").asInt()).isPositive();
		assertThat(send.get("recipients").asInt()
				+ send.get("excluded").properties().stream().mapToInt(e -> e.getValue().asInt()).sum())
			.isEqualTo(send.get("asked").asInt());
		Long buyer = this.jdbc.sql(
				"select person_id from account where tenant_id = ? and platform = 'taobao' and account_key = 'tb_wang'")
			.param(this.corp.tenantId)
			.query(Long.class)
			.single();
		assertThat(this.jdbc.sql("select count(*) from wecom_mass_recipient where send_id = ? and person_id = ?")
			.params(send.get("id").asLong(), buyer)
			.query(Long.class)
			.single()).as("the buyer is a friend through the mobile in the remark").isEqualTo(1);
	}

	@Test
	void aGroupSendGoesToTheGroupsOfTheOwner() {
		String chat = this.corp.people.groups().get(0);
		String owner = this.corp.people.ownerOf(chat);
		Api.Response created = this.corp.api.postJson("/api/v1/wecom/mass-sends", """
				{"requestId": "grp-%s", "chatType": "group", "text": "群公告：今晚直播", "senders": ["%s"]}"""
			.formatted(UUID.randomUUID(), owner));
		assertThat(created.status()).as(created.body()).isEqualTo(200);
		long id = created.json().get("id").asLong();
		assertThat(created.json().get("recipients").asInt()).isPositive();
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			this.corp.api.postJson("/api/v1/wecom/mass-sends/poll", "{}");
			JsonNode results = this.corp.api.get("/api/v1/wecom/mass-sends/" + id).json().get("results");
			assertThat(results.get("sent").asInt()).isEqualTo(created.json().get("recipients").asInt());
		});
	}

	@Test
	void aGroupSendByChatIdsLeavesOutUnknownGroupsAndReachesTheNamedOne() {
		String chat = this.corp.people.groups().get(1);
		Api.Response created = this.corp.api.postJson("/api/v1/wecom/mass-sends", """
				{"requestId": "chats-%s", "chatType": "group", "text": "群内福利", "chatIds": ["%s", "wrNoSuchGroup"]}"""
			.formatted(UUID.randomUUID(), chat));
		assertThat(created.status()).as(created.body()).isEqualTo(200);
		assertThat(created.json().get("recipients").asInt()).isEqualTo(1);
		assertThat(created.json().get("excluded").get("not_a_contact").asInt()).isEqualTo(1);
		long id = created.json().get("id").asLong();
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			this.corp.api.postJson("/api/v1/wecom/mass-sends/poll", "{}");
			assertThat(this.corp.api.get("/api/v1/wecom/mass-sends/" + id).json().get("results").get("sent").asInt())
				.isEqualTo(1);
		});
	}

	@Test
	void attachmentsReachWeComThroughWxJavaAndARepeatWithOtherAttachmentsIsRefused() {
		String image = this.corp.people.uploadImage();
		String cover = this.corp.people.uploadImage();
		String request = "attach-" + UUID.randomUUID();
		String body = """
				{"requestId": "%s", "text": "新品图集", "externalUserIds": ["%s"], "attachments": [
				  {"type": "image", "mediaId": "%s"},
				  {"type": "link", "title": "新品发布", "url": "https://shop.example.com/new", "desc": "限时八折"},
				  {"type": "miniprogram", "title": "领券", "appid": "%s", "page": "pages/coupon.html", "picMediaId": "%s"}]}"""
			.formatted(request, friends(1, 26).get(0), image, this.corp.people.miniprogramAppId(), cover);
		Api.Response created = this.corp.api.postJson("/api/v1/wecom/mass-sends", body);
		assertThat(created.status()).as(created.body()).isEqualTo(200);
		JsonNode task = created.json().get("tasks").get(0);
		assertThat(task.get("status").asString()).isEqualTo("created");
		JsonNode sent = tools.jackson.databind.json.JsonMapper.builder()
			.build()
			.readTree(this.corp.people.massTaskAttachments(task.get("msgid").asString()));
		assertThat(sent.findValuesAsString("msgtype")).containsExactly("image", "link", "miniprogram");
		assertThat(sent.get(0).get("image").get("media_id").asString()).isEqualTo(image);
		assertThat(sent.get(1).get("link").get("desc").asString()).isEqualTo("限时八折");
		assertThat(sent.get(2).get("miniprogram").get("pic_media_id").asString()).isEqualTo(cover);
		assertThat(created.json().get("attachments").findValuesAsString("type")).containsExactly("image", "link",
				"miniprogram");
		Api.Response other = this.corp.api.postJson("/api/v1/wecom/mass-sends", body.replace("限时八折", "限时七折"));
		assertThat(other.status()).isEqualTo(400);
		assertThat(other.body()).contains("was used for another send");
	}

	@Test
	void anImageWeComDoesNotKnowFailsTheTaskWithWeComsAnswer() {
		Api.Response created = this.corp.api.postJson("/api/v1/wecom/mass-sends",
				"""
						{"requestId": "media-%s", "externalUserIds": ["%s"], "attachments": [{"type": "image", "mediaId": "3expired"}]}"""
					.formatted(UUID.randomUUID(), friends(1, 27).get(0)));
		assertThat(created.status()).as(created.body()).isEqualTo(200);
		JsonNode task = created.json().get("tasks").get(0);
		assertThat(task.get("status").asString()).isEqualTo("failed");
		assertThat(task.get("error").asString()).contains("40007");
	}

	@Test
	void attachmentsAgainstWeComsRulesAreRefusedBeforeAnythingIsPlanned() {
		Api.Response page = this.corp.api.postJson("/api/v1/wecom/mass-sends", """
				{"requestId": "bad-%s", "externalUserIds": ["wm1"], "attachments": [
				  {"type": "link", "title": "t", "url": "https://x.cn"},
				  {"type": "miniprogram", "title": "t", "appid": "wx1", "page": "pages/a", "picMediaId": "m"}]}"""
			.formatted(UUID.randomUUID()));
		assertThat(page.status()).isEqualTo(400);
		assertThat(page.body()).contains("attachments[2].page must end with .html");
		Api.Response empty = this.corp.api.postJson("/api/v1/wecom/mass-sends",
				"{\"requestId\": \"empty\", \"externalUserIds\": [\"wm1\"], \"attachments\": []}");
		assertThat(empty.body()).contains("text or at least one attachment is required");
	}

	@Test
	void badRequestsSayWhatIsWrong() {
		assertThat(
				this.corp.api.postJson("/api/v1/wecom/mass-sends", "{\"text\": \"hi\", \"externalUserIds\": [\"wm1\"]}")
					.body())
			.contains("requestId");
		assertThat(
				this.corp.api.postJson("/api/v1/wecom/mass-sends", "{\"requestId\": \"x\", \"text\": \"hi\"}").body())
			.contains("exactly one of audienceId");
		assertThat(this.corp.api.get("/api/v1/wecom/mass-sends/999999999").status()).isEqualTo(404);
	}

	@Test
	void personsCarryTheSiyuTagOfTheCorpTagsOnTheirRelationsAfterTheSync() {
		long vip = catalogTag("VIP");
		long tagged = this.jdbc
			.sql("""
					select count(distinct a.person_id) from wecom_follow f
					join account a on a.tenant_id = f.tenant_id and a.platform = 'wecom' and a.account_key = f.external_userid
					where f.tenant_id = ? and 'etVip' = any(f.tag_ids) and f.deleted_at is null""")
			.param(this.corp.tenantId)
			.query(Long.class)
			.single();
		assertThat(tagged).isPositive();
		assertThat(
				this.jdbc.sql("select count(*) from person_tag where tag_id = ?").param(vip).query(Long.class).single())
			.isGreaterThanOrEqualTo(tagged);
	}

	@Test
	void aSiyuTagPutOnAFriendIsMarkedOnTheRelationInWeComAndTakenOffAgain() {
		long vip = catalogTag("VIP");
		Map<String, Object> relation = relationWithout("etVip", "desc");
		String userid = (String) relation.get("userid");
		String external = (String) relation.get("external");
		Api.Response added = this.corp.api.postJson("/api/v1/tags/" + vip + "/persons",
				"{\"personIds\": [" + relation.get("person") + "]}");
		assertThat(added.status()).as(added.body()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.corp.people.tagsOf(userid, external)).contains("etVip"));
		assertThat(this.corp.api
			.postJson("/api/v1/tags/" + vip + "/persons:remove", "{\"personIds\": [" + relation.get("person") + "]}")
			.status()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.corp.people.tagsOf(userid, external)).doesNotContain("etVip"));
		JsonNode marks = this.corp.api.get("/api/v1/wecom/tag-marks").json();
		assertThat(marks.findValuesAsString("status")).doesNotContain("failed");
	}

	@Test
	void aCorpTagStaffPutOnInTheClientBecomesTheSiyuTagOfThePerson() {
		long store = catalogTag("门店");
		Map<String, Object> relation = relationWithout("etStore", "asc");
		this.corp.people.staffTags((String) relation.get("userid"), (String) relation.get("external"), "etStore", true);
		await().atMost(Duration.ofSeconds(15))
			.until(() -> this.jdbc.sql("select count(*) from person_tag where tag_id = ? and person_id = ?")
				.params(store, relation.get("person"))
				.query(Long.class)
				.single() == 1);
		assertThat(this.jdbc.sql("select count(*) from wecom_tag_mark where tenant_id = ? and external_userid = ?")
			.params(this.corp.tenantId, relation.get("external"))
			.query(Long.class)
			.single()).as("a tag that came from WeCom is not marked back").isZero();
	}

	@Test
	void groupMessageCountsComeFromTheDailyStatisticsOfEachOwner() {
		Api.Response fetched = this.corp.api.postJson("/api/v1/wecom/groups/statistics/fetch?days=3", "{}");
		assertThat(fetched.status()).as(fetched.body()).isEqualTo(200);
		assertThat(fetched.json().get("ownerDays").asInt()).isEqualTo(3 * 3);
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		JsonNode groups = this.corp.api.get("/api/v1/wecom/groups?days=7").json();
		for (String chat : this.corp.people.groups()) {
			int expected = 0;
			for (int back = 1; back <= 3; back++) {
				expected += SandboxActivity.groupMessages(chat, today.minusDays(back));
			}
			JsonNode group = null;
			for (JsonNode one : groups) {
				if (one.get("chatId").asString().equals(chat)) {
					group = one;
				}
			}
			assertThat(group).as(chat).isNotNull();
			assertThat(group.get("messages").asInt()).as(chat).isEqualTo(expected);
			assertThat(group.get("dying").asBoolean()).as(chat)
				.isEqualTo(group.get("quits").asInt() > group.get("joins").asInt()
						|| (group.get("joins").asInt() == 0 && expected == 0));
		}
		assertThat(this.corp.api.get("/api/v1/wecom/groups/statistics?days=7").json().size()).isEqualTo(9);
	}

	private Map<String, Object> relationWithout(String tagId, String order) {
		return this.jdbc
			.sql("""
					select f.userid, f.external_userid, a.person_id from wecom_follow f
					join account a on a.tenant_id = f.tenant_id and a.platform = 'wecom' and a.account_key = f.external_userid
					where f.tenant_id = ? and not ? = any(f.tag_ids) and f.deleted_at is null
					  and f.external_userid like 'wmSeed%' order by f.external_userid """
					+ " " + order + " limit 1")
			.params(this.corp.tenantId, tagId)
			.query((rs, n) -> Map.<String, Object>of("userid", rs.getString(1), "external", rs.getString(2), "person",
					rs.getLong(3)))
			.single();
	}

	private long catalogTag(String name) {
		for (JsonNode tag : this.corp.api.get("/api/v1/tags").json()) {
			if (tag.get("name").asString().equals(name)) {
				return tag.get("id").asLong();
			}
		}
		throw new AssertionError("no tag " + name);
	}

	private JsonNode send(String request, String text, List<String> externals, String... more) {
		List<String> all = new java.util.ArrayList<>(externals);
		all.addAll(List.of(more));
		Api.Response response = this.corp.api.postJson("/api/v1/wecom/mass-sends", body(request, text, all));
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	private static String body(String request, String text, List<String> externals) {
		return """
				{"requestId": "%s", "text": "%s", "externalUserIds": [%s]}""".formatted(request, text,
				String.join(",", externals.stream().map(e -> "\"" + e + "\"").toList()));
	}

	/** Seeded friends, a different slice for each test so they do not share the cap. */
	private List<String> friends(int count, int offset) {
		return this.jdbc.sql("""
				select distinct external_userid from wecom_follow
				where tenant_id = ? and deleted_at is null and external_userid like 'wmSeed%'
				order by external_userid offset ? limit ?""")
			.params(this.corp.tenantId, offset, count)
			.query(String.class)
			.list();
	}

}
