package dev.siyu.wecom;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import dev.siyu.shared.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The durable log of accepted callbacks. Request threads hand their event to one writer,
 * which commits whatever has gathered in one transaction (group commit) and only then
 * lets the requests answer WeCom: an answered callback is on disk, and a retry or replay
 * of it finds its natural key taken.
 */
@Component
@ConditionalOnWebApplication
class EventLog implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(EventLog.class);

	private static final int BATCH = 1000;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(20_000);

	private final List<Consumer<List<Logged>>> listeners = new ArrayList<>();

	private volatile Thread writer;

	EventLog(JdbcTemplate jdbc, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.transactions = transactions;
	}

	/** Called with the events newly logged by each commit, on the writer thread. */
	void onLogged(Consumer<List<Logged>> listener) {
		this.listeners.add(listener);
	}

	/**
	 * Logs an event durably; true when it is new, false when its key was logged before.
	 */
	boolean append(TenantId tenant, CallbackEvent event) {
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
		while (!Thread.currentThread().isInterrupted()) {
			try {
				batch.add(this.queue.take());
				this.queue.drainTo(batch, BATCH - 1);
				write(batch);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
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
		List<Pending> rows = new ArrayList<>(unique.values());
		List<Logged> logged = new ArrayList<>();
		this.transactions.executeWithoutResult(status -> {
			List<Object[]> args = new ArrayList<>(rows.size());
			for (Pending row : rows) {
				CallbackEvent event = row.event();
				args.add(new Object[] { row.tenant(), row.key(), event.event(), event.changeType(), event.state(),
						event.xml() });
			}
			int[] counts = this.jdbc.batchUpdate("""
					insert into wecom_event (tenant_id, dedup_key, event, change_type, state, payload)
					values (?, ?, ?, ?, ?, ?) on conflict (tenant_id, dedup_key) do nothing""", args);
			for (int i = 0; i < counts.length; i++) {
				if (counts[i] > 0) {
					logged.add(new Logged(new TenantId(rows.get(i).tenant()), rows.get(i).event()));
				}
			}
		});
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
		Thread thread = new Thread(this::run, "wecom-event-log");
		thread.setDaemon(true);
		this.writer = thread;
		thread.start();
	}

	@Override
	public void stop() {
		Thread thread = this.writer;
		this.writer = null;
		if (thread != null) {
			thread.interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.writer != null;
	}

	private record Pending(long tenant, CallbackEvent event, String key, CompletableFuture<Boolean> done) {
	}

	/** An event that was new to the log. */
	record Logged(TenantId tenant, CallbackEvent event) {
	}

}
