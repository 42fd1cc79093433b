package dev.siyu.wecom;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

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
import org.springframework.transaction.support.TransactionTemplate;

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

	private final JdbcClient jdbc;

	private final Corps corps;

	private final WeComApi api;

	private final Duration window;

	private final TransactionTemplate transactions;

	private final ExecutorService senders;

	Welcomes(JdbcClient jdbc, Corps corps, WeComApi api, EventLog eventLog, TransactionTemplate transactions,
			@Value("${siyu.wecom.welcome-window:20s}") Duration window,
			@Value("${siyu.wecom.welcome-senders:4}") int senders) {
		this.jdbc = jdbc;
		this.corps = corps;
		this.api = api;
		this.window = window;
		this.transactions = transactions;
		this.senders = Executors.newFixedThreadPool(senders, runnable -> {
			Thread thread = new Thread(runnable, "wecom-welcome");
			thread.setDaemon(true);
			return thread;
		});
		eventLog.onLogged(logged -> logged.forEach(entry -> {
			if (isAdd(entry.event()) && entry.event().welcomeCode() != null) {
				this.senders.execute(() -> sendQuietly(entry.tenant(), entry.event()));
			}
		}));
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

	private void sendQuietly(TenantId tenant, CallbackEvent event) {
		try {
			send(tenant, event);
		}
		catch (RuntimeException ex) {
			log.warn("Welcome for {} failed: {}", event.externalUserId(), ex.toString());
		}
	}

	void send(TenantId tenant, CallbackEvent event) {
		if (event.state() == null) {
			return;
		}
		Optional<Claim> claimed = quickly(() -> claim(tenant, event));
		if (claimed.isEmpty()) {
			return;
		}
		long id = claimed.get().id();
		if (Duration.between(event.at(), Instant.now()).compareTo(this.window) > 0) {
			log.info("Welcome code of {} expired before it could be used: not sent", event.externalUserId());
			finish(id, "expired", "more than " + this.window.toSeconds() + " s after the add");
			return;
		}
		if (claimed.get().optedOut()) {
			finish(id, "opted_out", "the customer asked not to receive marketing");
			return;
		}
		Template template = claimed.get().template();
		Corp corp = this.corps.require(tenant);
		String text = template.render(nickname(corp, template, event), claimed.get().staff());
		try {
			this.api.call(corp, service -> {
				service.getExternalContactService()
					.sendWelcomeMsg(WxCpWelcomeMsg.builder()
						.welcomeCode(event.welcomeCode())
						.text(new Text().setContent(text))
						.build());
				return null;
			});
			quickly(() -> this.jdbc
				.sql("update wecom_welcome set status = 'sent', sent_at = now(), detail = ?, "
						+ "latency_ms = (extract(epoch from now() - event_at) * 1000)::int where id = ?")
				.params(text.length() + " characters", id)
				.update());
		}
		catch (WeComApiException ex) {
			log.info("WeCom refused the welcome for {}: {} (not retried)", event.externalUserId(), ex.getMessage());
			finish(id, "failed", ex.getMessage());
		}
	}

	/**
	 * A short transaction without an fsync of its own (joining the caller's, if any): if
	 * a crash loses a claim, WeCom refuses the used code (41051) and the second attempt
	 * is recorded as failed, never sent twice. No connection is held during API calls.
	 */
	private <T> T quickly(Supplier<T> work) {
		return this.transactions.execute(status -> {
			this.jdbc.sql("set local synchronous_commit = off").update();
			return work.get();
		});
	}

	private Optional<Claim> claim(TenantId tenant, CallbackEvent event) {
		// one round trip: the template of the code, the claim of the welcome code (once
		// only), consent and the staff member's name
		return this.jdbc.sql("""
				with template as (
				  select welcome_template, gift_link from wecom_channel_code
				  where tenant_id = :tenant and state = :state and welcome_template is not null),
				claim as (
				  insert into wecom_welcome (tenant_id, welcome_code, userid, external_userid, state, event_at, status)
				  select :tenant, :code, :user, :external, :state, :at, 'sending' from template
				  on conflict (tenant_id, welcome_code) where welcome_code is not null do nothing returning id)
				select claim.id, template.welcome_template, template.gift_link,
				       coalesce((select marketing_opt_out from wecom_contact
				                 where tenant_id = :tenant and external_userid = :external), false),
				       coalesce((select name from wecom_staff where tenant_id = :tenant and userid = :user), '')
				from claim, template""")
			.param("tenant", tenant.value())
			.param("state", event.state())
			.param("code", event.welcomeCode())
			.param("user", event.userId())
			.param("external", event.externalUserId())
			.param("at", Timestamp.from(event.at()))
			.query((rs, n) -> new Claim(rs.getLong(1), new Template(rs.getString(2), rs.getString(3)), rs.getBoolean(4),
					rs.getString(5)))
			.optional();
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

	private void finish(long id, String status, String detail) {
		this.jdbc.sql("update wecom_welcome set status = ?, detail = ? where id = ?")
			.params(status, detail, id)
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

	private record Claim(long id, Template template, boolean optedOut, String staff) {
	}

	private static boolean isAdd(CallbackEvent event) {
		return CallbackEvent.CONTACT.equals(event.event()) && "add_external_contact".equals(event.changeType());
	}

	@Override
	public void destroy() {
		this.senders.shutdownNow();
	}

}
