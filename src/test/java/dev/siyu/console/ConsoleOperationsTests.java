package dev.siyu.console;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.siyu.ingest.Imports;
import dev.siyu.tags.Tag;
import dev.siyu.tags.TagCatalog;
import dev.siyu.tags.TagKind;
import dev.siyu.tenant.Role;
import dev.siyu.tenant.Tenants;
import dev.siyu.tenant.Users;
import dev.siyu.testing.IntegrationTest;
import dev.siyu.value.ValueSettings;
import dev.siyu.wecom.Assignment;
import dev.siyu.wecom.Corps;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What operators change from the console: tags on a person, the tag catalog, WeCom
 * assignment rules and connection, and the value parameters; each within its role.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleOperationsTests {

	private static final Pattern PERSON_LINK = Pattern.compile("href=\"/customers/(\\d+)\"");

	private static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

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
	TagCatalog catalog;

	@Autowired
	Assignment assignment;

	@Autowired
	Corps corps;

	@Autowired
	ValueSettings valueSettings;

	ConsoleFixture brand;

	@BeforeAll
	void brand() {
		this.brand = ConsoleFixture.brand(this.tenants, this.users, this.imports, 40);
	}

	@Test
	void aGuideTagsAPersonFromThe360PageAndTheChangeRecordsWhoAndWhen() {
		Tag vip = manualTag("到店VIP");
		Tag computed = this.catalog.create(scope(), new TagCatalog.TagDefinition(null, "规则-" + this.brand.suffix, null,
				"test", TagKind.RULE, "orders.count(all) >= 1", null), "test");
		ConsoleClient guide = signedIn(Role.GUIDE);
		String person = firstPerson(guide);
		assertThat(guide.get("/customers/" + person).body()).contains("id=\"add-tag\"");

		String card = guide.submit("/customers/" + person + "/tags", Map.of("tag", String.valueOf(vip.id()))).body();

		assertThat(card).contains("id=\"person-tag-" + vip.id() + "\"", this.brand.user(Role.GUIDE));
		assertThat(this.jdbc.sql("select tagged_by from person_tag where tag_id = ? and person_id = ?")
			.params(vip.id(), Long.parseLong(person))
			.query(String.class)
			.single()).isEqualTo(this.brand.user(Role.GUIDE));
		String refused = guide.submit("/customers/" + person + "/tags", Map.of("tag", String.valueOf(computed.id())))
			.body();
		assertThat(refused).contains("id=\"tag-error\"", "rule tag");
		String removed = guide.submit("/customers/" + person + "/tags/" + vip.id() + "/remove", Map.of()).body();
		assertThat(removed).doesNotContain("id=\"person-tag-" + vip.id() + "\"").contains("id=\"tag-history\"");
		assertThat(this.jdbc.sql("""
				select string_agg(change || ':' || actor, ',' order by id) from person_tag_change
				where tag_id = ? and person_id = ?""")
			.params(vip.id(), Long.parseLong(person))
			.query(String.class)
			.single()).isEqualTo("added:" + this.brand.user(Role.GUIDE) + ",removed:" + this.brand.user(Role.GUIDE));
		ConsoleClient analyst = signedIn(Role.ANALYST);
		assertThat(analyst.get("/customers/" + person).body()).doesNotContain("id=\"add-tag\"");
		assertThat(analyst.submit("/customers/" + person + "/tags", Map.of("tag", String.valueOf(vip.id()))).status())
			.isEqualTo(403);
	}

	@Test
	void anOperatorEditsATagEndsItsAssignmentsAndDeletesIt() {
		Tag tag = manualTag("待编辑");
		ConsoleClient operator = signedIn(Role.OPERATOR);
		String person = firstPerson(operator);
		operator.get("/customers/" + person);
		operator.submit("/customers/" + person + "/tags", Map.of("tag", String.valueOf(tag.id())));
		assertThat(operator.get("/tags").body()).contains("href=\"/tags/" + tag.id() + "\"");
		operator.get("/tags/" + tag.id());

		ConsoleClient.Page saved = operator.submit("/tags/" + tag.id(),
				Map.of("name", "已编辑-" + this.brand.suffix, "group", "", "description", "门店活动", "validDays", "30"));

		assertThat(saved.location()).endsWith("/tags/" + tag.id() + "?saved");
		Tag after = this.catalog.require(scope(), tag.id());
		assertThat(after.name()).isEqualTo("已编辑-" + this.brand.suffix);
		assertThat(after.validDays()).isEqualTo(30);
		assertThat(operator.get("/tags/" + tag.id()).body()).contains("id=\"tag-audit\"",
				this.brand.user(Role.OPERATOR));
		assertThat(operator.submit("/tags/" + tag.id(), Map.of("name", "x", "validDays", "-3")).body())
			.contains("id=\"tag-error\"", "positive number of days");
		operator.submit("/tags/" + tag.id() + "/expire", Map.of());
		assertThat(this.jdbc.sql("select count(*) from person_tag where tag_id = ?")
			.param(tag.id())
			.query(Long.class)
			.single()).isZero();
		operator.get("/tags/" + tag.id());
		assertThat(operator.submit("/tags/" + tag.id() + "/delete", Map.of()).location()).endsWith("/tags");
		assertThat(this.catalog.find(scope(), tag.id())).isEmpty();
		assertThat(signedIn(Role.ANALYST).submit("/tags/" + tag.id(), Map.of("name", "no")).status()).isEqualTo(403);
	}

	@Test
	void assignmentRulesAreAddedReorderedAndDeletedInTheirOrder() {
		ConsoleClient operator = signedIn(Role.OPERATOR);
		assertThat(operator.get("/channels/wecom").body()).contains("id=\"assignment-link\"");
		operator.get("/channels/wecom/assignment");

		operator.submit("/channels/wecom/assignment", Map.of("kind", "existing"));
		operator.submit("/channels/wecom/assignment", Map.of("kind", "round_robin", "userIds", "g1, g2"));
		ConsoleClient.Page refused = operator.submit("/channels/wecom/assignment", Map.of("kind", "round_robin"));
		operator.submit("/channels/wecom/assignment/1",
				Map.of("kind", "round_robin", "userIds", "g1,g3", "position", "1"));

		assertThat(refused.body()).contains("id=\"assignment-error\"", "needs userIds");
		assertThat(this.assignment.rules(this.brand.tenant)).extracting(Assignment.Rule::kind)
			.containsExactly("round_robin", "existing");
		assertThat(this.assignment.rules(this.brand.tenant).get(0).userIds()).containsExactly("g1", "g3");
		assertThat(operator.get("/channels/wecom/assignment").body()).contains("id=\"rule-1\"");
		operator.submit("/channels/wecom/assignment/1/delete", Map.of());
		assertThat(this.assignment.rules(this.brand.tenant)).extracting(Assignment.Rule::kind)
			.containsExactly("round_robin");
		ConsoleClient analyst = signedIn(Role.ANALYST);
		assertThat(analyst.get("/channels/wecom/assignment").body()).doesNotContain("id=\"new-rule\"");
		assertThat(analyst.submit("/channels/wecom/assignment", Map.of("kind", "existing")).status()).isEqualTo(403);
	}

	@Test
	void anOwnerConnectsWeComInSettingsAndEmptySecretsKeepTheirValues() {
		ConsoleClient owner = signedIn(Role.OWNER);
		assertThat(owner.get("/settings").body()).contains("id=\"wecom-form\"");

		owner.submit("/settings/wecom", Map.of("corpId", "ww-" + this.brand.suffix, "token", "Tok3n", "aesKey", AES_KEY,
				"secret", "s3cret", "agentId", "1000002"));
		owner.submit("/settings/wecom", Map.of("corpId", "ww-" + this.brand.suffix, "agentId", "1000003"));

		var corp = this.corps.find(this.brand.tenant).orElseThrow();
		assertThat(corp.token()).isEqualTo("Tok3n");
		assertThat(corp.secret()).isEqualTo("s3cret");
		assertThat(corp.agentId()).isEqualTo(1000003);
		String page = owner.get("/settings").body();
		assertThat(page).contains("id=\"wecom-corp-id\">ww-" + this.brand.suffix).doesNotContain("s3cret");
		owner.submit("/settings/wecom", Map.of("corpId", "ww-x", "token", "bad token!"));
		assertThat(owner.get("/settings").body()).contains("id=\"wecom-error\"", "token must be");
		assertThat(this.corps.find(this.brand.tenant).orElseThrow().corpId()).isEqualTo("ww-" + this.brand.suffix);
		assertThat(signedIn(Role.OPERATOR).submit("/settings/wecom", Map.of("corpId", "ww")).status()).isEqualTo(403);
	}

	@Test
	void anAdminChangesTheValueParametersAndTheScoresAreRecomputedWithThem() {
		ConsoleClient admin = signedIn(Role.ADMIN);
		assertThat(admin.get("/settings/value").body()).contains("id=\"value-settings\"");
		OffsetDateTime before = OffsetDateTime.now();

		ConsoleClient.Page saved = admin.submit("/settings/value",
				Map.of("recencyBounds", "30, 90, 180, 365", "frequencyBounds", "", "monetaryBounds", "50，100 500 900",
						"newDays", "30", "activeDays", "60", "silentDays", "180", "lostDays", "365", "atRiskPAlive",
						"0.25", "horizonDays", "730", "annualDiscount", "0.08"));

		assertThat(saved.location()).endsWith("/settings/value?saved");
		ValueSettings.Settings stored = this.valueSettings.of(this.brand.tenant);
		assertThat(stored.monetaryBounds()).containsExactly(50, 100, 500, 900);
		assertThat(stored.frequencyBounds()).isNull();
		assertThat(stored.lifecycle().activeDays()).isEqualTo(60);
		assertThat(stored.horizonDays()).isEqualTo(730);
		assertThat(stored.annualDiscount()).isEqualTo(0.08, org.assertj.core.data.Offset.offset(1e-6));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.jdbc.sql("select max(computed_at) from person_score where tenant_id = ?")
				.param(this.brand.tenant.value())
				.query(OffsetDateTime.class)
				.optional()
				.map(computed -> computed.isAfter(before))
				.orElse(false));
		assertThat(admin.get("/settings/value").body()).contains("value=\"50, 100, 500, 900\"");
		String refused = admin
			.submit("/settings/value",
					Map.of("monetaryBounds", "5, 1, 2", "newDays", "30", "activeDays", "60", "silentDays", "180",
							"lostDays", "365", "atRiskPAlive", "0.3", "horizonDays", "365", "annualDiscount", "0.1"))
			.body();
		assertThat(refused).contains("id=\"value-settings-error\"", "four ascending cut points");
		assertThat(signedIn(Role.OPERATOR).get("/settings/value").status()).isEqualTo(403);
	}

	private Tag manualTag(String name) {
		return this.catalog.create(scope(), new TagCatalog.TagDefinition(null, name + "-" + this.brand.suffix, null,
				"test", TagKind.MANUAL, null, null), "test");
	}

	private String firstPerson(ConsoleClient client) {
		Matcher persons = PERSON_LINK.matcher(client.get("/customers").body());
		assertThat(persons.find()).isTrue();
		String person = persons.group(1);
		client.get("/customers/" + person);
		return person;
	}

	private long scope() {
		return this.brand.tenant.value();
	}

	private ConsoleClient signedIn(Role role) {
		ConsoleClient client = new ConsoleClient(this.port);
		assertThat(client.login(this.brand.user(role), ConsoleFixture.PASSWORD)).endsWith("/");
		return client;
	}

}
