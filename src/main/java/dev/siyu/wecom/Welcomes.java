package dev.siyu.wecom;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;

import dev.siyu.shared.TenantId;
import me.chanjar.weixin.cp.bean.external.WxCpWelcomeMsg;
import me.chanjar.weixin.cp.bean.external.msg.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Welcome messages: a new friend who came through a channel code with a template is
 * greeted with send_welcome_msg. WeCom accepts a welcome code once, within 20 s of the
 * add, so the send starts as soon as the add is logged, not when the processor reaches
 * it; a row per welcome code makes it happen at most once, and a code that is missing,
 * late or refused is recorded and never retried.
 */
@Component
@ConditionalOnWebApplication
class Welcomes implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(Welcomes.class);

	private static final long RECORD_EVERY_MILLIS = 200;

	private final JdbcClient jdbc;

	private final Corps corps;

	private final WeComApi api;

	private final Duration window;

	private final ExecutorService senders;

	private final ExecutorService claimer;

	private final BlockingQueue<Delivered> outcomes = new LinkedBlockingQueue<>();

	private final Thread recorder;

	/**
	 * Welcome codes the fast lane claimed lately: the processor, reaching their adds
	 * later, need not ask the database again. After a restart it does, and finds them
	 * claimed there.
	 */
	private final Map<String, Long> claimedByFastLane = new ConcurrentHashMap<>();

	private volatile long lastForget = System.nanoTime();

	Welcomes(JdbcClient jdbc, Corps corps, WeComApi api, EventLog eventLog,
			@Value("${siyu.wecom.welcome-window:20s}") Duration window,
			@Value("${siyu.wecom.welcome-senders:24}") int senders) {
		this.jdbc = jdbc;
		this.corps = corps;
		this.api = api;
		this.window = window;
		this.senders = Executors.newFixedThreadPool(senders, runnable -> {
			Thread thread = new Thread(runnable, "wecom-welcome");
			thread.setDaemon(true);
			return thread;
		});
		this.claimer = Executors.newFixedThreadPool(2, runnable -> {
			Thread thread = new Thread(runnable, "wecom-welcome-claim");
			thread.setDaemon(true);
			return thread;
		});
		this.recorder = new Thread(this::recordOutcomes, "wecom-welcome-record");
		this.recorder.setDaemon(true);
		this.recorder.start();
		eventLog.onLogged(this::fastLane);
	}

	/**
	 * The adds of one commit are claimed in one statement, then each is sent by its own
	 * sender at once, so one slow answer from WeCom holds up no other welcome.
	 */
	private void fastLane(List<EventLog.Logged> logged) {
		Map<TenantId, List<CallbackEvent>> adds = new LinkedHashMap<>();
		for (EventLog.Logged entry : logged) {
			CallbackEvent event = entry.event();
			if (isAdd(event) && event.welcomeCode() != null && event.state() != null) {
				adds.computeIfAbsent(entry.tenant(), tenant -> new ArrayList<>()).add(event);
			}
		}
		adds.forEach((tenant, events) -> this.claimer.execute(() -> {
			try {
				sendInParallel(tenant, events);
			}
			catch (RuntimeException ex) {
				log.warn("Welcomes for {} new friends failed: {}", events.size(), ex.toString());
			}
		}));
	}

	private void sendInParallel(TenantId tenant, List<CallbackEvent> events) {
		List<Claim> claims = claim(tenant, events);
		if (claims.isEmpty()) {
			return;
		}
		Map<String, CallbackEvent> byCode = byCode(events);
		Corp corp = this.corps.require(tenant);
		for (Claim claim : claims) {
			this.claimedByFastLane.put(tenant.value() + "/" + claim.welcomeCode(), System.nanoTime());
			this.senders.execute(() -> {
				Outcome outcome;
				try {
					outcome = deliver(corp, claim, byCode.get(claim.welcomeCode()));
				}
				catch (RuntimeException ex) {
					outcome = new Outcome("failed", "not sent: " + ex.getMessage());
				}
				this.outcomes.add(new Delivered(claim, outcome));
			});
		}
		forgetOldClaims();
	}

	/**
	 * Records what became of sent welcomes, many at a time: the status of a welcome
	 * matters to no one within a fraction of a second, and one statement for hundreds of
	 * sends costs the database far less than one for each.
	 */
	private void recordOutcomes() {
		List<Delivered> batch = new ArrayList<>();
		while (!Thread.currentThread().isInterrupted()) {
			try {
				Delivered first = this.outcomes.take();
				Thread.sleep(RECORD_EVERY_MILLIS);
				batch.add(first);
				this.outcomes.drainTo(batch, 5000);
				record(batch.stream().map(Delivered::claim).toList(), batch.stream().map(Delivered::outcome).toList());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			catch (RuntimeException ex) {
				log.warn("Recording {} welcomes failed (they stay 'sending'): {}", batch.size(), ex.toString());
			}
			batch.clear();
		}
	}

	/**
	 * Drops claims older than twice the welcome window, at most once per window: during a
	 * long burst every entry may be young, and scanning them after each commit would cost
	 * more than the look-ups save.
	 */
	private void forgetOldClaims() {
		long now = System.nanoTime();
		if (this.claimedByFastLane.size() > 100_000 && now - this.lastForget > this.window.toNanos()) {
			this.lastForget = now;
			long old = now - 2 * this.window.toNanos();
			this.claimedByFastLane.values().removeIf(at -> at < old);
		}
	}

	/**
	 * Called when the processor applies an add: records a missing welcome code, and sends
	 * a welcome the fast lane did not get to (after a restart, say) if it is still in
	 * time.
	 */
	void afterAdd(TenantId tenant, CallbackEvent event) {
		if (event.welcomeCode() == null) {
			if (template(tenant, event.state()).isPresent()) {
				log.info(
						"WeCom add of {} by {} through '{}' came without a welcome code (a welcome message is set in "
								+ "the admin console, or a chat had started): nothing sent",
						event.externalUserId(), event.userId(), event.state());
				record(tenant, event, "missing_code", "the add event carried no WelcomeCode");
			}
			return;
		}
		send(tenant, event);
	}

	void send(TenantId tenant, CallbackEvent event) {
		if (event.state() == null
				|| this.claimedByFastLane.remove(tenant.value() + "/" + event.welcomeCode()) != null) {
			return;
		}
		List<Claim> claims = claim(tenant, List.of(event));
		if (!claims.isEmpty()) {
			Corp corp = this.corps.require(tenant);
			record(claims, claims.stream().map(claim -> deliver(corp, claim, event)).toList());
		}
	}

	private static Map<String, CallbackEvent> byCode(List<CallbackEvent> events) {
		Map<String, CallbackEvent> byCode = new HashMap<>();
		events.forEach(event -> byCode.putIfAbsent(event.welcomeCode(), event));
		return byCode;
	}

	/**
	 * What became of claimed welcomes, in one statement committed without waiting for the
	 * disk.
	 */
	private void record(List<Claim> claims, List<Outcome> outcomes) {
		int n = claims.size();
		long[] ids = new long[n];
		String[] statuses = new String[n];
		String[] details = new String[n];
		for (int i = 0; i < n; i++) {
			ids[i] = claims.get(i).id();
			statuses[i] = outcomes.get(i).status();
			details[i] = outcomes.get(i).detail();
		}
		this.jdbc.sql("""
				update wecom_welcome w set status = o.status, detail = o.detail,
				  sent_at = case when o.status = 'sent' then now() end,
				  latency_ms = case when o.status = 'sent' then (extract(epoch from now() - w.event_at) * 1000)::int end
				from unnest(?::bigint[], ?::text[], ?::text[]) as o(id, status, detail),
				     (select set_config('synchronous_commit', 'off', true)) as quick
				where w.id = o.id""").params(ids, statuses, details).update();
	}

	/** Sends one claimed welcome; what happened. */
	private Outcome deliver(Corp corp, Claim claim, CallbackEvent event) {
		if (Duration.between(event.at(), Instant.now()).compareTo(this.window) > 0) {
			log.info("Welcome code of {} expired before it could be used: not sent", event.externalUserId());
			return new Outcome("expired", "more than " + this.window.toSeconds() + " s after the add");
		}
		if (claim.optedOut()) {
			return new Outcome("opted_out", "the customer asked not to receive marketing");
		}
		Template template = claim.template();
		String text = template.render(nickname(corp, template, event), claim.staff());
		try {
			this.api.call(corp, service -> {
				service.getExternalContactService()
					.sendWelcomeMsg(WxCpWelcomeMsg.builder()
						.welcomeCode(event.welcomeCode())
						.text(new Text().setContent(text))
						.build());
				return null;
			});
			return new Outcome("sent", text.length() + " characters");
		}
		catch (WeComApiException ex) {
			log.info("WeCom refused the welcome for {}: {} (not retried)", event.externalUserId(), ex.getMessage());
			return new Outcome("failed", ex.getMessage());
		}
		catch (RuntimeException ex) {
			// the send may have reached WeCom: the code stays claimed and is not tried
			// again
			log.warn("Welcome for {} broke off: {} (not retried)", event.externalUserId(), ex.toString());
			return new Outcome("failed", "interrupted: " + ex.getMessage());
		}
	}

	private record Outcome(String status, String detail) {
	}

	private record Delivered(Claim claim, Outcome outcome) {
	}

	/**
	 * Claims the welcome codes of the adds that have a template, in one statement that
	 * commits without waiting for the disk: if a crash loses a claim, WeCom refuses the
	 * used code (41051) and the second attempt is recorded as failed, never sent twice.
	 * Inside the processor's transaction it joins that one.
	 */
	private List<Claim> claim(TenantId tenant, List<CallbackEvent> events) {
		// one round trip for many adds: the template of each code, the claim of each
		// welcome code (once only), consent and the staff member's name
		int n = events.size();
		String[] codes = new String[n];
		String[] users = new String[n];
		String[] externals = new String[n];
		String[] states = new String[n];
		long[] at = new long[n];
		for (int i = 0; i < n; i++) {
			CallbackEvent event = events.get(i);
			codes[i] = event.welcomeCode();
			users[i] = event.userId();
			externals[i] = event.externalUserId();
			states[i] = event.state();
			at[i] = event.createTime();
		}
		long id = tenant.value();
		return this.jdbc.sql("""
				with input as (
				  select * from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[])
				    as i(code, userid, external_userid, state, at)),
				claim as (
				  insert into wecom_welcome (tenant_id, welcome_code, userid, external_userid, state, event_at, status)
				  select ?, i.code, i.userid, i.external_userid, i.state, to_timestamp(i.at), 'sending'
				  from input i
				  join wecom_channel_code c on c.tenant_id = ? and c.state = i.state and c.welcome_template is not null
				  on conflict (tenant_id, welcome_code) where welcome_code is not null do nothing
				  returning id, welcome_code, userid, external_userid, state)
				select claim.id, claim.welcome_code, c.welcome_template, c.gift_link,
				       coalesce((select marketing_opt_out from wecom_contact k
				                 where k.tenant_id = ? and k.external_userid = claim.external_userid), false),
				       coalesce((select name from wecom_staff s where s.tenant_id = ? and s.userid = claim.userid), '')
				from claim join wecom_channel_code c on c.tenant_id = ? and c.state = claim.state,
				     (select set_config('synchronous_commit', 'off', true)) as quick
				order by claim.id""")
			.params(codes, users, externals, states, at, id, id, id, id, id)
			.query((rs, row) -> new Claim(rs.getLong(1), rs.getString(2),
					new Template(rs.getString(3), rs.getString(4)), rs.getBoolean(5), rs.getString(6)))
			.list();
	}

	private String nickname(Corp corp, Template template, CallbackEvent event) {
		if (!template.needsNickname()) {
			return "";
		}
		try {
			return this.api.call(corp,
					service -> service.getExternalContactService()
						.getContactDetail(event.externalUserId(), null)
						.getExternalContact()
						.getName());
		}
		catch (RuntimeException ex) {
			return "";
		}
	}

	private void record(TenantId tenant, CallbackEvent event, String status, String detail) {
		this.jdbc.sql("""
				insert into wecom_welcome (tenant_id, userid, external_userid, state, event_at, status, detail)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(tenant.value(), event.userId(), event.externalUserId(), event.state(), Timestamp.from(event.at()),
					status, detail)
			.update();
	}

	private Optional<Template> template(TenantId tenant, String state) {
		if (state == null) {
			return Optional.empty();
		}
		return this.jdbc.sql("""
				select welcome_template, gift_link from wecom_channel_code
				where tenant_id = ? and state = ? and welcome_template is not null""")
			.params(tenant.value(), state)
			.query((rs, n) -> new Template(rs.getString(1), rs.getString(2)))
			.optional();
	}

	private record Claim(long id, String welcomeCode, Template template, boolean optedOut, String staff) {
	}

	private static boolean isAdd(CallbackEvent event) {
		return CallbackEvent.CONTACT.equals(event.event()) && "add_external_contact".equals(event.changeType());
	}

	@Override
	public void destroy() {
		this.claimer.shutdownNow();
		this.senders.shutdownNow();
		this.recorder.interrupt();
	}

}
