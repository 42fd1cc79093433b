package dev.siyu.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.siyu.storage.DataDirectory;
import dev.siyu.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The commands as a user runs them, on the same data directory as the running test
 * server: they join its embedded PostgreSQL instead of fighting over it.
 */
@IntegrationTest
class CommandLineTests {

	@Autowired
	DataDirectory dataDirectory;

	@TempDir
	Path dir;

	@Test
	void createsATenantImportsGeneratedExportsAndReportsExactCounts() {
		String tenant = "cli-" + UUID.randomUUID().toString().substring(0, 8);
		JsonNode created = json(run("tenant", "create", tenant, "--json"));
		assertThat(created.get("tenant").asString()).isEqualTo(tenant);
		assertThat(created.get("apiKey").asString()).startsWith("sy_");

		JsonNode generated = json(
				run("generate", "--customers", "300", "--seed", "5", "--out", this.dir.toString(), "--json"));
		JsonNode imported = json(
				run("import", "--tenant", tenant, "--source", "jd", "--json", this.dir.resolve(jdFile()).toString()));
		assertThat(imported.get("rejected").asLong()).isZero();
		assertThat(imported.get("imported").asLong()).isPositive();

		JsonNode again = json(
				run("import", "--tenant", tenant, "--source", "jd", "--json", this.dir.resolve(jdFile()).toString()));
		assertThat(again.get("imported").asLong()).isZero();
		assertThat(again.get("unchanged").asLong()).isEqualTo(imported.get("imported").asLong());

		JsonNode stats = json(run("stats", "--tenant", tenant, "--json"));
		assertThat(stats.get("orders").asLong()).isEqualTo(imported.get("imported").asLong());
		assertThat(generated.get("orders").asLong()).isGreaterThanOrEqualTo(stats.get("orders").asLong());
	}

	@Test
	void commandsOfOneTenantNeverTouchAnother() {
		String a = "cli-" + UUID.randomUUID().toString().substring(0, 8);
		String b = "cli-" + UUID.randomUUID().toString().substring(0, 8);
		run("tenant", "create", a, "--json");
		run("tenant", "create", b, "--json");
		Path export = dev.siyu.ingest.TestExports.oneTaobaoOrder(this.dir, "B-1");
		run("import", "--tenant", a, "--source", "taobao", "--json", export.toString());

		assertThat(json(run("stats", "--tenant", b, "--json")).get("orders").asLong()).isZero();
		assertThat(json(run("stats", "--tenant", a, "--json")).get("orders").asLong()).isEqualTo(1);
	}

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Test
	void identityShowExplainsAPersonWithMaskedIdentifiers() {
		String tenant = "cli-" + UUID.randomUUID().toString().substring(0, 8);
		run("tenant", "create", tenant, "--json");
		Path export = dev.siyu.ingest.TestExports.oneTaobaoOrder(this.dir, "ID-1");
		run("import", "--tenant", tenant, "--source", "taobao", "--json", export.toString());
		long person = this.jdbc
			.sql("select a.person_id from account a join tenant t on t.id = a.tenant_id where t.name = ?")
			.param(tenant)
			.query(Long.class)
			.single();

		JsonNode shown = JsonMapper.builder()
			.build()
			.readTree(run("identity", "show", "--tenant", tenant, "" + person));
		JsonNode shownAsJson = json(run("identity", "show", "--tenant", tenant, "--json", "" + person));
		JsonNode matched = json(run("identity", "match", "--tenant", tenant, "--json"));

		assertThat(shown.get("person").asLong()).isEqualTo(person);
		assertThat(shownAsJson).isEqualTo(shown);
		assertThat(shown.get("accounts")).hasSize(1);
		assertThat(shown.get("accounts").get(0).get("platform").asString()).isEqualTo("taobao");
		assertThat(matched.get("persons").asLong()).isEqualTo(1);
	}

	@Test
	void recomputesTheValueScoresOfATenant() {
		String tenant = "cli-" + UUID.randomUUID().toString().substring(0, 8);
		run("tenant", "create", tenant, "--json");
		Path export = dev.siyu.ingest.TestExports.oneTaobaoOrder(this.dir, "V-1");
		run("import", "--tenant", tenant, "--source", "taobao", "--json", export.toString());

		JsonNode refreshed = json(run("value", "refresh", "--tenant", tenant, "--json"));

		assertThat(refreshed.get("buyers").asLong()).isEqualTo(1);
		assertThat(refreshed.get("fitted").asBoolean()).isFalse();
	}

	@Test
	void benchIngestTimesEveryGeneratedOrderAfterItsWarmUp() {
		JsonNode bench = json(run("bench", "ingest", "--orders", "2000", "--warmup", "300", "--json"));

		assertThat(bench.get("orders").asLong()).isEqualTo(2000);
		assertThat(bench.get("rejected").asLong()).isZero();
		assertThat(bench.get("warmupOrders").asLong()).isEqualTo(300);
		assertThat(bench.get("ratio").asDouble()).isPositive();
		assertThat(bench.get("phaseSeconds").has("reading")).isTrue();
	}

	@Test
	void aFailureExitsNonZeroWithOneLineSayingWhy() {
		Result result = runRaw("stats", "--tenant", "no-such-tenant", "--json");

		assertThat(result.code()).isNotZero();
		assertThat(result.err().strip().lines()).hasSize(1);
		assertThat(result.err()).contains("no tenant named 'no-such-tenant'");
	}

	private String jdFile() {
		try (var files = Files.list(this.dir.resolve("jd"))) {
			return "jd/" + files.findFirst().orElseThrow().getFileName();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private String run(String... args) {
		Result result = runRaw(args);
		assertThat(result.code()).as("exit code of %s: %s", String.join(" ", args), result.err()).isZero();
		return result.out();
	}

	private Result runRaw(String... args) {
		List<String> all = new ArrayList<>(List.of(args));
		all.add("--data-dir");
		all.add(this.dataDirectory.path().toString());
		PrintStream out = System.out;
		ByteArrayOutputStream captured = new ByteArrayOutputStream();
		ByteArrayOutputStream capturedErr = new ByteArrayOutputStream();
		var line = SiyuCommand.commandLine();
		line.setErr(new PrintWriter(capturedErr, true, StandardCharsets.UTF_8));
		System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
		try {
			int code = line.execute(all.toArray(String[]::new));
			return new Result(code, captured.toString(StandardCharsets.UTF_8),
					capturedErr.toString(StandardCharsets.UTF_8));
		}
		finally {
			System.setOut(out);
		}
	}

	private static JsonNode json(String output) {
		List<String> lines = output.strip().lines().toList();
		return JsonMapper.builder().build().readTree(lines.get(lines.size() - 1));
	}

	record Result(int code, String out, String err) {
	}

}
