package dev.siyu.tags;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import dev.siyu.testing.Api;
import dev.siyu.testing.IntegrationTest;
import dev.siyu.tenant.Tenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalog, tagging by uploaded identifiers, and person-goods matching through the
 * API.
 */
@IntegrationTest
class TaggingApiTests {

	@LocalServerPort
	int port;

	@Autowired
	Tenants tenants;

	@Autowired
	JdbcClient jdbc;

	private Api api;

	private long scope;

	@BeforeEach
	void tenant() {
		var created = this.tenants.create("tag-" + UUID.randomUUID().toString().substring(0, 8), null);
		this.api = new Api(this.port, created.apiKey());
		this.scope = created.tenant().id().value();
	}

	@Test
	void catalogChangesAreAuditedWithBeforeAndAfter() {
		this.api.postJson("/api/v1/tag-groups", "{\"name\": \"消费\", \"owner\": \"ops\"}");
		long id = this.api.postJson("/api/v1/tags", "{\"name\": \"高净值\", \"group\": \"消费\", \"validDays\": 30}")
			.json()
			.get("id")
			.asLong();
		Api.Response duplicate = this.api.postJson("/api/v1/tags", "{\"name\": \"高净值\"}");
		assertThat(duplicate.status()).isEqualTo(400);
		assertThat(duplicate.json().get("error").asString()).isEqualTo("a tag named '高净值' exists already");

		JsonNode audit = this.api.get("/api/v1/tags/" + id + "/audit").json();
		assertThat(audit.get(0).get("action").asString()).isEqualTo("created");
		assertThat(audit.get(0).get("after").get("validDays").asInt()).isEqualTo(30);
		assertThat(this.api.postJson("/api/v1/tags", "{\"name\": \"x\", \"kind\": \"rule\"}").status()).isEqualTo(400);
	}

	@Test
	void anUploadedListTagsWhoItFindsAndSaysWhichLinesFoundNobody(@TempDir Path dir) throws Exception {
		long alice = person();
		long bob = person();
		account(bob, "taobao", "bob_nick");
		long tag = this.api.postJson("/api/v1/tags", "{\"name\": \"名单\"}").json().get("id").asLong();
		Path list = dir.resolve("list.csv");
		Files.writeString(list, "identifier\nperson:" + alice + "\ntaobao:bob_nick\ntaobao:nobody\nhello\n");

		JsonNode answer = this.api.upload("/api/v1/tags/" + tag + "/persons:upload", Map.of(), list).json();

		assertThat(answer.get("changed").asInt()).isEqualTo(2);
		assertThat(answer.get("notFound").get("4").asString()).isEqualTo("no buyer account taobao:nobody");
		assertThat(answer.get("notFound").get("5").asString()).startsWith("not a mobile number");
		JsonNode again = this.api.upload("/api/v1/tags/" + tag + "/persons:upload", Map.of(), list).json();
		assertThat(again.get("changed").asInt()).isZero();
		assertThat(this.api.get("/api/v1/persons/" + bob + "/tag-history").json().size()).isEqualTo(1);
	}

	@Test
	void productsAndPeopleAreMatchedWithReasons() {
		long fan = person();
		long other = person();
		long fanAccount = account(fan, "mall", "fan");
		long otherAccount = account(other, "mall", "other");
		order(fanAccount, "P-1", "CREAM-1", "面霜");
		order(fanAccount, "P-2", "CREAM-1", "面霜");
		order(otherAccount, "P-3", "CREAM-2", "面霜");
		order(otherAccount, "P-4", "LIP-1", "口红");
		long sensitive = this.api.postJson("/api/v1/tags", "{\"name\": \"敏感肌\", \"kind\": \"product\"}")
			.json()
			.get("id")
			.asLong();
		this.api.postJson("/api/v1/product-tags", "{\"tagId\": " + sensitive + ", \"sku\": \"CREAM-2\"}");

		JsonNode forFan = this.api.get("/api/v1/persons/" + fan + "/best-products").json();
		assertThat(forFan.get(0).get("sku").asString()).isIn("CREAM-1", "CREAM-2");
		assertThat(forFan.get(0).get("why").get(0).asString()).startsWith("affinity 2.0");
		JsonNode forCream = this.api.get("/api/v1/products/CREAM-1/best-persons").json();
		assertThat(forCream.get(0).get("personId").asLong()).isEqualTo(fan);
		assertThat(forCream.get(1).get("personId").asLong()).isEqualTo(other);
		assertThat(forCream.size()).isEqualTo(2);
	}

	@Test
	void aProductTagWithoutItsTagIdSaysWhatTheBodyNeeds() {
		var answer = this.api.postJson("/api/v1/product-tags", "{\"name\": \"面霜控\", \"sku\": \"CREAM-1\"}");
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.body()).contains("tagId").contains("sku or category");
	}

	private long person() {
		return this.jdbc.sql("insert into person (tenant_id) values (?) returning id")
			.param(this.scope)
			.query(Long.class)
			.single();
	}

	private long account(long person, String platform, String key) {
		return this.jdbc
			.sql("insert into account (tenant_id, platform, account_key, person_id) values (?, ?, ?, ?) returning id")
			.params(this.scope, platform, key, person)
			.query(Long.class)
			.single();
	}

	private void order(long account, String orderNo, String sku, String category) {
		long id = this.jdbc.sql("""
				insert into orders (tenant_id, platform, order_no, account_id, status, created_at, paid_at, amount,
				                    content_hash)
				values (?, 'mall', ?, ?, 'completed', ?, ?, ?, '\\x00') returning id""")
			.params(this.scope, orderNo, account, OffsetDateTime.now(), OffsetDateTime.now(), new BigDecimal("99.00"))
			.query(Long.class)
			.single();
		this.jdbc
			.sql("""
					insert into order_item (order_id, tenant_id, line_no, sku, category, quantity) values (?, ?, 1, ?, ?, 1)""")
			.params(id, this.scope, sku, category)
			.update();
	}

}
