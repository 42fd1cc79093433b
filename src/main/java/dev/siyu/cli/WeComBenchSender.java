package dev.siyu.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import dev.siyu.wecom.CallbackCrypto;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;

/**
 * The second process of {@code bench wecom}: sends N signed, encrypted add-contact
 * callbacks over loopback as WeCom would, then replays some of them (identical retries
 * and re-encrypted copies), and writes what it measured to a file. Needs no database.
 * Callbacks are encrypted before the clock starts (WeCom encrypts on its own servers) and
 * sent over keep-alive connections, one per concurrent sender; the baseline pass sends
 * the same bytes to a path without crypto or database just before the measured pass, so
 * both meet the same machine.
 */
@Command(name = "wecom-sender", hidden = true, description = "Callback sender of 'bench wecom' (its second process).")
class WeComBenchSender implements Callable<Integer> {

	static final String WARM_UP_EVENT = "siyu_bench_warm_up";

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

	@Option(names = "--warm-up", defaultValue = "1000")
	int warmUp;

	@Option(names = "--concurrency", defaultValue = "32")
	int concurrency;

	@Option(names = "--out", required = true)
	Path out;

	@Override
	public Integer call() throws Exception {
		CallbackCrypto crypto = new CallbackCrypto(this.token, this.aesKey, this.corpId);
		URI target = URI.create(this.url);
		URI baseline = URI.create(this.baselineUrl);
		long[] sentAt = new long[this.callbacks];
		// warm-up of both paths (JIT, connections, pools), not measured: events no
		// handler
		// acts on
		String[][] warmUps = new String[this.warmUp][];
		for (int i = 0; i < this.warmUp; i++) {
			warmUps[i] = sealed(crypto, warmUpEvent(System.currentTimeMillis() / 1000, i), i);
		}
		send(requests(baseline, warmUps), null);
		send(requests(target, warmUps), null);
		// the baseline: add events like the measured ones, to a path without crypto or
		// database
		Pass base = send(requests(baseline, addEvents(crypto).sealed()), null);
		// each event is made and encrypted just before its pass, so its CreateTime is
		// fresh, as WeCom's are
		AddEvents adds = addEvents(crypto);
		byte[][] requests = requests(target, adds.sealed());
		Pass pass = send(requests, sentAt);
		// replays: half identical retries, half the same events encrypted and signed anew
		String[][] replayed = new String[this.replays][];
		for (int i = 0; i < this.replays; i++) {
			int index = (int) ((long) i * 7919 % this.callbacks);
			replayed[i] = (i % 2 == 0) ? adds.sealed()[index] : sealed(crypto, adds.xmls()[index], index);
		}
		Pass replay = send(requests(target, replayed), null);
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("perSec", pass.perSec());
		result.put("p99Ms", pass.p99Ms());
		result.put("failed", pass.failed() + replay.failed());
		result.put("baselinePerSec", base.perSec());
		result.put("baselineP99Ms", base.p99Ms());
		result.put("replayed", this.replays);
		result.put("warmUps", this.warmUp);
		result.put("sentAtMillis", sentAt);
		Files.writeString(this.out, JsonMapper.builder().build().writeValueAsString(result));
		return 0;
	}

	private AddEvents addEvents(CallbackCrypto crypto) {
		long now = System.currentTimeMillis() / 1000;
		String[] xmls = new String[this.callbacks];
		String[][] sealed = new String[this.callbacks][];
		for (int i = 0; i < this.callbacks; i++) {
			xmls[i] = addEvent(now, i);
			sealed[i] = sealed(crypto, xmls[i], i);
		}
		return new AddEvents(xmls, sealed);
	}

	private record AddEvents(String[] xmls, String[][] sealed) {
	}

	private String addEvent(long createTime, int i) {
		return "<xml><ToUserName><![CDATA[" + this.corpId + "]]></ToUserName><FromUserName><![CDATA[sys]]>"
				+ "</FromUserName><CreateTime>" + createTime + "</CreateTime><MsgType><![CDATA[event]]></MsgType>"
				+ "<Event><![CDATA[change_external_contact]]></Event>"
				+ "<ChangeType><![CDATA[add_external_contact]]></ChangeType><UserID><![CDATA[guide01]]></UserID>"
				+ "<ExternalUserID><![CDATA[wmBench" + i + "]]></ExternalUserID><State><![CDATA[bench]]></State>"
				+ "<WelcomeCode><![CDATA[BW" + i + "]]></WelcomeCode></xml>";
	}

	private String warmUpEvent(long createTime, int i) {
		return "<xml><ToUserName><![CDATA[" + this.corpId + "]]></ToUserName><FromUserName><![CDATA[sys]]>"
				+ "</FromUserName><CreateTime>" + createTime + "</CreateTime><MsgType><![CDATA[event]]></MsgType>"
				+ "<Event><![CDATA[" + WARM_UP_EVENT + "]]></Event><UserID><![CDATA[guide01]]></UserID>"
				+ "<ExternalUserID><![CDATA[wmWarm" + i + "]]></ExternalUserID></xml>";
	}

	/** The query string and body of one callback. */
	private static String[] sealed(CallbackCrypto crypto, String xml, int index) {
		String encrypted = crypto.encrypt(xml);
		String timestamp = Long.toString(System.currentTimeMillis() / 1000);
		String nonce = Long.toString(System.nanoTime() % 1_000_000_000L + index);
		return new String[] { "?msg_signature=" + crypto.signature(timestamp, nonce, encrypted) + "&timestamp="
				+ timestamp + "&nonce=" + nonce, crypto.envelope(encrypted, "1000002") };
	}

	private static byte[][] requests(URI target, String[][] callbacks) {
		byte[][] requests = new byte[callbacks.length][];
		for (int i = 0; i < callbacks.length; i++) {
			requests[i] = LoopbackHttp.post(target, target.getRawPath() + callbacks[i][0], "text/xml", callbacks[i][1]);
		}
		return requests;
	}

	/** Sends all requests over concurrent keep-alive connections. */
	private Pass send(byte[][] requests, long[] sentAt) throws InterruptedException {
		int count = requests.length;
		long[] latencies = new long[count];
		AtomicInteger next = new AtomicInteger();
		AtomicLong failed = new AtomicLong();
		URI target = URI.create(this.url);
		Thread[] threads = new Thread[Math.min(this.concurrency, Math.max(1, count))];
		long start = System.nanoTime();
		for (int t = 0; t < threads.length; t++) {
			threads[t] = new Thread(() -> {
				try (LoopbackHttp http = new LoopbackHttp(target)) {
					for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
						long begin = System.nanoTime();
						if (sentAt != null) {
							sentAt[i] = System.currentTimeMillis();
						}
						try {
							if (http.send(requests[i]) != 200) {
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
