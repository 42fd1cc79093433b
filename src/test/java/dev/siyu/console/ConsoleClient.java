package dev.siyu.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without JavaScript: keeps the session cookie, signs in with the login form
 * and sends the CSRF token the pages carry, as a person's browser would.
 */
public final class ConsoleClient {

	private static final Pattern FORM_TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final Pattern META_TOKEN = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"");

	private final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private final String base;

	private String csrf;

	public ConsoleClient(int port) {
		this.base = "http://localhost:" + port;
	}

	/** Signs in; answers where the login sent the browser. */
	public String login(String username, String password) {
		Page form = get("/login");
		Matcher token = FORM_TOKEN.matcher(form.body());
		if (!token.find()) {
			throw new IllegalStateException("the login form has no CSRF token");
		}
		Page result = post("/login", Map.of("username", username, "password", password, "_csrf", token.group(1)));
		return result.location();
	}

	public Page get(String path) {
		Page page = send(HttpRequest.newBuilder(URI.create(this.base + path)).GET());
		Matcher token = META_TOKEN.matcher(page.body());
		if (token.find()) {
			this.csrf = token.group(1);
		}
		return page;
	}

	/** A form post with the CSRF token of the last page read. */
	public Page submit(String path, Map<String, String> fields) {
		Map<String, String> withToken = new LinkedHashMap<>(fields);
		if (this.csrf != null) {
			withToken.put("_csrf", this.csrf);
		}
		return post(path, withToken);
	}

	public Page post(String path, Map<String, String> fields) {
		String body = fields.entrySet()
			.stream()
			.map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	private Page send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = this.http.send(request.build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new Page(response.statusCode(), response.body(),
					response.headers().firstValue("Location").orElse(null));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** A response: status, HTML, and where a redirect points. */
	public record Page(int status, String body, String location) {
	}

}
