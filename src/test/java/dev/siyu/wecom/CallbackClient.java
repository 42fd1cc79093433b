package dev.siyu.wecom;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import dev.siyu.testing.Api;

/** Sends callbacks to the test server as a corp's WeCom would: signed and encrypted. */
final class CallbackClient {

	private final HttpClient http = HttpClient.newHttpClient();

	private final String url;

	private final CallbackCrypto crypto;

	CallbackClient(int port, String tenant, CallbackCrypto crypto) {
		this.url = "http://localhost:" + port + "/wecom/callback/" + tenant;
		this.crypto = crypto;
	}

	Api.Response verifyUrl(String signature, String timestamp, String nonce, String echostr) {
		return send(HttpRequest
			.newBuilder(URI.create(this.url + "?msg_signature=" + signature + "&timestamp=" + timestamp + "&nonce="
					+ nonce + "&echostr=" + URLEncoder.encode(echostr, StandardCharsets.UTF_8)))
			.GET());
	}

	/** Encrypts and signs the event as WeCom does. */
	Api.Response event(String xml) {
		String encrypted = this.crypto.encrypt(xml);
		String timestamp = Long.toString(System.currentTimeMillis() / 1000);
		return raw(this.crypto.signature(timestamp, "4711", encrypted), timestamp, "4711",
				this.crypto.envelope(encrypted, "1000002"));
	}

	Api.Response raw(String signature, String timestamp, String nonce, String body) {
		return send(HttpRequest
			.newBuilder(URI
				.create(this.url + "?msg_signature=" + signature + "&timestamp=" + timestamp + "&nonce=" + nonce))
			.header("Content-Type", "text/xml")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	private Api.Response send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = this.http.send(request.build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new Api.Response(response.statusCode(), response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static String addContact(String corp, String user, String external, String state, String welcomeCode, long at) {
		return "<xml><ToUserName><![CDATA[" + corp + "]]></ToUserName><FromUserName><![CDATA[sys]]></FromUserName>"
				+ "<CreateTime>" + at + "</CreateTime><MsgType><![CDATA[event]]></MsgType>"
				+ "<Event><![CDATA[change_external_contact]]></Event><ChangeType><![CDATA[add_external_contact]]></ChangeType>"
				+ "<UserID><![CDATA[" + user + "]]></UserID><ExternalUserID><![CDATA[" + external
				+ "]]></ExternalUserID>" + ((state != null) ? "<State><![CDATA[" + state + "]]></State>" : "")
				+ ((welcomeCode != null) ? "<WelcomeCode><![CDATA[" + welcomeCode + "]]></WelcomeCode>" : "")
				+ "</xml>";
	}

	static String contactChange(String corp, String change, String user, String external, long at, String extra) {
		return "<xml><ToUserName><![CDATA[" + corp + "]]></ToUserName><FromUserName><![CDATA[sys]]></FromUserName>"
				+ "<CreateTime>" + at + "</CreateTime><MsgType><![CDATA[event]]></MsgType>"
				+ "<Event><![CDATA[change_external_contact]]></Event><ChangeType><![CDATA[" + change
				+ "]]></ChangeType>" + "<UserID><![CDATA[" + user + "]]></UserID><ExternalUserID><![CDATA[" + external
				+ "]]></ExternalUserID>" + extra + "</xml>";
	}

}
