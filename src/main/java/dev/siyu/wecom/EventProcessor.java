package dev.siyu.wecom;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.siyu.shared.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Works through the event log in order: claims a batch of unprocessed events, lets the
 * handlers apply each under a savepoint and marks it processed in the same transaction,
 * so an event's effects and its being done commit together. A handler's failure is
 * recorded on the event and does not hold up the others.
 */
@Component
@ConditionalOnWebApplication
class EventProcessor implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(EventProcessor.class);

	private final JdbcClient jdbc;

	private final JdbcTemplate batchJdbc;

	private final TransactionTemplate transactions;

	private final EventHandlers handlers;

	private final int batchSize;

	private final Object signal = new Object();

	private final EventLog eventLog;

	private final Duration quiet;

	private final Duration maxLag;

	private volatile Thread worker;

	EventProcessor(JdbcClient jdbc, JdbcTemplate batchJdbc, TransactionTemplate transactions, EventHandlers handlers,
			EventLog eventLog, @Value("${siyu.wecom.process-batch:500}") int batchSize,
			@Value("${siyu.wecom.process-after-quiet:200ms}") Duration quiet,
			@Value("${siyu.wecom.process-max-lag:5s}") Duration maxLag) {
		this.jdbc = jdbc;
		this.eventLog = eventLog;
		this.quiet = quiet;
		this.maxLag = maxLag;
		this.batchJdbc = batchJdbc;
		this.transactions = transactions;
		this.handlers = handlers;
		this.batchSize = batchSize;
		eventLog.onLogged(logged -> wake());
	}

	void wake() {
		synchronized (this.signal) {
			this.signal.notifyAll();
		}
	}

	/** Processes what is pending now; returns how many events were handled. */
	int processPending() {
		int total = 0;
		int done;
		do {
			done = processBatch();
			total += done;
		}
		while (done > 0);
		return total;
	}

	private int processBatch() {
		Integer count = this.transactions.execute(status -> {
			// effects and "processed" commit together: a commit lost in a crash leaves
			// the
			// events unprocessed, to be applied again from the durable log
			this.jdbc.sql("set local synchronous_commit = off").update();
			List<Claimed> claimed = this.jdbc.sql("""
					select id, tenant_id, payload from wecom_event where processed_at is null
					order by id limit ? for update skip locked""")
				.param(this.batchSize)
				.query((rs, n) -> new Claimed(rs.getLong(1), new TenantId(rs.getLong(2)), rs.getString(3)))
				.list();
			List<Object[]> done = new ArrayList<>(claimed.size());
			EventHandlers.Batch batch = this.handlers.newBatch();
			for (Claimed event : claimed) {
				done.add(new Object[] { handle(status, batch, event), event.id() });
			}
			batch.finish();
			this.batchJdbc.batchUpdate("""
					update wecom_event set processed_at = now(), process_count = process_count + 1, error = ?
					where id = ?""", done);
			return claimed.size();
		});
		return (count != null) ? count : 0;
	}

	private String handle(TransactionStatus status, EventHandlers.Batch batch, Claimed claimed) {
		Object savepoint = status.createSavepoint();
		try {
			batch.handle(claimed.tenant(), CallbackEvent.parse(claimed.payload()));
			status.releaseSavepoint(savepoint);
			return null;
		}
		catch (RuntimeException ex) {
			status.rollbackToSavepoint(savepoint);
			log.warn("WeCom event {} of tenant {} failed: {}", claimed.id(), claimed.tenant().value(), ex.toString());
			return String.valueOf(ex.getMessage());
		}
	}

	/**
	 * Applies the log when callbacks pause (a burst keeps the CPU for intake and the
	 * welcome fast lane), or at the latest once the oldest work has waited the maximum
	 * lag.
	 */
	private void run() {
		long lastRun = System.nanoTime();
		while (!Thread.currentThread().isInterrupted()) {
			try {
				boolean quiet = this.eventLog.quietFor(this.quiet);
				if (quiet || System.nanoTime() - lastRun > this.maxLag.toNanos()) {
					// in a burst, one batch per maximum lag; once it passes, all that
					// waits
					int done = quiet ? processPending() : processBatch();
					lastRun = System.nanoTime();
					if (done == 0) {
						synchronized (this.signal) {
							this.signal.wait(500);
						}
					}
				}
				else {
					Thread.sleep(Math.max(10, this.quiet.toMillis() / 2));
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			catch (RuntimeException ex) {
				if (this.worker != Thread.currentThread()) {
					// stopped while a statement ran: the events stay for the next start
					return;
				}
				log.error("Processing WeCom events failed; retrying in a second", ex);
				sleep();
			}
		}
	}

	private static void sleep() {
		try {
			Thread.sleep(1000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void start() {
		Thread thread = new Thread(this::run, "wecom-event-processor");
		thread.setDaemon(true);
		this.worker = thread;
		thread.start();
	}

	@Override
	public void stop() {
		Thread thread = this.worker;
		this.worker = null;
		if (thread != null) {
			thread.interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.worker != null;
	}

	private record Claimed(long id, TenantId tenant, String payload) {
	}

}
