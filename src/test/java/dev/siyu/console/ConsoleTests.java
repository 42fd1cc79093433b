package dev.siyu.console;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.siyu.ingest.Imports;
import dev.siyu.tags.TagCatalog;
import dev.siyu.tags.Tagging;
import dev.siyu.tenant.Role;
import dev.siyu.tenant.Tenants;
import dev.siyu.tenant.Users;
import dev.siyu.testing.Api;
import dev.siyu.testing.IntegrationTest;
import dev.siyu.value.CustomerScores;
import dev.siyu.value.RfmClass;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The console through HTTP as a browser without JavaScript sees it: sign-in, roles,
 * tenants kept apart, languages, search through blind indexes, and audited reveals.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleTests {

	private static final Pattern PERSON_LINK = Pattern.compile("href=\"/customers/(\\d+)\"");

	@LocalServerPort
	int port;

	@Autowired
	Tenants tenants;

	@Autowired
	Users users;

	@Autowired
	Imports imports;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CustomerScores scores;

	@Autowired
	TagCatalog tagCatalog;

	@Autowired
	Tagging tagging;

	ConsoleFixture brand;

	@BeforeAll
	void brand() {
		this.brand = ConsoleFixture.brand(this.tenants, this.users, this.imports, 300);
	}

	@Test
	void consolePagesNeedSigningInButTheApiAndWeComCallbacksDoNot() {
		ConsoleClient anonymous = new ConsoleClient(this.port);
		assertThat(anonymous.get("/customers").location()).endsWith("/login");
		assertThat(anonymous.get("/login").status()).isEqualTo(200);
		Api.Response api = new Api(this.port, null).get("/api/v1/stats");
		assertThat(api.status()).isEqualTo(401);
		assertThat(api.body()).contains("API key");
		assertThat(anonymous.post("/wecom/callback/acme", Map.of("x", "1")).location()).isNull();
		assertThat(anonymous.post("/api/v1/orders:batch", Map.of()).status()).isEqualTo(401);
	}

	@Test
	void pagesNameAnIconThatIsServedSoBrowsersAskForNoMissingFavicon() {
		ConsoleClient anonymous = new ConsoleClient(this.port);
		String icon = "<link rel=\"icon\" type=\"image/svg+xml\" href=\"/console/favicon.svg\">";
		assertThat(anonymous.get("/login").body()).contains(icon);
		assertThat(signedIn(Role.ANALYST).get("/").body()).contains(icon);
		ConsoleClient.Page served = anonymous.get("/console/favicon.svg");
		assertThat(served.status()).isEqualTo(200);
		assertThat(served.body()).startsWith("<svg");
	}

	@Test
	void aWrongPasswordIsRefusedAndTheRightOneOpensTheOverviewInChinese() {
		ConsoleClient browser = new ConsoleClient(this.port);
		assertThat(browser.login(this.brand.user(Role.OWNER), "wrong-password")).endsWith("/login?error");
		assertThat(browser.login(this.brand.user(Role.OWNER), ConsoleFixture.PASSWORD)).endsWith("/");
		ConsoleClient.Page overview = browser.get("/");
		assertThat(overview.status()).isEqualTo(200);
		assertThat(overview.body()).contains("私域概览", "触达", "客户价值", "推荐", "lang=\"zh-CN\"");
		ConsoleClient.Page english = browser.get("/?lang=en");
		assertThat(english.body()).contains("Private domain overview", "Reach", "Value per customer")
			.doesNotContain("私域概览");
		assertThat(browser.get("/customers").body()).contains("Customers");
	}

	@Test
	void formsWithoutTheCsrfTokenAreRefused() {
		ConsoleClient browser = signedIn(Role.OWNER);
		assertThat(browser.post("/settings/keys", Map.of("name", "forged")).status()).isEqualTo(403);
		browser.get("/settings");
		assertThat(browser.submit("/settings/keys", Map.of("name", "real")).body()).contains("id=\"new-key\"");
	}

	@Test
	void aCustomerFoundByPhoneOrNameIsTheOneWhoseDataWasRevealedAndTheRevealIsAudited() {
		ConsoleClient operator = signedIn(Role.OPERATOR);
		String list = operator.get("/customers").body();
		Matcher persons = PERSON_LINK.matcher(list);
		String phone = null;
		String name = null;
		String person = null;
		while (phone == null && persons.find()) {
			person = persons.group(1);
			String profile = operator.get("/customers/" + person).body();
			assertThat(profile).contains("id=\"masked-name\"").contains("id=\"reveal\"");
			String revealed = operator.submit("/customers/" + person + "/reveal", Map.of()).body();
			String clearPhone = between(revealed, "id=\"clear-phone\">", "<");
			if (clearPhone.matches("1[3-9]\\d{9}")) {
				phone = clearPhone;
				name = between(revealed, "id=\"clear-name\">", "<");
			}
		}
		assertThat(phone).as("a customer with a mobile number among the latest buyers").isNotNull();
		assertThat(operator.get("/customers").body()).doesNotContain(phone);
		assertThat(operator.get("/customers?q=" + phone).body()).contains("href=\"/customers/" + person + "\"");
		assertThat(operator
			.get("/customers?q=" + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8))
			.body()).contains("href=\"/customers/" + person + "\"");
		long audited = this.jdbc
			.sql("select count(*) from personal_data_reveal where tenant_id = ? and username = ? and subject = ?")
			.params(this.brand.tenant.value(), this.brand.user(Role.OPERATOR), "person:" + person)
			.query(Long.class)
			.single();
		assertThat(audited).isEqualTo(1);
		assertThat(signedIn(Role.OWNER).get("/settings").body()).contains("person:" + person);
	}

	@Test
	void rolesSeeOnlyWhatTheyMay() {
		ConsoleClient analyst = signedIn(Role.ANALYST);
		String person = firstPerson(analyst);
		assertThat(analyst.get("/customers/" + person).body()).doesNotContain("id=\"reveal\"");
		assertThat(analyst.submit("/customers/" + person + "/reveal", Map.of()).status()).isEqualTo(403);
		assertThat(analyst.get("/settings").status()).isEqualTo(403);
		assertThat(analyst.get("/imports").status()).isEqualTo(200);
		long audited = this.jdbc.sql("select count(*) from personal_data_reveal where username = ?")
			.param(this.brand.user(Role.ANALYST))
			.query(Long.class)
			.single();
		assertThat(audited).isZero();
		ConsoleClient guide = signedIn(Role.GUIDE);
		assertThat(guide.get("/").location()).endsWith("/customers");
		assertThat(guide.get("/imports").status()).isEqualTo(403);
	}

	@Test
	void aUserOfAnotherBrandSeesNoneOfThisBrandsCustomers() {
		ConsoleFixture other = ConsoleFixture.brand(this.tenants, this.users, this.imports, 0);
		String person = firstPerson(signedIn(Role.OWNER));
		ConsoleClient stranger = new ConsoleClient(this.port);
		stranger.login(other.user(Role.OWNER), ConsoleFixture.PASSWORD);
		assertThat(stranger.get("/customers/" + person).status()).isEqualTo(404);
		assertThat(stranger.get("/customers").body()).doesNotContain("href=\"/customers/" + person + "\"");
		assertThat(stranger.submit("/workspace/tenant", Map.of("tenant", String.valueOf(this.brand.tenant.value())))
			.status()).isEqualTo(403);
	}

	@Test
	void aGroupMemberSwitchesBetweenTheGroupsBrands() {
		String suffix = this.brand.suffix;
		var group = this.tenants.createGroup("group-" + suffix, "集团 " + suffix, true).tenant();
		var brandA = this.tenants.createBrand("group-a-" + suffix, "品牌甲 " + suffix, group.name()).tenant();
		this.tenants.createBrand("group-b-" + suffix, "品牌乙 " + suffix, group.name());
		this.users.create("group-" + suffix, "Group admin", ConsoleFixture.PASSWORD);
		this.users.grant("group-" + suffix, group.id(), Role.ADMIN);
		ConsoleClient admin = new ConsoleClient(this.port);
		admin.login("group-" + suffix, ConsoleFixture.PASSWORD);
		String page = admin.get("/customers").body();
		assertThat(page).contains("id=\"tenant-switch\"", "品牌甲 " + suffix, "品牌乙 " + suffix);
		admin.submit("/workspace/tenant", Map.of("tenant", String.valueOf(brandA.id().value())));
		assertThat(admin.get("/settings").body()).contains("group-a-" + suffix);
	}

	@Test
	void theOverviewIsPrecomputedAfterAnImport() {
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.jdbc.sql("select count(*) from tenant_overview where tenant_id = ?")
				.param(this.brand.tenant.value())
				.query(Long.class)
				.single() == 1);
		String page = signedIn(Role.ANALYST).get("/").body();
		assertThat(page).contains("id=\"chart-platforms\"", "id=\"chart-trend\"");
		long customers = this.jdbc
			.sql("select (figures->>'customers')::bigint from tenant_overview where tenant_id = ?")
			.param(this.brand.tenant.value())
			.query(Long.class)
			.single();
		long persons = this.jdbc.sql("""
				select count(distinct coalesce(p.merged_into, p.id)) from orders o join account a on a.id = o.account_id
				join person p on p.id = a.person_id where o.tenant_id = ?""")
			.param(this.brand.tenant.value())
			.query(Long.class)
			.single();
		assertThat(customers).isEqualTo(persons).isPositive();
	}

	@Test
	void theValuePageShowsEachRfmClassAndStageAsStoredAndDrawsTheCharts() {
		this.scores.refresh(this.brand.tenant);
		Map<String, Long> stored = new java.util.HashMap<>();
		this.jdbc.sql(
				"select rfm_class, count(*) from person_score where tenant_id = ? and rfm_class is not null group by 1")
			.param(this.brand.tenant.value())
			.query((java.sql.ResultSet rs) -> {
				stored.put(rs.getString(1), rs.getLong(2));
			});
		assertThat(stored.values().stream().mapToLong(Long::longValue).sum()).isPositive();
		String page = signedIn(Role.ANALYST).get("/value").body();
		for (RfmClass rfmClass : RfmClass.values()) {
			Matcher cell = Pattern
				.compile("id=\"rfm-" + rfmClass.name()
						+ "\">\\s*<div class=\"label\">([^<]*)</div>\\s*<div class=\"value\">([\\d,]+)</div>")
				.matcher(page);
			assertThat(cell.find()).as(rfmClass.name()).isTrue();
			assertThat(cell.group(1)).isEqualTo(rfmClass.label());
			assertThat(Long.parseLong(cell.group(2).replace(",", ""))).as(rfmClass.name())
				.isEqualTo(stored.getOrDefault(rfmClass.label(), 0L));
		}
		long active = this.jdbc
			.sql("select count(*) from person_score where tenant_id = ? and lifecycle_stage = 'active'")
			.param(this.brand.tenant.value())
			.query(Long.class)
			.single();
		assertThat(page).contains("id=\"stage-active\">活跃 " + active + " ·", "id=\"chart-cohorts\"", "id=\"chart-clv\"",
				"id=\"chart-cycles\"", "id=\"chart-stages\"");
		assertThat(signedIn(Role.ANALYST).get("/value?lang=en").body()).contains("Customer value analytics",
				"Important value");
		assertThat(signedIn(Role.GUIDE).get("/value").status()).isEqualTo(403);
	}

	@Test
	void anOperatorCreatesATagWhoseMembersTheAudiencePreviewAndExportList() {
		String name = "复购达人-" + this.brand.suffix;
		ConsoleClient operator = signedIn(Role.OPERATOR);
		operator.get("/tags");
		assertThat(operator.submit("/tags", Map.of("name", name, "group", "测试组", "description", "console")).location())
			.endsWith("/tags");
		long tagId = this.tagCatalog.idOf(this.brand.tenant.value(), name).orElseThrow();
		java.util.List<Long> persons = this.jdbc
			.sql("select id from person where tenant_id = ? and merged_into is null order by id limit 3")
			.param(this.brand.tenant.value())
			.query(Long.class)
			.list();
		this.tagging.add(this.brand.tenant.value(), tagId, persons, "test", "console test");
		String tags = operator.get("/tags").body();
		assertThat(between(tags, "id=\"tag-" + tagId + "\">", "</tr>")).contains(name, "测试组", "手动",
				"<td class=\"persons\">3</td>");
		ConsoleClient analyst = signedIn(Role.ANALYST);
		assertThat(analyst.get("/tags").body()).contains(name).doesNotContain("id=\"new-tag\"");
		assertThat(analyst.submit("/tags", Map.of("name", "forbidden")).status()).isEqualTo(403);

		operator.get("/audiences");
		String preview = operator.submit("/audiences/preview", Map.of("expression", "tag('" + name + "')")).body();
		assertThat(preview).contains("id=\"preview-count\">3<", "id=\"export-link\"");
		for (Long person : persons) {
			assertThat(preview).contains("href=\"/customers/" + person + "\"");
		}
		ConsoleClient.Page csv = operator.get("/audiences/export?expression="
				+ java.net.URLEncoder.encode("tag('" + name + "')", java.nio.charset.StandardCharsets.UTF_8));
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.body().lines().toList()).hasSize(4).element(1).asString().startsWith(persons.get(0) + ",");
		assertThat(analyst.get("/audiences/export?expression=all").status()).isEqualTo(403);

		ConsoleClient.Page clear = operator.get("/audiences/export?unmasked=true&expression="
				+ java.net.URLEncoder.encode("tag('" + name + "')", java.nio.charset.StandardCharsets.UTF_8));
		assertThat(clear.status()).isEqualTo(200);
		java.util.List<String> maskedRows = csv.body().lines().skip(1).toList();
		java.util.List<String> clearRows = clear.body().lines().skip(1).toList();
		assertThat(clearRows).hasSize(3);
		for (int i = 0; i < 3; i++) {
			String maskedPhone = maskedRows.get(i).split(",", -1)[2];
			String clearPhone = clearRows.get(i).split(",", -1)[2];
			assertThat(clearPhone).doesNotContain("*");
			assertThat(clearPhone.isEmpty()).isEqualTo(maskedPhone.isEmpty());
			if (!maskedPhone.isEmpty()) {
				assertThat(maskedPhone).contains("*");
				assertThat(clearPhone).endsWith(maskedPhone.substring(maskedPhone.lastIndexOf('*') + 1));
			}
		}
		assertThat(this.jdbc.sql("""
				select count(*) from personal_data_reveal where username = ? and subject = ?""")
			.params(this.brand.user(Role.OPERATOR), "audience export: tag('" + name + "') (3 persons)")
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(analyst.get("/audiences/export?unmasked=true&expression=all").status()).isEqualTo(403);
	}

	@Test
	void theWeComPageShowsCodesTemplatesStaffAndGroupsWithTheDyingOneFlagged() {
		long tenant = this.brand.tenant.value();
		this.jdbc.sql("insert into wecom_staff (tenant_id, userid, name, store) values (?, 'guide-li', '李导购', '杭州店')")
			.param(tenant)
			.update();
		this.jdbc.sql("""
				insert into wecom_channel_code (tenant_id, state, kind, name, userids, qr_code, welcome_template)
				values (?, 'insert-1', 'package_insert', '包裹卡', '{guide-li}', 'https://wework.example/qr/insert-1.png',
				        '你好 {nickname}，我是 {staff}')""").param(tenant).update();
		this.jdbc.sql("""
				insert into wecom_group (tenant_id, chat_id, name, owner) values
				(?, 'chat-alive', '热闹群', 'guide-li'), (?, 'chat-dying', '冷清群', 'guide-li')""")
			.params(tenant, tenant)
			.update();
		this.jdbc.sql("""
				insert into wecom_group_member (tenant_id, chat_id, member_id, member_type, joined_at, left_at) values
				(?, 'chat-alive', 'm1', 2, now() - interval '2 days', null),
				(?, 'chat-alive', 'm2', 2, now() - interval '3 days', null),
				(?, 'chat-dying', 'm3', 2, now() - interval '200 days', now() - interval '5 days'),
				(?, 'chat-dying', 'm4', 2, now() - interval '200 days', null)""")
			.params(tenant, tenant, tenant, tenant)
			.update();
		this.jdbc.sql("""
				insert into wecom_group_stat (tenant_id, owner, day, chat_total, chat_has_msg, new_chat_cnt,
				                              new_member_cnt, member_total, member_has_msg, msg_total)
				values (?, 'guide-li', current_date - 1, 2, 0, 0, 0, 3, 0, 0)""").param(tenant).update();
		String page = signedIn(Role.ANALYST).get("/channels/wecom").body();
		assertThat(between(page, "id=\"group-chat-dying\">", "</tr>")).as("the owner's groups were silent")
			.contains("<td class=\"messages\" title=\"群主全部群共 0 条\">0</td>");
		assertThat(between(page, "id=\"code-insert-1\">", "</tr>")).contains("包裹卡", "guide-li",
				"src=\"https://wework.example/qr/insert-1.png\"");
		assertThat(between(page, "id=\"templates\"", "</table>")).contains("你好 {nickname}，我是 {staff}");
		assertThat(between(page, "id=\"staff-guide-li\">", "</tr>")).contains("李导购", "杭州店");
		assertThat(between(page, "id=\"group-chat-alive\">", "</tr>")).contains("<td class=\"members\">2</td>",
				"<td class=\"joins\">2</td>", "<td class=\"dying\"></td>");
		assertThat(between(page, "id=\"group-chat-dying\">", "</tr>")).contains("<td class=\"members\">1</td>",
				"<td class=\"quits\">1</td>", "濒死群");
		assertThat(page).contains("id=\"status-staff\">1<", "id=\"status-groups\">2<");
		assertThat(signedIn(Role.ANALYST).get("/channels/wecom?lang=en").body()).contains("Channel codes",
				"Welcome templates");
		assertThat(signedIn(Role.GUIDE).get("/channels/wecom").status()).isEqualTo(403);
	}

	@Test
	void theMassSendsPageShowsWhoWasLeftOutAndHowTheTasksEnded() {
		long tenant = this.brand.tenant.value();
		long send = this.jdbc.sql("""
				insert into wecom_mass_send (tenant_id, request_id, chat_type, content, asked, recipients, excluded,
				                             attachments)
				values (?, 'console-1', 'single', '会员日提醒', 5, 2, '{"not_friend": 2, "contact_opted_out": 1}',
				        '[{"type": "link", "title": "会员日", "url": "https://x.cn"}, {"type": "image", "mediaId": "3m"}]')
				returning id""").param(tenant).query(Long.class).single();
		long task = this.jdbc.sql("""
				insert into wecom_mass_task (tenant_id, send_id, sender, status, msgid)
				values (?, ?, 'guide-li', 'sent', 'msg-console') returning id""")
			.params(tenant, send)
			.query(Long.class)
			.single();
		this.jdbc.sql("""
				insert into wecom_mass_recipient (tenant_id, send_id, task_id, target, status) values
				(?, ?, ?, 'wm-c1', 'sent'), (?, ?, ?, 'wm-c2', 'limit_reached')""")
			.params(tenant, send, task, tenant, send, task)
			.update();
		String page = signedIn(Role.ANALYST).get("/channels/wecom/sends").body();
		assertThat(between(page, "id=\"send-" + send + "\">", "</tr>")).contains("会员日提醒", "非好友 2", "已撤回同意 1", "已发送 1",
				"客户已达接收上限 1", "[链接 会员日]", "[图片]");
		assertThat(page).doesNotContain("id=\"new-send\"");
		assertThat(signedIn(Role.ANALYST).get("/channels/wecom/sends?lang=en").body()).contains("withdrew consent 1",
				"customer at limit 1");
		ConsoleClient operator = signedIn(Role.OPERATOR);
		assertThat(operator.get("/channels/wecom/sends").body()).contains("id=\"new-send\"");
		String refused = operator.submit("/channels/wecom/sends", Map.of("requestId", "console-2", "text", "你好"))
			.body();
		assertThat(refused).contains("id=\"send-error\"", "exactly one of audienceId", "value=\"console-2\"");
		String badLink = operator
			.submit("/channels/wecom/sends",
					Map.of("requestId", "console-3", "text", "你好", "linkTitle", "新品", "linkUrl", "ftp://x.cn/a"))
			.body();
		assertThat(badLink).contains("attachments[1].url must be an http or https address", "value=\"新品\"",
				"value=\"ftp://x.cn/a\"");
	}

	@Test
	void anOperatorReviewsPairsFieldByFieldMergesOneRejectsOneAndDetachesAnAccountAgain() {
		ConsoleFixture own = ConsoleFixture.brand(this.tenants, this.users, this.imports, 40);
		long scope = own.tenant.value();
		String single = """
				select p.id, min(a.id) from person p join account a on a.person_id = p.id
				where p.tenant_id = ? and p.merged_into is null group by p.id having count(*) = 1 and bool_and(%s)
				order by p.id""";
		String noStrongIdentifier = """
				not exists (select 1 from account_identifier ai join identifier i on i.id = ai.identifier_id
				            where ai.account_id = a.id and i.strong)""";
		java.util.List<long[]> withPhone = this.jdbc.sql(single.formatted("not " + noStrongIdentifier))
			.param(scope)
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.list();
		java.util.List<long[]> without = this.jdbc.sql(single.formatted(noStrongIdentifier))
			.param(scope)
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.list();
		assertThat(withPhone).hasSizeGreaterThanOrEqualTo(3);
		assertThat(without).isNotEmpty();
		java.util.List<long[]> persons = java.util.List.of(withPhone.get(0), without.get(0), withPhone.get(1),
				withPhone.get(2));
		assertThat(persons).hasSize(4);
		String comparison = """
				{"priorWeight": -6.5, "fields": [{"field": "phone", "kind": "exact", "level": "agree", "weight": 9.25},
				{"field": "name", "kind": "jaro_winkler", "level": "similar", "weight": 2.75}],
				"matchWeight": 5.5, "matchProbability": 0.91}""";
		long merge = review(scope, persons.get(0)[0], persons.get(1)[0], comparison);
		long keepApart = review(scope, persons.get(2)[0], persons.get(3)[0], comparison);
		ConsoleClient operator = new ConsoleClient(this.port);
		operator.login(own.user(Role.OPERATOR), ConsoleFixture.PASSWORD);
		String queue = operator.get("/identity/reviews").body();
		assertThat(between(queue, "id=\"review-" + merge + "\"", "</form>")).contains("phone", "agree", "9.25", "name",
				"similar", "2.75", "-6.50", "href=\"/customers/" + persons.get(1)[0] + "\"");
		assertThat(operator.submit("/identity/reviews/" + keepApart + "/approve", Map.of()).body())
			.contains("id=\"review-error\"", "cannot be approved", "conflicting phone");
		operator.submit("/identity/reviews/" + keepApart + "/reject", Map.of());
		operator.get("/identity/reviews");
		assertThat(operator.submit("/identity/reviews/" + merge + "/approve", Map.of()).location())
			.endsWith("/identity/reviews");
		assertThat(operator.get("/identity/reviews").body()).doesNotContain("id=\"review-" + merge + "\"")
			.doesNotContain("id=\"review-" + keepApart + "\"");
		assertThat(this.jdbc.sql("select status from match_review where id = ?")
			.param(keepApart)
			.query(String.class)
			.single()).isEqualTo("rejected");
		long survivor = persons.get(0)[0];
		long joined = persons.get(1)[1];
		assertThat(personOf(joined)).isEqualTo(survivor);

		String customer = operator.get("/customers/" + survivor).body();
		assertThat(customer).contains("id=\"detach-" + joined + "\"");
		operator.submit("/customers/" + survivor + "/accounts/" + joined + "/detach", Map.of());
		assertThat(personOf(joined)).isNotEqualTo(survivor);
		assertThat(personOf(persons.get(0)[1])).isEqualTo(survivor);

		ConsoleClient analyst = new ConsoleClient(this.port);
		analyst.login(own.user(Role.ANALYST), ConsoleFixture.PASSWORD);
		assertThat(analyst.get("/identity/reviews").status()).isEqualTo(403);
		assertThat(analyst.get("/customers/" + survivor).body()).doesNotContain("id=\"detach-");
	}

	private long review(long scope, long a, long b, String comparison) {
		return this.jdbc.sql("""
				insert into match_review (tenant_id, person_a, person_b, probability, weight, comparison)
				values (?, ?, ?, 0.91, 5.5, ?::jsonb) returning id""")
			.params(scope, Math.min(a, b), Math.max(a, b), comparison)
			.query(Long.class)
			.single();
	}

	private long personOf(long account) {
		return this.jdbc
			.sql("""
					select coalesce(p.merged_into, p.id) from account a join person p on p.id = a.person_id where a.id = ?""")
			.param(account)
			.query(Long.class)
			.single();
	}

	private ConsoleClient signedIn(Role role) {
		ConsoleClient browser = new ConsoleClient(this.port);
		assertThat(browser.login(this.brand.user(role), ConsoleFixture.PASSWORD)).endsWith("/");
		return browser;
	}

	private static String firstPerson(ConsoleClient browser) {
		Matcher persons = PERSON_LINK.matcher(browser.get("/customers").body());
		assertThat(persons.find()).as("the customer list shows someone").isTrue();
		return persons.group(1);
	}

	private static String between(String text, String start, String end) {
		int from = text.indexOf(start);
		if (from < 0) {
			return "";
		}
		from += start.length();
		return text.substring(from, text.indexOf(end, from));
	}

}
