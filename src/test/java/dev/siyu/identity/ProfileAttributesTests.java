package dev.siyu.identity;

import java.util.UUID;

import dev.siyu.ingest.Imports;
import dev.siyu.shared.TenantId;
import dev.siyu.tenant.Tenants;
import dev.siyu.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Gender and birth date given by platforms reach the person's profile by survivorship
 * (the value most of the person's accounts gave), normalised, with their source, and
 * never link strangers who share them.
 */
@IntegrationTest
class ProfileAttributesTests {

	@Autowired
	Imports imports;

	@Autowired
	Tenants tenants;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PersonIdentity identity;

	@Autowired
	ProbabilisticLinking linking;

	@Test
	void theGenderAndBirthDateMostOftenGivenWinAndStrangersSharingThemStayApart() {
		TenantId tenant = this.tenants.create("pa-" + UUID.randomUUID().toString().substring(0, 8), null).tenant().id();
		new Buyers(this.imports, tenant).buyerWithProfile("mall", "m-wang", "王熙凤", "13700001111", "女", "1990/5/17")
			.buyerWithProfile("mall", "m-wang", "王熙凤", "13700001111", "female", "1990年5月17日")
			.buyerWithProfile("douyin", "d-wang", "王熙凤", "13700001111", "F", "19900517")
			.buyerWithProfile("jd", "j-wang", "王熙凤", "13700001111", "男", "1991-05-17")
			.buyerWithProfile("mall", "m-li", "李纨", "13800002222", "女", "1990-05-17");

		this.linking.run(tenant, "test");

		long wang = personOf(tenant, "m-wang");
		assertThat(personOf(tenant, "j-wang")).isEqualTo(wang).isEqualTo(personOf(tenant, "d-wang"));
		assertThat(personOf(tenant, "m-li")).isNotEqualTo(wang);
		JsonNode profile = tenantProfile(tenant, wang);
		assertThat(profile.get("gender").asString()).isEqualTo("female");
		assertThat(profile.get("birthday").asString()).isEqualTo("1990-05-17");
		assertThat(profile.get("sources").get("gender").get("rule").asString()).isEqualTo("most_frequent");
		assertThat(profile.get("sources").get("birth_date").get("seen").asInt()).isEqualTo(2);
	}

	private JsonNode tenantProfile(TenantId tenant, long person) {
		return tools.jackson.databind.json.JsonMapper.builder()
			.build()
			.valueToTree(this.identity.explain(tenant, person))
			.get("profile");
	}

	private long personOf(TenantId tenant, String accountKey) {
		return this.jdbc.sql("select person_id from account where tenant_id = ? and account_key = ?")
			.params(tenant.value(), accountKey)
			.query(Long.class)
			.single();
	}

}
