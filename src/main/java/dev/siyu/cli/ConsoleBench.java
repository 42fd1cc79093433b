package dev.siyu.cli;

import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.siyu.ingest.ImportProgress;
import dev.siyu.ingest.Imports;
import dev.siyu.shared.TenantId;
import dev.siyu.synthetic.GenerationRequest;
import dev.siyu.synthetic.Manifest;
import dev.siyu.synthetic.ManifestFile;
import dev.siyu.synthetic.SyntheticBrand;
import dev.siyu.tenant.Role;
import dev.siyu.tenant.Tenants;
import dev.siyu.tenant.Users;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

@Command(name = "console", mixinStandardHelpOptions = true,
		description = "Serve the console and time its pages for one tenant (an existing one, or N generated customers "
				+ "imported first) as a signed-in owner over loopback, against the sign-in page (no database) "
				+ "as baseline; print median and p95 milliseconds per page.")
class ConsoleBench implements Callable<Integer> {

	private static final Pattern PERSON = Pattern.compile("href=\"/customers/(\\d+)\"");

	@Mixin
	DatabaseOptions database = new DatabaseOptions();

	@Option(names = "--tenant", description = "Time this existing tenant's pages")
	String tenant;

	@Option(names = "--customers", defaultValue = "50000", paramLabel = "N",
			description = "Without --tenant: generate and import N customers first, like the demo (default ${DEFAULT-VALUE})")
	long customers;

	@Option(names = "--requests", defaultValue = "20",
			description = "Timed requests per page (default ${DEFAULT-VALUE})")
	int requests;

	@Option(names = "--json", description = "Print one JSON object as the last line")
	boolean json;

	@Override
	public Integer call() throws Exception {
		Path scratch = null;
		if (this.tenant == null && this.database.dataDir == null && this.database.db == null) {
			scratch = Files.createTempDirectory("siyu-bench-console-");
			this.database.dataDir = scratch.resolve("data");
		}
		try {
			return run();
		}
		finally {
			if (scratch != null) {
				dev.siyu.storage.Folders.delete(scratch);
			}
		}
	}

	private int run() throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("server.port", port);
		properties.put("logging.level.root", "WARN");
		try (ConfigurableApplicationContext context = Application.forServing(this.database, properties)) {
			TenantId tenantId = (this.tenant != null) ? context.getBean(Tenants.class).require(this.tenant).id()
					: generated(context);
			String user = "bench-" + UUID.randomUUID().toString().substring(0, 8);
			String password = UUID.randomUUID().toString();
			context.getBean(Users.class).create(user, "benchmark", password);
			context.getBean(Users.class).grant(user, tenantId, Role.OWNER);
			awaitReactions(context.getBean(JdbcClient.class));
			Client client = new Client(port);
			client.login(user, password);
			Map<String, Object> out = new LinkedHashMap<>();
			out.put("tenant", tenantId.value());
			Map<String, String> pages = pages(client);
			out.put("tenantCustomers",
					context.getBean(JdbcClient.class)
						.sql("select (figures->>'customers')::bigint from tenant_overview where tenant_id = ?")
						.param(tenantId.value())
						.query(Long.class)
						.optional()
						.orElse(0L));
			double baseline = 0;
			for (Map.Entry<String, String> page : pages.entrySet()) {
				double[] millis = time(client, page.getValue());
				double median = percentile(millis, 0.5);
				if (page.getKey().equals("baseline /login")) {
					baseline = median;
				}
				Map<String, Object> figures = new LinkedHashMap<>();
				figures.put("medianMs", round(median));
				figures.put("p95Ms", round(percentile(millis, 0.95)));
				figures.put("maxMs", round(millis[millis.length - 1]));
				figures.put("ratioToBaseline", round(median / Math.max(baseline, 0.001)));
				out.put(page.getKey(), figures);
			}
			Output.result(this.json, out);
		}
		return 0;
	}

	private TenantId generated(ConfigurableApplicationContext context) throws IOException {
		Path files = Files.createTempDirectory("siyu-bench-console-files-");
		try (ProgressBar progress = new ProgressBar()) {
			Manifest manifest = SyntheticBrand.generate(GenerationRequest.of(this.customers, 2026, files),
					written -> progress.update(0.3 * written / Math.max(1, this.customers), "generating"));
			TenantId tenant = context.getBean(Tenants.class)
				.create("bench-console-" + Long.toString(System.currentTimeMillis(), 36), "benchmark")
				.tenant()
				.id();
			int done = 0;
			for (List<ManifestFile> group : manifest.imports()) {
				ManifestFile first = group.get(0);
				List<Path> paths = group.stream().map(file -> files.resolve(file.path())).toList();
				Path mapping = (first.mapping() != null) ? files.resolve(first.mapping()) : null;
				progress.update(0.3 + 0.7 * done++ / manifest.imports().size(), "importing " + first.source());
				context.getBean(Imports.class).importFiles(tenant, first.source(), mapping, paths, ImportProgress.NONE);
			}
			return tenant;
		}
		finally {
			try {
				dev.siyu.storage.Folders.delete(files);
			}
			catch (IOException ex) {
				System.err.println("warning: could not delete " + files);
			}
		}
	}

	/**
	 * Waits until every reaction to past events (search indexes, precomputed overviews)
	 * is done, so that pages are timed as an operator finds them, not while they are
	 * built.
	 */
	private static void awaitReactions(JdbcClient jdbc) throws InterruptedException {
		awaitReactions(jdbc.sql("select count(*) from event_publication where completion_date is null"));
	}

	/**
	 * Waits until every reaction to the events published since the given time is done.
	 */
	static void awaitReactions(JdbcClient jdbc, OffsetDateTime since) throws InterruptedException {
		awaitReactions(jdbc
			.sql("select count(*) from event_publication where completion_date is null and publication_date >= ?")
			.param(since));
	}

	private static void awaitReactions(JdbcClient.StatementSpec pending) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
		while (pending.query(Long.class).single() > 0) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("event reactions still running after 30 minutes");
			}
			Thread.sleep(500);
		}
	}

	/**
	 * The pages to time; a customer is revealed (and audited) to have a phone and name to
	 * search.
	 */
	private static Map<String, String> pages(Client client) throws IOException, InterruptedException {
		Map<String, String> pages = new LinkedHashMap<>();
		pages.put("baseline /login", "/login");
		pages.put("overview", "/");
		String list = client.get("/customers");
		pages.put("customers", "/customers");
		Matcher persons = PERSON.matcher(list);
		String phone = null;
		String name = null;
		String person = null;
		while (persons.find() && phone == null) {
			person = persons.group(1);
			String revealed = client.post("/customers/" + person + "/reveal");
			String clear = between(revealed, "id=\"clear-phone\">", "<");
			if (clear.matches("1[3-9]\\d{9}")) {
				phone = clear;
				name = between(revealed, "id=\"clear-name\">", "<");
			}
		}
		if (person == null) {
			throw new IllegalStateException("the tenant has no customers to time");
		}
		pages.put("customer 360", "/customers/" + person);
		if (phone != null) {
			pages.put("search by phone", "/customers?q=" + phone);
			pages.put("search by name", "/customers?q=" + URLEncoder.encode(name, StandardCharsets.UTF_8));
		}
		pages.put("imports", "/imports");
		pages.put("settings", "/settings");
		pages.put("value", "/value");
		pages.put("value settings", "/settings/value");
		pages.put("tags", "/tags");
		pages.put("audiences", "/audiences");
		pages.put("wecom", "/channels/wecom");
		pages.put("assignment rules", "/channels/wecom/assignment");
		pages.put("identity reviews", "/identity/reviews");
		return pages;
	}

	private double[] time(Client client, String path) throws IOException, InterruptedException {
		for (int i = 0; i < 3; i++) {
			client.get(path);
		}
		double[] millis = new double[this.requests];
		for (int i = 0; i < this.requests; i++) {
			long start = System.nanoTime();
			client.get(path);
			millis[i] = (System.nanoTime() - start) / 1e6;
		}
		Arrays.sort(millis);
		return millis;
	}

	private static double percentile(double[] sorted, double p) {
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
	}

	private static double round(double value) {
		return Math.round(value * 10) / 10.0;
	}

	private static String between(String text, String start, String end) {
		int from = text.indexOf(start);
		if (from < 0) {
			return "";
		}
		from += start.length();
		return text.substring(from, text.indexOf(end, from));
	}

	/** A signed-in browser session without JavaScript. */
	private static final class Client {

		private static final Pattern TOKEN = Pattern
			.compile("name=\"(?:_csrf\" value|csrf-token\" content)=\"([^\"]+)\"");

		private final HttpClient http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();

		private final String base;

		private String token;

		Client(int port) {
			this.base = "http://localhost:" + port;
		}

		void login(String user, String password) throws IOException, InterruptedException {
			get("/login");
			String body = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
					+ URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + this.token;
			HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(this.base + "/login"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(body)));
			String location = response.headers().firstValue("Location").orElse("");
			if (location.contains("error")) {
				throw new IllegalStateException("the benchmark user could not sign in");
			}
		}

		String get(String path) throws IOException, InterruptedException {
			HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(this.base + path)).GET());
			if (response.statusCode() != 200) {
				throw new IllegalStateException("GET " + path + " answered " + response.statusCode());
			}
			Matcher token = TOKEN.matcher(response.body());
			if (token.find()) {
				this.token = token.group(1);
			}
			return response.body();
		}

		String post(String path) throws IOException, InterruptedException {
			return send(HttpRequest.newBuilder(URI.create(this.base + path))
				.header("X-CSRF-TOKEN", this.token)
				.POST(HttpRequest.BodyPublishers.noBody())).body();
		}

		private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}

	}

}
