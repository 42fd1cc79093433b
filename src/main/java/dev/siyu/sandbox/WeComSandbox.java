package dev.siyu.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A WeCom corp on this machine: WeCom's API under {@code /cgi-bin} with access tokens and
 * WeCom's error codes, and callbacks to siyu signed and encrypted as WeCom does. One corp
 * per sandbox.
 */
public final class WeComSandbox implements AutoCloseable {

	static final JsonMapper json = JsonMapper.builder().build();

	private static final String NO_DELAY = "sun.net.httpserver.nodelay";

	private final HttpServer server;

	private final ExecutorService executor;

	private final Settings settings;

	private final SandboxCorp corp = new SandboxCorp();

	private final SandboxApi api;

	private final Map<String, Long> tokens = new ConcurrentHashMap<>();

	private final AtomicLong tokenCalls = new AtomicLong();

	private final AtomicLong apiCalls = new AtomicLong();

	private final SandboxCallbacks callbacks;

	/** The corp's credentials, which siyu is configured with too. */
	public record Settings(String corpId, String secret, String token, String aesKey) {

		/** Fixed credentials for the demo and the benchmark. */
		public static Settings demo() {
			return new Settings("wwsandbox0000demo", "sandbox-secret", "SandboxToken2026",
					"sandboxEncodingAesKey0123456789abcdefghijkl");
		}

	}

	private WeComSandbox(HttpServer server, Settings settings) {
		this.server = server;
		this.settings = settings;
		this.executor = Executors.newFixedThreadPool(16, runnable -> {
			Thread thread = new Thread(runnable, "wecom-sandbox");
			thread.setDaemon(true);
			return thread;
		});
		this.callbacks = new SandboxCallbacks(settings);
		this.api = new SandboxApi(this.corp, this.callbacks, "http://127.0.0.1:" + server.getAddress().getPort());
		server.createContext("/cgi-bin/", this::handle);
		server.createContext("/qr/", this::qrCode);
		server.setExecutor(this.executor);
	}

	/** Starts a sandbox on the loopback interface; port 0 picks a free one. */
	public static WeComSandbox start(int port, Settings settings) {
		// without it the JDK's server lets Nagle's algorithm hold each answer's body
		// until
		// the client's delayed acknowledgement, some 40 ms per call (read once per JVM)
		if (System.getProperty(NO_DELAY) == null) {
			System.setProperty(NO_DELAY, "true");
		}
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 256);
			WeComSandbox sandbox = new WeComSandbox(server, settings);
			server.start();
			return sandbox;
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot start the WeCom sandbox on port " + port + ": " + ex.getMessage(),
					ex);
		}
	}

	public Settings settings() {
		return this.settings;
	}

	/** What siyu uses as the API base of this corp. */
	public String baseUrl() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	public int port() {
		return this.server.getAddress().getPort();
	}

	/** Where callbacks go, e.g. {@code http://127.0.0.1:8080/wecom/callback/demo}. */
	public void sendCallbacksTo(String url) {
		this.callbacks.target(url);
	}

	/** The simulation of customers and staff acting in the WeCom client. */
	public SandboxActivity activity() {
		return new SandboxActivity(this.corp, this.callbacks);
	}

	public long tokenCalls() {
		return this.tokenCalls.get();
	}

	public long apiCalls() {
		return this.apiCalls.get();
	}

	/** Welcome messages received: welcome code -> wall-clock millis of receipt. */
	public Map<String, Long> welcomesReceived() {
		synchronized (this.corp) {
			Map<String, Long> out = new LinkedHashMap<>();
			this.corp.welcomeCodes.values()
				.stream()
				.filter(code -> code.usedAt != 0)
				.forEach(code -> out.put(code.code, code.usedAt));
			return out;
		}
	}

	/** Welcome sends refused because the code was unknown, used already, or too old. */
	public long welcomeRefusals() {
		synchronized (this.corp) {
			return this.corp.welcomeRefusals;
		}
	}

	/** The texts of welcome messages received, by welcome code. */
	public Map<String, String> welcomeTexts() {
		synchronized (this.corp) {
			Map<String, String> out = new LinkedHashMap<>();
			this.corp.welcomeCodes.values()
				.stream()
				.filter(code -> code.text != null)
				.forEach(code -> out.put(code.code, code.text));
			return out;
		}
	}

	private void qrCode(HttpExchange exchange) throws IOException {
		try (exchange) {
			String name = exchange.getRequestURI().getPath().substring("/qr/".length());
			byte[] png = SandboxQrCodes.png(name.replace(".png", ""));
			exchange.getResponseHeaders().set("Content-Type", "image/png");
			exchange.sendResponseHeaders(200, png.length);
			exchange.getResponseBody().write(png);
		}
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			URI uri = exchange.getRequestURI();
			String path = uri.getPath().substring("/cgi-bin".length());
			Map<String, String> query = query(uri.getRawQuery());
			Map<String, Object> answer;
			if (path.equals("/gettoken")) {
				answer = token(query);
			}
			else if (!this.tokens.containsKey(String.valueOf(query.get("access_token")))) {
				answer = SandboxApi.error(42001, "access_token expired or invalid");
			}
			else {
				this.apiCalls.incrementAndGet();
				JsonNode body = readBody(exchange.getRequestBody());
				answer = this.api.answer(path, query, body);
			}
			byte[] bytes = json.writeValueAsBytes(answer);
			exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
			exchange.sendResponseHeaders(200, bytes.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
			}
		}
		catch (RuntimeException ex) {
			byte[] bytes = json.writeValueAsBytes(SandboxApi.error(-1, "system error: " + ex.getMessage()));
			exchange.sendResponseHeaders(200, bytes.length);
			exchange.getResponseBody().write(bytes);
		}
	}

	private Map<String, Object> token(Map<String, String> query) {
		this.tokenCalls.incrementAndGet();
		if (!this.settings.corpId().equals(query.get("corpid"))) {
			return SandboxApi.error(40013, "invalid corpid");
		}
		if (!this.settings.secret().equals(query.get("corpsecret"))) {
			return SandboxApi.error(40001, "invalid credential");
		}
		String token = "sbx-" + Long.toString(System.nanoTime(), 36);
		this.tokens.put(token, System.currentTimeMillis());
		Map<String, Object> out = SandboxApi.ok();
		out.put("access_token", token);
		out.put("expires_in", 7200);
		return out;
	}

	private static JsonNode readBody(InputStream in) throws IOException {
		byte[] bytes = in.readAllBytes();
		return (bytes.length == 0) ? json.createObjectNode() : json.readTree(bytes);
	}

	private static Map<String, String> query(String raw) {
		Map<String, String> out = new LinkedHashMap<>();
		if (raw != null) {
			for (String pair : raw.split("&")) {
				int eq = pair.indexOf('=');
				if (eq > 0) {
					out.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
				}
			}
		}
		return out;
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
		this.callbacks.close();
	}

	List<String> staffIds() {
		synchronized (this.corp) {
			return List.copyOf(this.corp.staff.keySet());
		}
	}

}
