package dev.siyu.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import dev.siyu.wecom.CallbackCrypto;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The second process of {@code bench wecom}: sends N signed, encrypted add-contact
 * callbacks over loopback as WeCom would, then replays some of them (identical retries
 * and re-encrypted copies), and writes what it measured to a file. Needs no database.
 * Each callback is made, encrypted and signed as it is sent, as WeCom does, over
 * keep-alive connections, one per concurrent sender; the baseline pass sends the same
 * kind of callbacks, made the same way, to a path without crypto or database just before
 * the measured pass, so both meet the same machine.
 */
@Command(name = "wecom-sender", hidden = true, description = "Callback sender of 'bench wecom' (its second process).")
class WeComBenchSender implements Callable<Integer> {

	static final String WARM_UP_STATE = "bench-warm-up";

	static final String MEASURED_STATE = "bench";

	@Option(names = "--url", required = true)
	String url;

	@Option(names = "--baseline-url", required = true)
	String baselineUrl;

	@Option(names = "--corp-id", required = true)
	String corpId;

	@Option(names = "--token", required = true)
	String token;

	@Option(names = "--aes-key", required = true)
	String aesKey;

	@Option(names = "--callbacks", required = true)
	int callbacks;

	@Option(names = "--replays", defaultValue = "0")
	int replays;

	@Option(names = "--warm-up", required = true)
	int warmUp;

	@Option(names = "--status-url", required = true)
	URI statusUrl;

	@Option(names = "--api-key", required = true)
	String apiKey;

	@Option(names = "--concurrency", required = true)
	int concurrency;

	@Option(names = "--out", required = true)
	Path out;

	@Override
	public Integer call() throws Exception {
		CallbackCrypto crypto = new CallbackCrypto(this.token, this.aesKey, this.corpId);
		URI target = URI.create(this.url);
		URI baseline = URI.create(this.baselineUrl);
		// warm-up of both paths (JIT, connections, pools), not measured: adds through a
		// code of their own, so logging, welcomes and the sandbox are hot before the
		// clock starts
		send(baseline, new Adds(crypto, WARM_UP_STATE, "WW", this.warmUp));
		send(target, new Adds(crypto, WARM_UP_STATE, "WW", this.warmUp));
		caughtUp();
		// the baseline: the same add events, made the same way, to a path without crypto
		// or database
		Pass base = send(baseline, new Adds(crypto, MEASURED_STATE, "BW", this.callbacks));
		Adds adds = new Adds(crypto, MEASURED_STATE, "BW", this.callbacks);
		Pass pass = send(target, adds);
		// replays: half identical retries, half the same events encrypted and signed anew
		Pass replay = send(target, this.replays, i -> {
			int index = (int) ((long) i * 7919 % this.callbacks);
			return (i % 2 == 0) ? adds.sealed[index] : sealed(crypto, adds.xmls[index]);
		});
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("perSec", pass.perSec());
		result.put("p99Ms", pass.p99Ms());
		result.put("failed", pass.failed() + replay.failed());
		result.put("baselinePerSec", base.perSec());
		result.put("baselineP99Ms", base.p99Ms());
		result.put("replayed", this.replays);
		result.put("warmUps", this.warmUp);
		result.put("sentAtMillis", adds.sentAt);
		Files.writeString(this.out, JsonMapper.builder().build().writeValueAsString(result));
		return 0;
	}

	/**
	 * Waits until the server has applied the warm-up and sent its welcomes: the measured
	 * pass meets a server that is hot and has caught up with what came before.
	 */
	private void caughtUp() throws IOException, InterruptedException {
		HttpClient http = HttpClient.newHttpClient();
		HttpRequest request = HttpRequest.newBuilder(this.statusUrl)
			.header("Authorization", "Bearer " + this.apiKey)
			.build();
		JsonMapper json = JsonMapper.builder().build();
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
		while (System.nanoTime() < deadline) {
			JsonNode status = json.readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
			if (status.path("eventsPending").asLong(-1) == 0 && status.path("welcomesSent").asLong() >= this.warmUp) {
				return;
			}
			Thread.sleep(250);
		}
		throw new IllegalStateException("the server did not catch up with the warm-up within 2 minutes");
	}

	private Pass send(URI target, Adds adds) throws InterruptedException {
		return send(target, adds.xmls.length, adds::next);
	}

	/**
	 * Add events, each made, encrypted and signed as it is sent, as WeCom does, so its
	 * CreateTime is the time it leaves; every pass makes them the same way.
	 */
	private final class Adds {

		private final CallbackCrypto crypto;

		private final String state;

		private final String codePrefix;

		private final String[] xmls;

		private final String[][] sealed;

		private final long[] sentAt;

		Adds(CallbackCrypto crypto, String state, String codePrefix, int count) {
			this.crypto = crypto;
			this.state = state;
			this.codePrefix = codePrefix;
			this.xmls = new String[count];
			this.sealed = new String[count][];
			this.sentAt = new long[count];
		}

		String[] next(int i) {
			this.sentAt[i] = System.currentTimeMillis();
			this.xmls[i] = addEvent(i, this.state, this.codePrefix);
			this.sealed[i] = sealed(this.crypto, this.xmls[i]);
			return this.sealed[i];
		}

	}

	private String addEvent(int i, String state, String codePrefix) {
		return "<xml><ToUserName><![CDATA[" + this.corpId + "]]></ToUserName><FromUserName><![CDATA[sys]]>"
				+ "</FromUserName><CreateTime>" + (System.currentTimeMillis() / 1000)
				+ "</CreateTime><MsgType><![CDATA[event]]></MsgType>"
				+ "<Event><![CDATA[change_external_contact]]></Event>"
				+ "<ChangeType><![CDATA[add_external_contact]]></ChangeType><UserID><![CDATA[guide01]]></UserID>"
				+ "<ExternalUserID><![CDATA[wm" + codePrefix + i + "]]></ExternalUserID><State><![CDATA[" + state
				+ "]]></State><WelcomeCode><![CDATA[" + codePrefix + i + "]]></WelcomeCode></xml>";
	}

	/** The query string and body of one callback. */
	private static String[] sealed(CallbackCrypto crypto, String xml) {
		String encrypted = crypto.encrypt(xml);
		String timestamp = Long.toString(System.currentTimeMillis() / 1000);
		String nonce = Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000L));
		return new String[] { "?msg_signature=" + crypto.signature(timestamp, nonce, encrypted) + "&timestamp="
				+ timestamp + "&nonce=" + nonce, crypto.envelope(encrypted, "1000002") };
	}

	/**
	 * Sends {@code count} callbacks over concurrent keep-alive connections, each made by
	 * {@code callback} just before it is sent.
	 */
	private Pass send(URI target, int count, IntFunction<String[]> callback) throws InterruptedException {
		long[] latencies = new long[count];
		AtomicInteger next = new AtomicInteger();
		AtomicLong failed = new AtomicLong();
		Thread[] threads = new Thread[Math.min(this.concurrency, Math.max(1, count))];
		long start = System.nanoTime();
		for (int t = 0; t < threads.length; t++) {
			threads[t] = new Thread(() -> {
				try (LoopbackHttp http = new LoopbackHttp(target)) {
					for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
						long begin = System.nanoTime();
						String[] sealed = callback.apply(i);
						byte[] request = LoopbackHttp.post(target, target.getRawPath() + sealed[0], "text/xml",
								sealed[1]);
						try {
							if (http.send(request) != 200) {
								failed.incrementAndGet();
							}
						}
						catch (IOException ex) {
							failed.incrementAndGet();
							http.close();
						}
						latencies[i] = System.nanoTime() - begin;
					}
				}
			}, "sender-" + t);
			threads[t].start();
		}
		for (Thread thread : threads) {
			thread.join();
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		Arrays.sort(latencies);
		double p99 = (count > 0) ? latencies[Math.min(count - 1, (int) Math.ceil(count * 0.99) - 1)] / 1e6 : 0;
		return new Pass((count > 0) ? Math.round(count / seconds) : 0, Math.round(p99 * 10) / 10.0, failed.get());
	}

	private record Pass(long perSec, double p99Ms, long failed) {
	}

}
