package dev.siyu.demo;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.siyu.privacy.PersonalData;
import dev.siyu.sandbox.SandboxActivity;
import dev.siyu.sandbox.SandboxLife;
import dev.siyu.sandbox.WeComSandbox;
import dev.siyu.tenant.Tenant;
import dev.siyu.wecom.ChannelCodes;
import dev.siyu.wecom.CorpSettings;
import dev.siyu.wecom.CorpSync;
import dev.siyu.wecom.Corps;
import dev.siyu.wecom.GroupStatistics;
import dev.siyu.wecom.MassSendAttachment;
import dev.siyu.wecom.MassSends;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo's WeCom channel: a sandbox corp in the same process whose customers include
 * some of the demo's buyers (their mobiles in the guides' remarks), connected to the demo
 * tenant through the same settings, API client and callbacks as a real corp, and kept
 * alive by customers arriving through channel codes every few seconds.
 */
@Component
class DemoWeCom implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(DemoWeCom.class);

	private static final List<String> STATES = List.of("pi-2026-q2", "live-0618", "store-hz01");

	private final Corps corps;

	private final CorpSync sync;

	private final ChannelCodes codes;

	private final JdbcClient jdbc;

	private final PersonalData personalData;

	private final int port;

	private final MassSends sends;

	private final GroupStatistics statistics;

	private WeComSandbox sandbox;

	private SandboxLife life;

	DemoWeCom(Corps corps, CorpSync sync, ChannelCodes codes, JdbcClient jdbc, PersonalData personalData,
			MassSends sends, GroupStatistics statistics, @Value("${server.port:8080}") int port) {
		this.sends = sends;
		this.statistics = statistics;
		this.corps = corps;
		this.sync = sync;
		this.codes = codes;
		this.jdbc = jdbc;
		this.personalData = personalData;
		this.port = port;
	}

	void start(Tenant demo) {
		try {
			this.sandbox = WeComSandbox.start(0, WeComSandbox.Settings.demo());
			List<String> mobiles = this.jdbc.sql(
					"select value_enc from identifier where tenant_id = ? and kind = 'phone' and value_enc is not null "
							+ "order by id limit 150")
				.param(demo.identityScope().value())
				.query((rs, n) -> this.personalData.decrypt(rs.getBytes(1)))
				.list();
			SandboxActivity people = this.sandbox.activity();
			people.seed(2026, 8, 400, 6, mobiles);
			WeComSandbox.Settings corp = this.sandbox.settings();
			this.corps.configure(demo.name(), new CorpSettings(corp.corpId(), corp.token(), corp.aesKey(),
					corp.secret(), 1000002, this.sandbox.baseUrl(), 100_000));
			this.sandbox.sendCallbacksTo("http://127.0.0.1:" + this.port + "/wecom/callback/" + demo.name());
			Map<String, Object> synced = this.sync.full(demo.id());
			if (this.codes.list(demo.id()).isEmpty()) {
				this.codes.create(demo.id(),
						new ChannelCodes.NewCode(STATES.get(0), "package_insert", "包裹卡 2026 Q2",
								List.of("guide01", "guide02"), "{nickname}您好，我是您的专属顾问{staff}。包裹卡赠品请点击领取：{gift}",
								"https://demo.siyu.dev/gift/q2"));
				this.codes.create(demo.id(),
						new ChannelCodes.NewCode(STATES.get(1), "live", "6·18 直播间", List.of("guide03"),
								"欢迎来自直播间的{nickname}！我是{staff}，直播专属券：{gift}", "https://demo.siyu.dev/coupon/0618"));
				this.codes.create(demo.id(),
						new ChannelCodes.NewCode(STATES.get(2), "store", "杭州湖滨门店", List.of("guide04"), null, null));
			}
			sendAndCount(demo);
			this.life = SandboxLife.start(people, STATES, Duration.ofSeconds(3), System.currentTimeMillis());
			System.out.println("Demo WeCom sandbox at " + this.sandbox.baseUrl() + ": synced " + synced
					+ "; a customer acts every 3 s.");
		}
		catch (RuntimeException ex) {
			log.warn("The demo's WeCom sandbox could not start: {}", ex.getMessage(), ex);
		}
	}

	/**
	 * A member-day mass send to some friends (its request id makes it once per demo
	 * database) and a week of group message counts.
	 */
	private void sendAndCount(Tenant demo) {
		try {
			List<String> friends = this.jdbc.sql("""
					select distinct external_userid from wecom_follow
					where tenant_id = ? and deleted_at is null order by external_userid limit 40""")
				.param(demo.id().value())
				.query(String.class)
				.list();
			if (!friends.isEmpty()) {
				this.sends.create(demo.id(),
						new MassSends.NewSend("demo-member-day", "single", "会员日：全场满300减50，仅限今日。回复T退订", null, null,
								friends, null, null, List.of(MassSendAttachment.link("会员日专享",
										"https://shop.example.com/member-day", "满300减50", null))),
						"demo");
			}
			this.statistics.fetch(demo.id(), 7);
		}
		catch (RuntimeException ex) {
			log.warn("The demo's mass send or group statistics failed: {}", ex.getMessage());
		}
	}

	@Override
	public void destroy() {
		if (this.life != null) {
			this.life.close();
		}
		if (this.sandbox != null) {
			this.sandbox.close();
		}
	}

}
