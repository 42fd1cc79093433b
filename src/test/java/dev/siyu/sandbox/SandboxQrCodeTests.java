package dev.siyu.sandbox;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class SandboxQrCodeTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void aChannelCodesQrLinkPointsAtTheSandboxAndServesAnImage() throws Exception {
		try (WeComSandbox sandbox = WeComSandbox.start(0, WeComSandbox.Settings.demo())) {
			sandbox.activity().seed(1, 2, 0, 0, List.of());
			WeComSandbox.Settings settings = sandbox.settings();
			String token = get(sandbox.baseUrl() + "/cgi-bin/gettoken?corpid=" + settings.corpId() + "&corpsecret="
					+ settings.secret())
				.get("access_token")
				.asString();
			HttpRequest add = HttpRequest
				.newBuilder(URI
					.create(sandbox.baseUrl() + "/cgi-bin/externalcontact/add_contact_way?access_token=" + token))
				.POST(HttpRequest.BodyPublishers
					.ofString("{\"type\": 2, \"scene\": 2, \"state\": \"s1\", \"user\": [\"guide01\"]}"))
				.build();
			JsonNode added = JsonMapper.builder()
				.build()
				.readTree(this.http.send(add, HttpResponse.BodyHandlers.ofString()).body());
			String qr = added.get("qr_code").asString();

			assertThat(qr).startsWith(sandbox.baseUrl() + "/qr/");
			HttpResponse<byte[]> image = this.http.send(HttpRequest.newBuilder(URI.create(qr)).build(),
					HttpResponse.BodyHandlers.ofByteArray());
			assertThat(image.statusCode()).isEqualTo(200);
			assertThat(image.headers().firstValue("Content-Type")).hasValue("image/png");
			BufferedImage png = ImageIO.read(new ByteArrayInputStream(image.body()));
			assertThat(png.getWidth()).isEqualTo(png.getHeight()).isGreaterThan(100);
		}
	}

	private JsonNode get(String url) throws Exception {
		return JsonMapper.builder()
			.build()
			.readTree(this.http
				.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
				.body());
	}

}
