package dev.siyu.audience;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.siyu.identity.PersonsMerged;
import dev.siyu.ingest.OrdersImported;
import dev.siyu.shared.TenantId;
import dev.siyu.tenant.Tenants;
import dev.siyu.testing.Api;
import dev.siyu.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tags, counts, rule tags and audiences through the HTTP API, on persons written into the
 * database.
 */
@IntegrationTest
class AudiencesApiTests {

	@LocalServerPort
	int port;

	@Autowired
	Tenants tenants;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEventPublisher events;

	private Api api;

	private long scope;

	private AudienceScope audience;

	private final List<Long> persons = new ArrayList<>();

	@BeforeEach
	void tenantWithTenPersons() {
		var created = this.tenants.create("aud-" + UUID.randomUUID().toString().substring(0, 8), null);
		this.api = new Api(this.port, created.apiKey());
		this.scope = created.tenant().id().value();
		this.audience = new AudienceScope(this.jdbc, this.api, this.scope);
		for (int i = 0; i < 10; i++) {
			long id = this.jdbc.sql("insert into person (tenant_id) values (?) returning id")
				.param(this.scope)
				.query(Long.class)
				.single();
			this.jdbc.sql("""
					insert into person_profile (person_id, tenant_id, name_masked, phone_masked, city, member_tier)
					values (?, ?, '张*', '138****0000', ?, ?)""")
				.params(id, this.scope, (i < 4) ? "杭州" : "上海", (i % 2 == 0) ? "gold" : "silver")
				.update();
			this.persons.add(id);
		}
	}

	@Test
	void countsFollowManualTaggingAtOnceAndBothEnginesAgree() {
		long vip = tag("高净值");
		assertThat(this.audience.count("tag('高净值')", "bitmap")).isZero();

		JsonNode added = this.api
			.postJson("/api/v1/tags/" + vip + "/persons", "{\"personIds\": " + this.persons.subList(0, 6) + "}")
			.json();
		assertThat(added.get("changed").asInt()).isEqualTo(6);
		assertThat(this.audience.count("tag('高净值')", "bitmap")).isEqualTo(6);
		assertThat(this.audience.count("tag('高净值') and city = '杭州'", "bitmap")).isEqualTo(4);
		assertThat(this.audience.count("tag('高净值') and not city = '杭州'", "sql")).isEqualTo(2);
		assertThat(this.audience.count("not tag('高净值') and tier = 'gold'", "bitmap"))
			.isEqualTo(this.audience.count("not tag('高净值') and tier = 'gold'", "sql"))
			.isEqualTo(2);

		this.api.postJson("/api/v1/tags/" + vip + "/persons:remove",
				"{\"personIds\": [" + this.persons.get(0) + "], \"reason\": \"asked\"}");
		assertThat(this.audience.count("tag('高净值')", "bitmap")).isEqualTo(5);
		JsonNode history = this.api.get("/api/v1/tags/" + vip + "/history").json();
		assertThat(history.get(0).get("change").asString()).isEqualTo("removed");
		assertThat(history.get(0).get("reason").asString()).isEqualTo("asked");
		assertThat(history.size()).isEqualTo(7);
	}

	@Test
	void aBadExpressionIsRefusedWithWhereAndWhy() {
		Api.Response response = this.api.postJson("/api/v1/audiences:count", "{\"expression\": \"city = \"}");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("error").asString())
			.isEqualTo("at column 8: expected a value in quotes, found the end");
		Api.Response unknownTag = this.api.postJson("/api/v1/audiences:count", "{\"expression\": \"tag('nope')\"}");
		assertThat(unknownTag.json().get("error").asString()).isEqualTo("unknown tag 'nope'");
	}

	@Test
	void theJsonTreeCountsLikeTheText() {
		JsonNode answer = this.api
			.postJson("/api/v1/audiences:count",
					"{\"tree\": {\"and\": [{\"attribute\": \"city\", \"in\": [\"杭州\"]},"
							+ " {\"attribute\": \"tier\", \"in\": [\"gold\"]}]}, \"engine\": \"sql\"}")
			.json();
		assertThat(answer.get("count").asLong()).isEqualTo(2);
		assertThat(answer.get("engine").asString()).isEqualTo("sql");
	}

	@Test
	void aRuleTagOverOrdersFollowsImportsAndRecordsEntries() {
		long account = this.audience.account(this.persons.get(3), "acc");
		this.audience.order(account, "R-1", "Y");
		this.audience.order(account, "R-2", "Y");
		JsonNode tag = this.api
			.postJson("/api/v1/rule-tags", "{\"name\": \"Y常客\", \"expression\": \"orders.count(all, sku = 'Y') >= 3\"}")
			.json();
		assertThat(tag.get("kind").asString()).isEqualTo("RULE");
		assertThat(this.audience.count("tag('Y常客')", "bitmap")).isZero();

		this.audience.order(account, "R-3", "Y");
		this.events.publishEvent(new OrdersImported(new TenantId(this.scope), 0, "mall", 1, 0));

		assertThat(this.audience.count("tag('Y常客')", "bitmap")).isEqualTo(1);
		assertThat(this.audience.count("tag('Y常客')", "sql")).isEqualTo(1);
		JsonNode history = this.api.get("/api/v1/tags/" + tag.get("id").asLong() + "/history").json();
		assertThat(history.get(0).get("personId").asLong()).isEqualTo(this.persons.get(3));
		assertThat(history.get(0).get("actor").asString()).isEqualTo("rule");
	}

	@Test
	void aDynamicAudienceRecordsWhoEntersAndASnapshotStaysFrozen() {
		long vip = tag("vip");
		JsonNode audience = this.api
			.postJson("/api/v1/audiences",
					"{\"name\": \"杭州VIP\", \"expression\": \"tag('vip') and city = '杭州'\"," + " \"dynamic\": true}")
			.json();
		long id = audience.get("id").asLong();
		this.api.postJson("/api/v1/tags/" + vip + "/persons", "{\"personIds\": [" + this.persons.get(1) + "]}");
		long snapshot = this.api.postJson("/api/v1/audiences/" + id + "/snapshots", "{}").json().get("id").asLong();
		this.api.postJson("/api/v1/tags/" + vip + "/persons", "{\"personIds\": [" + this.persons.get(2) + "]}");

		JsonNode changes = this.api.get("/api/v1/audiences/" + id + "/changes").json();
		assertThat(changes.size()).isEqualTo(2);
		assertThat(changes.get(0).get("change").asString()).isEqualTo("entered");
		assertThat(this.api.get("/api/v1/audiences/" + id + "/snapshots/" + snapshot + "/members").json().size())
			.isEqualTo(1);
		assertThat(this.api.get("/api/v1/audiences/" + id).json().get("count").asLong()).isEqualTo(2);

		String csv = this.api.get("/api/v1/audiences/" + id + "/export").body();
		assertThat(csv.lines().count()).isEqualTo(3);
		assertThat(csv).contains("张*,138****0000").doesNotContain("13800000000");
	}

	@Test
	void aMergedPersonsTagsMoveToTheSurvivor() {
		long vip = tag("merge-vip");
		long survivor = this.persons.get(5);
		long merged = this.persons.get(6);
		this.api.postJson("/api/v1/tags/" + vip + "/persons", "{\"personIds\": [" + merged + "]}");
		assertThat(this.audience.count("tag('merge-vip')", "bitmap")).isEqualTo(1);

		this.jdbc.sql("update person set merged_into = ? where id = ?").params(survivor, merged).update();
		this.events.publishEvent(new PersonsMerged(this.scope, survivor, List.of(merged)));

		assertThat(this.api.postJson("/api/v1/audiences:members", "{\"expression\": \"tag('merge-vip')\"}")
			.json()
			.get("personIds")
			.get(0)
			.asLong()).isEqualTo(survivor);
		assertThat(this.audience.count("tag('merge-vip')", "sql")).isEqualTo(1);
		assertThat(this.audience.count("city = '上海'", "bitmap")).isEqualTo(this.audience.count("city = '上海'", "sql"))
			.isEqualTo(5);
	}

	private long tag(String name) {
		Api.Response created = this.api.postJson("/api/v1/tags", "{\"name\": \"" + name + "\", \"owner\": \"ops\"}");
		assertThat(created.status()).as(created.body()).isEqualTo(200);
		return created.json().get("id").asLong();
	}

}
