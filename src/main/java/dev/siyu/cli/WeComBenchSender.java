package dev.siyu.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

import dev.siyu.wecom.CallbackCrypto;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;

/**
 * The second process of {@code bench wecom}: sends N signed, encrypted add-contact
 * callbacks over loopback as WeCom would, then replays some of them (identical retries
 * and re-encrypted copies), and writes what it measured to a file. Needs no database.
 */
@Command(name = "wecom-sender", hidden = true, description = "Callback sender of 'bench wecom' (its second process).")
class WeComBenchSender implements Callable<Integer> {

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

	@Option(names = "--concurrency", defaultValue = "32")
	int concurrency;

	@Option(names = "--out", required = true)
	Path out;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	@Override
	public Integer call() throws Exception {
		CallbackCrypto crypto = new CallbackCrypto(this.token, this.aesKey, this.corpId);
		String[] xmls = new String[this.callbacks];
		String[] queries = new String[this.callbacks];
		String[] bodies = new String[this.callbacks];
		long[] sentAt = new long[this.callbacks];
		// warm-up of both JVMs and the connections, not measured
		send(this.baselineUrl, Math.min(1000, this.callbacks), i -> sealed(crypto, "<xml/>", i), false);
		// each callback is made, encrypted and signed when it is sent, as WeCom does
		Pass pass = send(this.url, this.callbacks, i -> {
			sentAt[i] = System.currentTimeMillis();
			xmls[i] = "<xml><ToUserName><![CDATA[" + this.corpId + "]]></ToUserName><FromUserName><![CDATA[sys]]>"
					+ "</FromUserName><CreateTime>" + (sentAt[i] / 1000)
					+ "</CreateTime><MsgType><![CDATA[event]]></MsgType>"
					+ "<Event><![CDATA[change_external_contact]]></Event>"
					+ "<ChangeType><![CDATA[add_external_contact]]></ChangeType><UserID><![CDATA[guide01]]></UserID>"
					+ "<ExternalUserID><![CDATA[wmBench" + i + "]]></ExternalUserID><State><![CDATA[bench]]></State>"
					+ "<WelcomeCode><![CDATA[BW" + i + "]]></WelcomeCode></xml>";
			String[] sealed = sealed(crypto, xmls[i], i);
			queries[i] = sealed[0];
			bodies[i] = sealed[1];
			return sealed;
		}, true);
		// replays: half identical retries, half the same events encrypted and signed anew
		Pass replay = send(this.url, this.replays, i -> {
			int index = (int) ((long) i * 7919 % this.callbacks);
			return (i % 2 == 0) ? new String[] { queries[index], bodies[index] } : sealed(crypto, xmls[index], index);
		}, true);
		// the baseline: the same requests through the same HTTP stack to a path that
		// answers
		// without crypto or database
		Pass baseline = send(this.baselineUrl, this.callbacks, i -> new String[] { queries[i], bodies[i] }, false);
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("perSec", pass.perSec());
		result.put("p99Ms", pass.p99Ms());
		result.put("failed", pass.failed() + replay.failed());
		result.put("baselinePerSec", baseline.perSec());
		result.put("replayed", this.replays);
		result.put("sentAtMillis", sentAt);
		Files.writeString(this.out, JsonMapper.builder().build().writeValueAsString(result));
		return 0;
	}

	/** The query string and body of one callback. */
	private static String[] sealed(CallbackCrypto crypto, String xml, int index) {
		String encrypted = crypto.encrypt(xml);
		String timestamp = Long.toString(System.currentTimeMillis() / 1000);
		String nonce = Long.toString(System.nanoTime() % 1_000_000_000L + index);
		return new String[] { "?msg_signature=" + crypto.signature(timestamp, nonce, encrypted) + "&timestamp="
				+ timestamp + "&nonce=" + nonce, crypto.envelope(encrypted, "1000002") };
	}

	private Pass send(String target, int count, IntFunction<String[]> requests, boolean mustSucceed)
			throws InterruptedException {
		long[] latencies = new long[count];
		AtomicInteger next = new AtomicInteger();
		AtomicLong failed = new AtomicLong();
		ExecutorService pool = Executors.newFixedThreadPool(this.concurrency);
		long start = System.nanoTime();
		for (int t = 0; t < this.concurrency; t++) {
			pool.execute(() -> {
				for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
					long begin = System.nanoTime();
					String[] callback = requests.apply(i);
					HttpRequest request = HttpRequest.newBuilder(URI.create(target + callback[0]))
						.header("Content-Type", "text/xml")
						.POST(HttpRequest.BodyPublishers.ofString(callback[1]))
						.build();
					try {
						HttpResponse<Void> response = this.http.send(request, HttpResponse.BodyHandlers.discarding());
						if (response.statusCode() != 200 && mustSucceed) {
							failed.incrementAndGet();
						}
					}
					catch (IOException ex) {
						failed.incrementAndGet();
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
						return;
					}
					latencies[i] = System.nanoTime() - begin;
				}
			});
		}
		pool.shutdown();
		pool.awaitTermination(10, TimeUnit.MINUTES);
		double seconds = (System.nanoTime() - start) / 1e9;
		Arrays.sort(latencies);
		double p99 = (count > 0) ? latencies[Math.min(count - 1, (int) Math.ceil(count * 0.99) - 1)] / 1e6 : 0;
		return new Pass(Math.round(count / seconds), Math.round(p99 * 10) / 10.0, failed.get());
	}

	private record Pass(long perSec, double p99Ms, long failed) {
	}

}
