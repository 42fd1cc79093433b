package dev.siyu.wecom;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

import dev.siyu.ingest.ImportProgress;
import dev.siyu.ingest.Imports;
import dev.siyu.ingest.TestExports;
import dev.siyu.sandbox.SandboxActivity;
import dev.siyu.sandbox.WeComSandbox;
import dev.siyu.tenant.Tenants;
import dev.siyu.testing.Api;
import tools.jackson.databind.JsonNode;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The corp of the WeCom integration tests: a fresh sandbox, a new tenant that bought once
 * on Tmall, connected to the sandbox through its API and callbacks, and synced once.
 */
final class ConnectedSandbox {

	final WeComSandbox sandbox;

	final SandboxActivity people;

	final Api api;

	final long tenantId;

	final JsonNode synced;

	private final JdbcClient jdbc;

	private ConnectedSandbox(WeComSandbox sandbox, Api api, long tenantId, JsonNode synced, JdbcClient jdbc) {
		this.sandbox = sandbox;
		this.people = sandbox.activity();
		this.api = api;
		this.tenantId = tenantId;
		this.synced = synced;
		this.jdbc = jdbc;
	}

	/**
	 * Starts a sandbox whose people {@code seed} makes, and a tenant with one Tmall order
	 * of {@code buyer}, whose mobile the seed may give to a friend's remark.
	 */
	static ConnectedSandbox start(ApplicationContext context, int port, Path dir, Consumer<SandboxActivity> seed,
			String orderNo, String buyer, String mobile) {
		return start(context, port, dir, seed, orderNo, buyer, mobile, tenant -> {
		});
	}

	/** As above, with {@code afterImport} run between the import and the connection. */
	static ConnectedSandbox start(ApplicationContext context, int port, Path dir, Consumer<SandboxActivity> seed,
			String orderNo, String buyer, String mobile, LongConsumer afterImport) {
		WeComSandbox sandbox = WeComSandbox.start(0, WeComSandbox.Settings.demo());
		seed.accept(sandbox.activity());
		String name = "sbx-" + UUID.randomUUID().toString().substring(0, 8);
		Tenants.CreatedTenant created = context.getBean(Tenants.class).create(name, "sandbox brand");
		context.getBean(Imports.class)
			.importFiles(created.tenant().id(), "taobao", null,
					List.of(TestExports.oneTaobaoOrder(dir, orderNo, buyer, mobile)), ImportProgress.NONE);
		afterImport.accept(created.tenant().id().value());
		WeComSandbox.Settings corp = sandbox.settings();
		context.getBean(Corps.class)
			.configure(name, new CorpSettings(corp.corpId(), corp.token(), corp.aesKey(), corp.secret(), 1000002,
					sandbox.baseUrl(), 100_000));
		sandbox.sendCallbacksTo("http://127.0.0.1:" + port + "/wecom/callback/" + name);
		Api api = new Api(port, created.apiKey());
		Api.Response sync = api.postJson("/api/v1/wecom/sync", "{}");
		assertThat(sync.status()).as(sync.body()).isEqualTo(200);
		return new ConnectedSandbox(sandbox, api, created.tenant().id().value(), sync.json(),
				context.getBean(JdbcClient.class));
	}

	/**
	 * Stops the sandbox once siyu has nothing left to read from it: no contact or group
	 * waiting for its details, no event waiting to be applied.
	 */
	void stopWhenQuiet() {
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.jdbc.sql("""
					select (select count(*) from wecom_contact where tenant_id = ? and detail_at is null)
					     + (select count(*) from wecom_group where tenant_id = ? and stale and dismissed_at is null)
					     + (select count(*) from wecom_event where tenant_id = ? and processed_at is null)""")
				.params(this.tenantId, this.tenantId, this.tenantId)
				.query(Long.class)
				.single() == 0);
		this.sandbox.close();
	}

}
