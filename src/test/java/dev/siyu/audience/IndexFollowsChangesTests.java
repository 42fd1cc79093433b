package dev.siyu.audience;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.siyu.testing.Api;
import dev.siyu.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bitmap index follows what other modules and other processes write without an event
 * (profiles, scores, reach, tags made by a CLI command while the server runs), and what a
 * split does to tags.
 */
@IntegrationTest
class IndexFollowsChangesTests {

	@LocalServerPort
	int port;

	@Autowired
	dev.siyu.tenant.Tenants tenants;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PersonFactWatch watch;

	private Api api;

	private long scope;

	private AudienceScope audience;

	private final List<Long> persons = new ArrayList<>();

	@BeforeEach
	void sixScoredPersons() {
		var created = this.tenants.create("follow-" + UUID.randomUUID().toString().substring(0, 8), null);
		this.api = new Api(this.port, created.apiKey());
		this.scope = created.tenant().id().value();
		this.audience = new AudienceScope(this.jdbc, this.api, this.scope);
		for (int i = 0; i < 6; i++) {
			this.persons.add(person("杭州", 50));
		}
	}

	@Test
	void scoresProfilesReachAndNewPersonsWrittenElsewhereAreCountedAfterTheNextLook() {
		assertThat(this.audience.count("clv >= 100", "bitmap")).isZero();
		assertThat(this.audience.count("city = '北京'", "bitmap")).isZero();

		this.jdbc.sql("update person_score set clv = 500, computed_at = now() where person_id = any(?)")
			.param(this.persons.subList(0, 2).toArray(Long[]::new))
			.update();
		this.jdbc.sql("update person_profile set city = '北京', updated_at = now() where person_id = ?")
			.param(this.persons.get(2))
			.update();
		this.jdbc.sql("insert into person_reach (person_id, tenant_id, wecom_friend) values (?, ?, true)")
			.params(this.persons.get(3), this.scope)
			.update();
		long newcomer = person("北京", 900);
		this.watch.lookAll();

		assertThat(this.audience.count("clv >= 100", "bitmap")).isEqualTo(this.audience.count("clv >= 100", "sql"))
			.isEqualTo(3);
		assertThat(this.audience.count("city = '北京'", "bitmap")).isEqualTo(2);
		assertThat(this.audience.count("wecom_friend", "bitmap")).isEqualTo(this.audience.count("wecom_friend", "sql"))
			.isEqualTo(1);
		assertThat(members("clv >= 600")).containsExactly(newcomer);

		this.watch.lookAll();
		assertThat(this.audience.count("clv >= 100", "bitmap")).isEqualTo(3);
	}

	@Test
	void aTagCreatedAndAssignedByAnotherProcessIsKnownToTheRunningServer() {
		assertThat(this.audience.count("city = '杭州'", "bitmap")).isEqualTo(6);
		long tag = this.jdbc
			.sql("insert into tag (tenant_id, name, kind, owner) values (?, 'cli-made', 'manual', 'cli') returning id")
			.param(this.scope)
			.query(Long.class)
			.single();
		assertThat(this.audience.count("tag('cli-made')", "bitmap")).isZero();

		for (long person : this.persons.subList(0, 2)) {
			this.jdbc.sql("insert into person_tag (tag_id, person_id, tenant_id, tagged_by) values (?, ?, ?, 'cli')")
				.params(tag, person, this.scope)
				.update();
			this.jdbc
				.sql("""
						insert into person_tag_change (tenant_id, tag_id, person_id, change, actor) values (?, ?, ?, 'added', 'cli')""")
				.params(this.scope, tag, person)
				.update();
		}
		this.watch.lookAll();
		assertThat(this.audience.count("tag('cli-made')", "bitmap"))
			.isEqualTo(this.audience.count("tag('cli-made')", "sql"))
			.isEqualTo(2);

		this.jdbc.sql("update tag set name = 'renamed-by-cli', updated_at = now() where id = ?").param(tag).update();
		this.watch.lookAll();
		assertThat(this.audience.count("tag('renamed-by-cli')", "bitmap")).isEqualTo(2);
		Api.Response old = this.api.postJson("/api/v1/audiences:count", "{\"expression\": \"tag('cli-made')\"}");
		assertThat(old.status()).isEqualTo(400);
		assertThat(old.body()).contains("cli-made");
	}

	@Test
	void aSplitLeavesManualTagsWithTheOriginalAndRecomputesRuleTagsForBoth() {
		long person = this.persons.get(0);
		long stays = this.audience.account(person, "stays");
		long leaves = this.audience.account(person, "leaves");
		this.audience.order(stays, "S-1", "X");
		this.audience.order(leaves, "L-1", "Y");
		long vip = this.api.postJson("/api/v1/tags", "{\"name\": \"split-vip\", \"owner\": \"ops\"}")
			.json()
			.get("id")
			.asLong();
		this.api.postJson("/api/v1/tags/" + vip + "/persons", "{\"personIds\": [" + person + "]}");
		this.api.postJson("/api/v1/rule-tags",
				"{\"name\": \"bought-Y\", \"expression\": \"orders.count(all, sku = 'Y') >= 1\"}");
		this.api.postJson("/api/v1/rule-tags",
				"{\"name\": \"bought-X\", \"expression\": \"orders.count(all, sku = 'X') >= 1\"}");
		assertThat(members("tag('bought-Y') and tag('bought-X') and tag('split-vip')")).containsExactly(person);

		JsonNode split = this.api
			.postJson("/api/v1/persons/" + person + "/split", "{\"accounts\": [" + leaves + "], \"reason\": \"test\"}")
			.json();
		long detached = this.jdbc.sql("select person_id from account where id = ?")
			.param(leaves)
			.query(Long.class)
			.single();
		assertThat(detached).as(split.toString()).isNotEqualTo(person);

		assertThat(members("tag('split-vip')")).containsExactly(person);
		assertThat(members("tag('bought-X')")).containsExactly(person);
		assertThat(members("tag('bought-Y')")).containsExactly(detached);
		for (String expression : List.of("tag('split-vip')", "tag('bought-X')", "tag('bought-Y')")) {
			assertThat(this.audience.count(expression, "bitmap")).isEqualTo(this.audience.count(expression, "sql"))
				.isEqualTo(1);
		}
	}

	private long person(String city, int clv) {
		long id = this.jdbc.sql("insert into person (tenant_id) values (?) returning id")
			.param(this.scope)
			.query(Long.class)
			.single();
		this.jdbc.sql("insert into person_profile (person_id, tenant_id, city) values (?, ?, ?)")
			.params(id, this.scope, city)
			.update();
		this.jdbc.sql("insert into person_score (person_id, tenant_id, clv) values (?, ?, ?)")
			.params(id, this.scope, new BigDecimal(clv))
			.update();
		return id;
	}

	private List<Long> members(String expression) {
		JsonNode ids = this.api.postJson("/api/v1/audiences:members", "{\"expression\": \"" + expression + "\"}")
			.json()
			.get("personIds");
		List<Long> list = new ArrayList<>();
		ids.forEach(id -> list.add(id.asLong()));
		return list;
	}

}
