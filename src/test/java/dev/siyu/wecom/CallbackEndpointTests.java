package dev.siyu.wecom;

import java.time.Duration;
import java.util.UUID;

import dev.siyu.tenant.Tenants;
import dev.siyu.testing.Api;
import dev.siyu.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The callback endpoint of a tenant configured with the corp of the spec's vector set A:
 * the official vectors pass, forged or malformed callbacks leave nothing behind, and
 * retries are logged once.
 */
@IntegrationTest
class CallbackEndpointTests {

	static final String CORP = "ww1436e0e65a779aee";

	@LocalServerPort
	int port;

	@Autowired
	Tenants tenants;

	@Autowired
	JdbcClient jdbc;

	String tenant;

	long tenantId;

	CallbackClient wecom;

	@BeforeEach
	void connectTenantToCorpA() {
		this.tenant = "wecom-" + UUID.randomUUID().toString().substring(0, 8);
		Tenants.CreatedTenant created = this.tenants.create(this.tenant, "callbacks");
		this.tenantId = created.tenant().id().value();
		Api api = new Api(this.port, created.apiKey());
		Api.Response configured = api.postJson("/api/v1/wecom/corp", "{}");
		assertThat(configured.status()).isNotEqualTo(200);
		configured = put(api, """
				{"corpId": "ww1436e0e65a779aee", "token": "hJqcu3uJ9Tn2gXPmxx2w9kkCkCE2EPYo",
				 "aesKey": "6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt", "agentId": 1000002}""");
		assertThat(configured.status()).as(configured.body()).isEqualTo(200);
		// no secret: the API of the real WeCom is never called from tests
		assertThat(configured.json().get("hasSecret").asBoolean()).isFalse();
		assertThat(configured.body()).doesNotContain("hJqcu3uJ9Tn2gXPmxx2w9kkCkCE2EPYo");
		assertThat(this.jdbc.sql("select token_enc from wecom_corp where tenant_id = ?")
			.param(this.tenantId)
			.query(byte[].class)
			.single()).asString().doesNotContain("hJqcu3uJ9Tn2gXPmxx2w9kkCkCE2EPYo");
		this.wecom = new CallbackClient(this.port, this.tenant, CallbackCryptoTests.setA);
	}

	@Test
	void urlCheckAnswersTheDecryptedEchoWithoutAnApiKey() {
		Api.Response response = this.wecom.verifyUrl("012bc692d0a58dd4b10f8dfe5c4ac00ae211ebeb", "1476416373",
				"47744683", CallbackCryptoTests.A1_ECHO);
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("1288432023552776189");
	}

	@Test
	void officialEventVectorIsLoggedOnceHoweverOftenItIsRetried() {
		String body = CallbackCryptoTests.setA.envelope(CallbackCryptoTests.A2_ENCRYPT, "1000002");
		for (int i = 0; i < 3; i++) {
			Api.Response response = this.wecom.raw("0c3914025cb4b4d68103f6bfc8db550f79dcf48e", "1476422779",
					"1597212914", body);
			assertThat(response.status()).isEqualTo(200);
			assertThat(response.body()).isEmpty();
		}
		assertThat(events()).isEqualTo(1);
		assertThat(this.jdbc.sql("select dedup_key from wecom_event where tenant_id = ?")
			.param(this.tenantId)
			.query(String.class)
			.single()).isEqualTo("msg|1456453720");
	}

	@Test
	void forgedSignatureIsRejectedAndLeavesNoEvent() {
		String body = CallbackCryptoTests.setA.envelope(CallbackCryptoTests.A2_ENCRYPT, "1000002");
		Api.Response response = this.wecom.raw("0c3914025cb4b4d68103f6bfc8db550f79dcf48f", "1476422779", "1597212914",
				body);
		assertThat(response.status()).isEqualTo(403);
		assertThat(response.body()).contains("-40001");
		assertThat(events()).isZero();
	}

	@Test
	void eventEncryptedForAnotherCorpIsRejectedEvenWhenSigned() {
		CallbackCrypto otherCorp = new CallbackCrypto("hJqcu3uJ9Tn2gXPmxx2w9kkCkCE2EPYo",
				"6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt", "ww9999999999999999");
		Api.Response response = new CallbackClient(this.port, this.tenant, otherCorp)
			.event(CallbackClient.addContact(CORP, "zhangsan", "wmAAA", null, null, 1_700_000_000));
		assertThat(response.status()).isEqualTo(403);
		assertThat(response.body()).contains("-40005");
		assertThat(events()).isZero();
	}

	@Test
	void malformedBodiesAreRejected() {
		assertThat(this.wecom.raw("x", "1", "2", "not xml").status()).isEqualTo(400);
		assertThat(this.wecom.raw("x", "1", "2", "<xml><ToUserName>ww1436e0e65a779aee</ToUserName></xml>").body())
			.contains("no <Encrypt>");
		assertThat(this.wecom
			.raw("x", "1", "2", "<!DOCTYPE xml [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><xml>&e;</xml>")
			.status()).isEqualTo(400);
		assertThat(this.wecom.event("<xml><MsgType>event</MsgType></xml>").body()).contains("without <Event>");
		assertThat(events()).isZero();
	}

	@Test
	void unknownTenantGetsNotFound() {
		CallbackClient nowhere = new CallbackClient(this.port, "no-such-tenant", CallbackCryptoTests.setA);
		assertThat(nowhere.event("<xml/>").status()).isEqualTo(404);
	}

	@Test
	void addAndDeleteOfAContactAreProcessedIntoFriendships() {
		long now = System.currentTimeMillis() / 1000;
		assertThat(this.wecom.event(CallbackClient.addContact(CORP, "zhangsan", "wmFriend1", "sms-618", null, now))
			.status()).isEqualTo(200);
		assertThat(this.wecom.event(CallbackClient.addContact(CORP, "lisi", "wmFriend1", null, null, now)).status())
			.isEqualTo(200);
		assertThat(this.wecom
			.event(CallbackClient.contactChange(CORP, "del_follow_user", "lisi", "wmFriend1", now + 5, ""))
			.status()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(
					this.jdbc.sql("select count(*) from wecom_event where tenant_id = ? and processed_at is null")
						.param(this.tenantId)
						.query(Long.class)
						.single())
				.isZero());
		assertThat(this.jdbc.sql("""
				select userid || ':' || coalesce(state, '-') || ':' || coalesce(deleted_by, 'active') from wecom_follow
				where tenant_id = ? order by userid""").param(this.tenantId).query(String.class).list())
			.containsExactly("lisi:-:customer", "zhangsan:sms-618:active");
	}

	private long events() {
		return this.jdbc.sql("select count(*) from wecom_event where tenant_id = ?")
			.param(this.tenantId)
			.query(Long.class)
			.single();
	}

	private static Api.Response put(Api api, String json) {
		return api.putJson("/api/v1/wecom/corp", json);
	}

}
