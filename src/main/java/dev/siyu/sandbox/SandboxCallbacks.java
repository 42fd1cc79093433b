package dev.siyu.sandbox;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import dev.siyu.wecom.CallbackCrypto;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes callbacks to siyu in the order they happen, encrypted and signed with the corp's
 * token and key; like WeCom, retries up to 3 times when siyu does not answer 200.
 */
final class SandboxCallbacks implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(SandboxCallbacks.class);

	private final WeComSandbox.Settings settings;

	private final CallbackCrypto crypto;

	private final HttpClient http = HttpClient.newHttpClient();

	private final ExecutorService sender = Executors.newSingleThreadExecutor(runnable -> {
		Thread thread = new Thread(runnable, "wecom-sandbox-callbacks");
		thread.setDaemon(true);
		return thread;
	});

	private final AtomicLong delivered = new AtomicLong();

	private volatile String target;

	SandboxCallbacks(WeComSandbox.Settings settings) {
		this.settings = settings;
		this.crypto = new CallbackCrypto(settings.token(), settings.aesKey(), settings.corpId());
	}

	void target(String url) {
		this.target = url;
	}

	long delivered() {
		return this.delivered.get();
	}

	void contactEvent(String change, String userId, String externalUserId, String extra) {
		push("<xml><ToUserName><![CDATA[" + this.settings.corpId() + "]]></ToUserName>"
				+ "<FromUserName><![CDATA[sys]]></FromUserName><CreateTime>" + now() + "</CreateTime>"
				+ "<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[change_external_contact]]></Event>"
				+ "<ChangeType><![CDATA[" + change + "]]></ChangeType><UserID><![CDATA[" + userId + "]]></UserID>"
				+ "<ExternalUserID><![CDATA[" + externalUserId + "]]></ExternalUserID>" + extra + "</xml>");
	}

	void transferFailed(String takeover, String externalUserId, String reason) {
		contactEvent("transfer_fail", takeover, externalUserId, "<FailReason><![CDATA[" + reason + "]]></FailReason>");
	}

	void chatEvent(String chatId, String change, String extra) {
		push("<xml><ToUserName><![CDATA[" + this.settings.corpId() + "]]></ToUserName>"
				+ "<FromUserName><![CDATA[sys]]></FromUserName><CreateTime>" + now() + "</CreateTime>"
				+ "<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[change_external_chat]]></Event>"
				+ "<ChatId><![CDATA[" + chatId + "]]></ChatId><ChangeType><![CDATA[" + change + "]]></ChangeType>"
				+ extra + "</xml>");
	}

	void tagEvent(String change, String tagId) {
		push("<xml><ToUserName><![CDATA[" + this.settings.corpId() + "]]></ToUserName>"
				+ "<FromUserName><![CDATA[sys]]></FromUserName><CreateTime>" + now() + "</CreateTime>"
				+ "<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[change_external_tag]]></Event>" + "<Id><![CDATA["
				+ tagId + "]]></Id><TagType><![CDATA[tag]]></TagType>" + "<ChangeType><![CDATA[" + change
				+ "]]></ChangeType></xml>");
	}

	private void push(String xml) {
		String url = this.target;
		if (url == null) {
			return;
		}
		this.sender.execute(() -> deliver(url, xml));
	}

	private void deliver(String url, String xml) {
		String encrypted = this.crypto.encrypt(xml);
		String timestamp = Long.toString(now());
		String nonce = Long.toString(System.nanoTime() % 1_000_000_000L);
		String signature = this.crypto.signature(timestamp, nonce, encrypted);
		HttpRequest request = HttpRequest
			.newBuilder(URI.create(url + "?msg_signature=" + signature + "&timestamp=" + timestamp + "&nonce=" + nonce))
			.header("Content-Type", "text/xml")
			.POST(HttpRequest.BodyPublishers.ofString(this.crypto.envelope(encrypted, "1000002")))
			.build();
		for (int attempt = 1; attempt <= 4; attempt++) {
			try {
				HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == 200) {
					this.delivered.incrementAndGet();
					return;
				}
				log.warn("siyu answered {} to a sandbox callback: {}", response.statusCode(), response.body());
			}
			catch (IOException ex) {
				log.debug("sandbox callback to {} failed: {}", url, ex.toString());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private static long now() {
		return System.currentTimeMillis() / 1000;
	}

	@Override
	public void close() {
		this.sender.shutdownNow();
	}

}
