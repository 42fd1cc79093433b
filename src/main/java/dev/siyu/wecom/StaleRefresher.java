package dev.siyu.wecom;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.siyu.shared.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The incremental sync: every second, reads through the API what callbacks marked stale.
 */
@Component
@ConditionalOnWebApplication
class StaleRefresher implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(StaleRefresher.class);

	private final JdbcClient jdbc;

	private final CorpSync sync;

	private final int perRound;

	private final Map<Long, Long> backOff = new ConcurrentHashMap<>();

	private final EventLog eventLog;

	private ScheduledExecutorService scheduler;

	private long lastRound = System.nanoTime();

	StaleRefresher(JdbcClient jdbc, CorpSync sync, EventLog eventLog,
			@Value("${siyu.wecom.refresh-per-round:200}") int perRound) {
		this.jdbc = jdbc;
		this.sync = sync;
		this.eventLog = eventLog;
		this.perRound = perRound;
	}

	/** A round every second, but while callbacks pour in only every ten. */
	private void round() {
		if (this.eventLog.quietFor(Duration.ofSeconds(1)) || System.nanoTime() - this.lastRound > 10_000_000_000L) {
			this.lastRound = System.nanoTime();
			refreshAll();
		}
	}

	void refreshAll() {
		List<Long> tenants = this.jdbc.sql("select tenant_id from wecom_corp where secret_enc is not null")
			.query(Long.class)
			.list();
		long now = System.nanoTime();
		for (long tenant : tenants) {
			Long until = this.backOff.get(tenant);
			if (until != null && until - now > 0) {
				continue;
			}
			try {
				this.sync.refreshStale(new TenantId(tenant), this.perRound);
				if (this.backOff.remove(tenant) != null) {
					log.info("Refreshing WeCom data of tenant {} works again", tenant);
				}
			}
			catch (RuntimeException ex) {
				if (until == null) {
					log.warn("Refreshing WeCom data of tenant {} failed, trying again each minute: {}", tenant,
							ex.getMessage());
				}
				this.backOff.put(tenant, now + 60_000_000_000L);
			}
		}
	}

	@Override
	public void start() {
		this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "wecom-refresh");
			thread.setDaemon(true);
			return thread;
		});
		this.scheduler.scheduleWithFixedDelay(this::round, 1, 1, TimeUnit.SECONDS);
	}

	@Override
	public void stop() {
		if (this.scheduler != null) {
			this.scheduler.shutdownNow();
			this.scheduler = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.scheduler != null;
	}

}
