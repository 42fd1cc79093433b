package dev.siyu.identity;

import java.util.UUID;

import dev.siyu.ingest.Imports;
import dev.siyu.shared.TenantId;
import dev.siyu.tenant.Tenants;
import dev.siyu.testing.Api;
import dev.siyu.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Probabilistic One ID through the API: automatic links with their evidence, the review
 * queue, conflicting identifiers, splits remembered as do-not-link, survivorship.
 */
@IntegrationTest
@RecordApplicationEvents
class OneIdDecisionsTests {

	@Autowired
	Imports imports;

	@Autowired
	Tenants tenants;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEvents events;

	@Autowired
	ProbabilisticLinking linking;

	@Autowired
	PersonIdentity identity;

	@LocalServerPort
	int port;

	TenantId tenant;

	Api api;

	Buyers buyers;

	@BeforeEach
	void newTenantWithACrowd() {
		var created = this.tenants.create("id-" + UUID.randomUUID().toString().substring(0, 8), null);
		this.tenant = created.tenant().id();
		this.api = new Api(this.port, created.apiKey());
		this.buyers = new Buyers(this.imports, this.tenant).crowd(300, 11);
	}

	@Test
	void theSameBuyerWithAMaskedPhoneOnAnotherPlatformIsLinkedWithEvidenceAndAProfile() {
		this.buyers.buyer("mall", "m-lin", "林黛玉", "13912340001", "江苏省苏州市姑苏区平江路88号3栋", null)
			.buyer("douyin", "d-lin", "林黛玉", "139****0001", "江苏省 苏州市 姑苏区 平江路88号3栋", null);

		ProbabilisticLinking.Summary run = this.linking.run(this.tenant, "test");

		assertThat(run.autoLinked()).isGreaterThanOrEqualTo(1);
		long person = personOf("m-lin");
		assertThat(personOf("d-lin")).isEqualTo(person);
		var response = this.api.get("/api/v1/persons/" + person + "/identity");
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		JsonNode identity = response.json();
		assertThat(identity.get("accounts")).hasSize(2);
		JsonNode link = linkWithRule(identity, "probabilistic");
		assertThat(link.get("matchProbability").asDouble()).isGreaterThanOrEqualTo(0.99);
		assertThat(link.get("evidence").get("fields").toString()).contains("\"field\":\"phone\"",
				"visible_digits_agree");
		assertThat(identity.get("merges").get(0).get("reason").asString()).isEqualTo("probabilistic");
		JsonNode profile = identity.get("profile");
		assertThat(profile.get("name").asString()).isEqualTo("林**");
		assertThat(profile.get("phone").asString()).isEqualTo("139****0001");
		assertThat(profile.get("sources").get("phone").get("rule").asString()).isEqualTo("source_priority");
		assertThat(profile.get("sources").get("name").get("seen").asInt()).isEqualTo(2);
		assertThat(identity.toString()).doesNotContain("13912340001");
		assertThat(this.events.stream(PersonsMerged.class).filter((e) -> e.survivorId() == person)).hasSize(1);
	}

	@Test
	void conflictingUnionidsForbidALinkSoClustersCannotChainTwoPeople() {
		this.buyers.buyer("mall", "m-bao", "贾宝玉", "137****1111", "北京市西城区大观园路1号", "union-bao-1")
			.buyer("douyin", "d-bao", "贾宝玉", "137****1111", "北京市西城区大观园路1号", null)
			.buyer("jd", "j-bao", "贾宝玉", "137****1111", "北京市西城区大观园路1号", "union-bao-2");

		JsonNode run = MatchRuns.matchAndWait(this.api, "");

		assertThat(run.get("forbidden").asLong()).isGreaterThanOrEqualTo(1);
		assertThat(personOf("m-bao")).isNotEqualTo(personOf("j-bao"));
		assertThat(personOf("d-bao")).isIn(personOf("m-bao"), personOf("j-bao"));
	}

	@Test
	void uncertainPairsWaitForReviewWithTheirComparisonAndAreApprovedOrRejected() {
		this.buyers.buyer("mall", "m-xue", "薛宝钗", "13600003333", "浙江省杭州市西湖区北山街2号", null)
			.buyer("douyin", "d-xue", "薛宝钗", "136****3333", "浙江省杭州市西湖区北山街2号", null)
			.buyer("mall", "m-shi", "史湘云", "13500004444", "浙江省宁波市海曙区中山西路9号", null)
			.buyer("douyin", "d-shi", "史湘云", "135****4444", "浙江省宁波市海曙区中山西路9号", null);

		JsonNode run = MatchRuns.matchAndWait(this.api, "?autoLinkProbability=0.999999999999&reviewProbability=0.5");

		assertThat(run.get("queuedForReview").asLong()).isGreaterThanOrEqualTo(2);
		JsonNode reviews = this.api.get("/api/v1/identity/reviews").json();
		JsonNode xue = reviewOf(reviews, personOf("m-xue"), personOf("d-xue"));
		JsonNode shi = reviewOf(reviews, personOf("m-shi"), personOf("d-shi"));
		assertThat(xue.get("comparison").get("fields")).hasSize(3);
		assertThat(xue.get("comparison").get("fields").get(0).get("weight").asDouble()).isPositive();

		var approved = this.api.postJson("/api/v1/identity/reviews/" + xue.get("id").asLong() + "/approve",
				"{\"by\": \"lily\"}");
		var rejected = this.api.postJson("/api/v1/identity/reviews/" + shi.get("id").asLong() + "/reject",
				"{\"by\": \"lily\"}");

		assertThat(approved.status()).as(approved.body()).isEqualTo(200);
		assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);

		assertThat(personOf("m-xue")).isEqualTo(personOf("d-xue"));
		assertThat(personOf("m-shi")).isNotEqualTo(personOf("d-shi"));
		MatchRuns.matchAndWait(this.api, "");
		assertThat(personOf("m-shi")).as("a rejected pair is never linked again").isNotEqualTo(personOf("d-shi"));
		assertThat(this.api.postJson("/api/v1/identity/reviews/" + xue.get("id").asLong() + "/approve", "").status())
			.isEqualTo(400);
	}

	@Test
	void aDetachedAccountStaysApartUntilTheSplitIsReversedEvenWhenItSharesAFullPhone() {
		this.buyers.buyer("mall", "m-wang", "王熙凤", "13800005555", "上海市黄浦区南京东路1号", null)
			.buyer("jd", "j-wang", "王熙凤", "13800005555", "上海市黄浦区南京东路1号", null);
		long person = personOf("m-wang");
		assertThat(personOf("j-wang")).isEqualTo(person);

		var detached = this.identity.detach(this.tenant, accountOf("j-wang"), "test");
		this.buyers.buyer("jd", "j-wang", "王熙凤", "13800005555", "上海市黄浦区南京东路1号", null);
		MatchRuns.matchAndWait(this.api, "");

		assertThat(personOf("j-wang")).isEqualTo(detached.get("newPerson")).isNotEqualTo(personOf("m-wang"));
		assertThat(this.events.stream(PersonSplit.class).filter((e) -> e.personId() == person)).hasSize(1);
		JsonNode identity = this.api.get("/api/v1/persons/" + person + "/identity").json();
		long split = identity.get("splits").get(0).get("id").asLong();

		this.api.postJson("/api/v1/identity/splits/" + split + "/reverse", "{}");

		assertThat(personOf("j-wang")).isEqualTo(personOf("m-wang"));
	}

	@Test
	void aTenantCanStopAnIdentifierKindFromLinking() {
		this.api.putJson("/api/v1/identity/rules",
				"{\"rules\": [{\"kind\": \"phone\", \"links\": false, \"priority\": 2}]}");
		this.buyers.buyer("mall", "m-qin", "秦可卿", "13300006666", null, null)
			.buyer("jd", "j-qin", "秦可卿", "13300006666", null, null);

		assertThat(personOf("m-qin")).isNotEqualTo(personOf("j-qin"));
		assertThat(this.api.get("/api/v1/identity/rules").json().toString())
			.contains("\"kind\":\"phone\",\"links\":false");
	}

	private long personOf(String accountKey) {
		return this.jdbc.sql("select person_id from account where tenant_id = ? and account_key = ?")
			.params(this.tenant.value(), accountKey)
			.query(Long.class)
			.single();
	}

	private long accountOf(String accountKey) {
		return this.jdbc.sql("select id from account where tenant_id = ? and account_key = ?")
			.params(this.tenant.value(), accountKey)
			.query(Long.class)
			.single();
	}

	private static JsonNode linkWithRule(JsonNode identity, String rule) {
		for (JsonNode link : identity.get("links")) {
			if (rule.equals(link.get("rule").asString()) && link.get("endedAt").isNull()) {
				return link;
			}
		}
		throw new AssertionError("no current link with rule " + rule + " in " + identity);
	}

	private static JsonNode reviewOf(JsonNode reviews, long a, long b) {
		for (JsonNode review : reviews) {
			if (review.get("personA").asLong() == Math.min(a, b) && review.get("personB").asLong() == Math.max(a, b)) {
				return review;
			}
		}
		throw new AssertionError("no review of persons " + a + " and " + b + " in " + reviews);
	}

}
