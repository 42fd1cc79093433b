package dev.siyu.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.siyu.sandbox.WeComSandbox;
import dev.siyu.shared.TenantId;
import dev.siyu.storage.Folders;
import dev.siyu.tenant.Tenants;
import dev.siyu.wecom.ChannelCodes;
import dev.siyu.wecom.CorpSettings;
import dev.siyu.wecom.Corps;
import dev.siyu.wecom.WeComStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

@Command(name = "wecom", mixinStandardHelpOptions = true,
		description = "Serve siyu with a WeCom sandbox corp; a second process sends N signed, encrypted add-contact "
				+ "callbacks over loopback and replays some; measure intake rate and latency, welcome latency at the "
				+ "sandbox, and count what was lost or processed twice. The baseline is the same requests to a path "
				+ "without crypto or database.")
class WeComBench implements Callable<Integer> {

	private static final int WARM_UPS = 10000;

	@Mixin
	DatabaseOptions database = new DatabaseOptions();

	@Option(names = "--callbacks", defaultValue = "20000", paramLabel = "N",
			description = "Add-contact callbacks to send (default: ${DEFAULT-VALUE})")
	int callbacks;

	@Option(names = "--replays", paramLabel = "N", description = "Callbacks sent again (default: N/5)")
	Integer replays;

	@Option(names = "--concurrency", defaultValue = "64",
			description = "Callbacks in flight at once, as from WeCom's many servers (default: ${DEFAULT-VALUE})")
	int concurrency;

	@Option(names = "--json", description = "Print one JSON object as the last line")
	boolean json;

	@Override
	public Integer call() throws Exception {
		Path work = Files.createTempDirectory("siyu-bench-wecom-");
		if (this.database.dataDir == null && this.database.db == null) {
			this.database.dataDir = work.resolve("data");
		}
		Map<String, Object> quiet = new LinkedHashMap<>();
		quiet.put("server.port", 0);
		quiet.put("logging.level.root", "OFF");
		quiet.put("logging.level.dev.siyu", "ERROR");
		quiet.put("spring.main.log-startup-info", "false");
		try (ProgressBar progress = new ProgressBar();
				WeComSandbox sandbox = WeComSandbox.start(0, WeComSandbox.Settings.demo());
				ConfigurableApplicationContext context = Application.forServing(this.database, quiet)) {
			progress.update(0.05, "preparing");
			int port = context.getEnvironment().getProperty("local.server.port", Integer.class);
			sandbox.activity().seed(1, 2, 0, 0, List.of());
			String name = "bench-" + Long.toString(System.currentTimeMillis(), 36);
			Tenants.CreatedTenant created = context.getBean(Tenants.class).create(name, "WeCom benchmark");
			TenantId tenant = created.tenant().id();
			WeComSandbox.Settings corp = sandbox.settings();
			context.getBean(Corps.class)
				.configure(name, new CorpSettings(corp.corpId(), corp.token(), corp.aesKey(), corp.secret(), 1000002,
						sandbox.baseUrl(), 1_000_000));
			ChannelCodes codes = context.getBean(ChannelCodes.class);
			for (String state : List.of(WeComBenchSender.MEASURED_STATE, WeComBenchSender.WARM_UP_STATE)) {
				codes.create(tenant, new ChannelCodes.NewCode(state, "other", "benchmark", List.of("guide01"),
						"您好，我是{staff}，欢迎！", null));
			}
			List<String> welcomeCodes = new ArrayList<>(this.callbacks + WARM_UPS);
			for (int i = 0; i < this.callbacks; i++) {
				welcomeCodes.add("BW" + i);
			}
			for (int i = 0; i < WARM_UPS; i++) {
				welcomeCodes.add("WW" + i);
			}
			sandbox.activity().acceptWelcomeCodes(welcomeCodes);
			int replays = (this.replays != null) ? this.replays : this.callbacks / 5;
			Path out = work.resolve("sender.json");
			progress.update(0.1, "sending " + this.callbacks + " callbacks from a second process");
			runSender(port, name, created.apiKey(), corp, replays, out);
			progress.update(0.8, "waiting for processing");
			WeComStatus status = context.getBean(WeComStatus.class);
			long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
			int lastWelcomes = -1;
			while (System.nanoTime() < deadline) {
				int welcomes = sandbox.welcomesReceived().size();
				if ((long) status.of(tenant).get("eventsPending") == 0
						&& (welcomes == this.callbacks + WARM_UPS || welcomes == lastWelcomes)) {
					break;
				}
				lastWelcomes = welcomes;
				Thread.sleep(2000);
			}
			progress.close();
			JsonNode sent = JsonMapper.builder().build().readTree(out.toFile());
			// the add events of the measured pass in the log: each once, processed once
			long[] log = new long[2];
			context.getBean(JdbcClient.class)
				.sql("""
						select count(*), coalesce(sum(process_count), 0) from wecom_event
						where tenant_id = ? and change_type = 'add_external_contact' and state = ?""")
				.params(tenant.value(), WeComBenchSender.MEASURED_STATE)
				.query(rs -> {
					log[0] = rs.getLong(1);
					log[1] = rs.getLong(2);
				});
			long events = log[0];
			long processings = log[1];
			long adds = codes.list(tenant)
				.stream()
				.filter(code -> code.get("state").equals(WeComBenchSender.MEASURED_STATE))
				.mapToLong(code -> (long) code.get("adds"))
				.sum();
			Map<String, Long> received = sandbox.welcomesReceived();
			long[] welcomeLatency = new long[received.size()];
			int n = 0;
			for (int i = 0; i < this.callbacks; i++) {
				Long at = received.get("BW" + i);
				if (at != null) {
					welcomeLatency[n++] = at - sent.get("sentAtMillis").get(i).asLong();
				}
			}
			Arrays.sort(welcomeLatency, 0, n);
			Map<String, Object> result = new LinkedHashMap<>();
			result.put("callbacks", this.callbacks);
			result.put("perSec", sent.get("perSec").asLong());
			result.put("p99Ms", sent.get("p99Ms").asDouble());
			result.put("welcomeP99Ms", (n > 0) ? welcomeLatency[Math.min(n - 1, (int) Math.ceil(n * 0.99) - 1)] : null);
			result.put("lost", this.callbacks - Math.min(adds, events));
			result.put("duplicatesProcessed",
					(processings - events) + Math.max(0, events - this.callbacks) + sandbox.welcomeRefusals());
			result.put("replayed", sent.get("replayed").asLong());
			result.put("failedRequests", sent.get("failed").asLong());
			result.put("welcomesSent", n);
			result.put("baselinePerSec", sent.get("baselinePerSec").asLong());
			result.put("baselineP99Ms", sent.get("baselineP99Ms").asDouble());
			result.put("ratio",
					Math.round(sent.get("perSec").asDouble() / sent.get("baselinePerSec").asDouble() * 1000) / 1000.0);
			Output.result(this.json, result);
		}
		finally {
			try {
				Folders.delete(work);
			}
			catch (IOException ex) {
				System.err.println("warning: could not delete " + work + ": " + ex.getMessage());
			}
		}
		return 0;
	}

	private void runSender(int port, String tenant, String apiKey, WeComSandbox.Settings corp, int replays, Path out)
			throws IOException, InterruptedException {
		List<String> command = new ArrayList<>();
		command.add(ProcessHandle.current().info().command().orElse("java"));
		command.add("-Xmx512m");
		String classPath = System.getProperty("java.class.path");
		if (classPath.endsWith(".jar") && !classPath.contains(java.io.File.pathSeparator)) {
			command.add("-jar");
			command.add(classPath);
		}
		else {
			command.add("-cp");
			command.add(classPath);
			command.add(Launcher.class.getName());
		}
		command
			.addAll(List.of("bench", "wecom-sender", "--url", "http://127.0.0.1:" + port + "/wecom/callback/" + tenant,
					"--baseline-url", "http://127.0.0.1:" + port + "/wecom/callback/no-such-tenant-baseline",
					"--corp-id", corp.corpId(), "--token", corp.token(), "--aes-key", corp.aesKey(), "--callbacks",
					Integer.toString(this.callbacks), "--replays", Integer.toString(replays), "--concurrency",
					Integer.toString(this.concurrency), "--warm-up", Integer.toString(WARM_UPS), "--status-url",
					"http://127.0.0.1:" + port + "/api/v1/wecom/status", "--api-key", apiKey, "--out", out.toString()));
		Process sender = new ProcessBuilder(command).inheritIO().start();
		int code = sender.waitFor();
		if (code != 0) {
			throw new IllegalStateException("the callback sender process failed with exit code " + code);
		}
	}

}
