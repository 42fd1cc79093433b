package dev.siyu.wecom;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import dev.siyu.shared.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The durable log of accepted callbacks. Request threads hand their event to a writer,
 * which commits whatever has gathered in one statement (group commit) and only then lets
 * the requests answer WeCom: an answered callback is on disk, and a retry or replay of it
 * finds its natural key taken. Two writers take turns, so one batch gathers while the
 * other waits for its commit to reach the disk; the unique key keeps them from logging an
 * event twice.
 */
@Component
@ConditionalOnWebApplication
class EventLog implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(EventLog.class);

	private static final int BATCH = 2000;

	private static final String INSERT = """
			insert into wecom_event (tenant_id, dedup_key, event, change_type, state, payload)
			select * from unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
			on conflict (tenant_id, dedup_key) do nothing
			returning tenant_id, dedup_key""";

	private final JdbcTemplate jdbc;

	private final int writers;

	private final BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(50_000);

	private final List<Consumer<List<Logged>>> listeners = new CopyOnWriteArrayList<>();

	private final List<Thread> threads = new ArrayList<>();

	private volatile long lastAppend = System.nanoTime() - 3_600_000_000_000L;

	private volatile boolean running;

	EventLog(JdbcTemplate jdbc, @Value("${siyu.wecom.log-writers:2}") int writers) {
		this.jdbc = jdbc;
		this.writers = Math.max(1, writers);
	}

	/** Called with the events newly logged by each commit, on a writer thread. */
	void onLogged(Consumer<List<Logged>> listener) {
		this.listeners.add(listener);
	}

	/**
	 * Whether no callback has arrived for the given time: background work (applying the
	 * log, refreshing through the API) waits for a burst to pass, so intake keeps the
	 * CPU.
	 */
	boolean quietFor(Duration time) {
		return System.nanoTime() - this.lastAppend > time.toNanos();
	}

	/**
	 * Logs an event durably; true when it is new, false when its key was logged before.
	 */
	boolean append(TenantId tenant, CallbackEvent event) {
		this.lastAppend = System.nanoTime();
		Pending pending = new Pending(tenant.value(), event, event.dedupKey(), new CompletableFuture<>());
		try {
			if (!this.queue.offer(pending, 5, TimeUnit.SECONDS)) {
				throw new IllegalStateException("the WeCom event log is overloaded; WeCom will retry");
			}
			return pending.done().get(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while logging a WeCom event", ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("the WeCom event could not be logged: " + ex.getCause().getMessage(),
					ex.getCause());
		}
		catch (TimeoutException ex) {
			throw new IllegalStateException("the WeCom event log did not commit in time; WeCom will retry", ex);
		}
	}

	private void run() {
		List<Pending> batch = new ArrayList<>(BATCH);
		while (this.running) {
			try {
				Pending first = this.queue.poll(200, TimeUnit.MILLISECONDS);
				if (first == null) {
					continue;
				}
				batch.add(first);
				this.queue.drainTo(batch, BATCH - 1);
				write(batch);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
			catch (RuntimeException ex) {
				log.error("Writing {} WeCom events failed; their callbacks get an error and WeCom retries",
						batch.size(), ex);
				batch.forEach(pending -> pending.done().completeExceptionally(ex));
			}
			batch.clear();
		}
		List<Pending> left = new ArrayList<>();
		this.queue.drainTo(left);
		left.forEach(pending -> pending.done().completeExceptionally(new IllegalStateException("shutting down")));
	}

	private void write(List<Pending> batch) {
		Map<String, Pending> unique = new LinkedHashMap<>();
		for (Pending pending : batch) {
			unique.putIfAbsent(pending.tenant() + "/" + pending.key(), pending);
		}
		// in key order: two writers inserting the same keys then wait on each other in
		// the
		// same order, never in a cycle
		List<Pending> rows = new ArrayList<>(unique.values());
		rows.sort(Comparator.comparingLong(Pending::tenant).thenComparing(Pending::key));
		// one statement in its own transaction: the commit, and its flush to disk, covers
		// the whole batch
		Set<String> inserted = this.jdbc.execute((ConnectionCallback<Set<String>>) connection -> {
			int n = rows.size();
			Long[] tenants = new Long[n];
			String[][] columns = new String[5][n];
			for (int i = 0; i < n; i++) {
				Pending row = rows.get(i);
				CallbackEvent event = row.event();
				tenants[i] = row.tenant();
				columns[0][i] = row.key();
				columns[1][i] = event.event();
				columns[2][i] = event.changeType();
				columns[3][i] = event.state();
				columns[4][i] = event.xml();
			}
			try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
				statement.setArray(1, connection.createArrayOf("bigint", tenants));
				for (int c = 0; c < 5; c++) {
					statement.setArray(c + 2, connection.createArrayOf("text", columns[c]));
				}
				Set<String> keys = new HashSet<>();
				try (ResultSet result = statement.executeQuery()) {
					while (result.next()) {
						keys.add(result.getLong(1) + "/" + result.getString(2));
					}
				}
				return keys;
			}
		});
		List<Logged> logged = new ArrayList<>();
		for (Map.Entry<String, Pending> entry : unique.entrySet()) {
			if (inserted.contains(entry.getKey())) {
				logged.add(new Logged(new TenantId(entry.getValue().tenant()), entry.getValue().event()));
			}
		}
		Set<CallbackEvent> fresh = Collections.newSetFromMap(new IdentityHashMap<>());
		logged.forEach(l -> fresh.add(l.event()));
		for (Pending pending : batch) {
			pending.done().complete(fresh.contains(pending.event()));
		}
		if (!logged.isEmpty()) {
			for (Consumer<List<Logged>> listener : this.listeners) {
				try {
					listener.accept(logged);
				}
				catch (RuntimeException ex) {
					log.warn("A listener of the WeCom event log failed; the processor still finds the events", ex);
				}
			}
		}
	}

	@Override
	public void start() {
		this.running = true;
		for (int i = 0; i < this.writers; i++) {
			Thread thread = new Thread(this::run, "wecom-event-log-" + i);
			thread.setDaemon(true);
			this.threads.add(thread);
			thread.start();
		}
	}

	@Override
	public void stop() {
		this.running = false;
		this.threads.forEach(Thread::interrupt);
		this.threads.clear();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private record Pending(long tenant, CallbackEvent event, String key, CompletableFuture<Boolean> done) {
	}

	/** An event that was new to the log. */
	record Logged(TenantId tenant, CallbackEvent event) {
	}

}
