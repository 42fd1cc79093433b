package dev.siyu.identity;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.siyu.api.Busy;
import dev.siyu.shared.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.context.WebApplicationContext;

/**
 * Probabilistic matches requested over HTTP run in the background, on a small bounded
 * pool, one per identity scope at a time. Stopping the server does not wait for a match:
 * the pool is stopped, the match's transaction is rolled back with its connection, and
 * its job is marked failed. A server that was killed outright marks its leftover jobs
 * failed when it starts again.
 */
@Component
class MatchQueue implements SmartInitializingSingleton, DisposableBean {

	static final String INTERRUPTED = "interrupted: the server stopped while the match was running; start it again";

	private static final Logger log = LoggerFactory.getLogger(MatchQueue.class);

	private static final int RUNNERS = 2;

	private static final int WAITING = 32;

	private final ProbabilisticLinking linking;

	private final MatchJobs jobs;

	private final ApplicationContext context;

	private final Set<Long> unfinished = ConcurrentHashMap.newKeySet();

	private final AtomicInteger threads = new AtomicInteger();

	private final ThreadPoolExecutor runner = new ThreadPoolExecutor(RUNNERS, RUNNERS, 0, TimeUnit.SECONDS,
			new ArrayBlockingQueue<>(WAITING), (task) -> {
				Thread thread = new Thread(task, "identity-match-" + this.threads.incrementAndGet());
				thread.setDaemon(true);
				return thread;
			});

	MatchQueue(ProbabilisticLinking linking, MatchJobs jobs, ApplicationContext context) {
		this.linking = linking;
		this.jobs = jobs;
		this.context = context;
	}

	/**
	 * Starts a match of the scope's persons, or answers with the one already running; a
	 * missing threshold is the configured one.
	 */
	MatchJobs.Opened submit(TenantId scope, String requestedBy, Double autoLink, Double review) {
		double upper = (autoLink != null) ? autoLink : this.linking.autoLinkProbability();
		double lower = (review != null) ? review : this.linking.reviewProbability();
		ProbabilisticLinking.checkThresholds(upper, lower);
		MatchJobs.Opened opened = this.jobs.open(scope.value(), requestedBy, upper, lower);
		if (opened.created()) {
			long id = opened.job().id();
			this.unfinished.add(id);
			try {
				this.runner.execute(() -> run(opened.job()));
			}
			catch (RejectedExecutionException ex) {
				this.unfinished.remove(id);
				this.jobs.fail(id, "too many matches are waiting; try again later");
				throw new Busy("match " + id + " refused: too many matches are waiting; try again later", ex);
			}
		}
		return opened;
	}

	private void run(MatchJobs.Job job) {
		try {
			ProbabilisticLinking.Summary summary = this.linking.run(new TenantId(job.scope()), job.requestedBy(),
					job.autoLinkProbability(), job.reviewProbability());
			this.jobs.succeed(job.id(), summary);
		}
		catch (RuntimeException ex) {
			String reason = (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
			log.warn("Match {} of scope {} failed: {}", job.id(), job.scope(), reason);
			try {
				this.jobs.fail(job.id(), reason);
			}
			catch (RuntimeException notRecorded) {
				log.warn("Could not record that match {} failed: {}", job.id(), notRecorded.getMessage());
			}
		}
		finally {
			this.unfinished.remove(job.id());
		}
	}

	/** A server starting marks the jobs a previous server left running as failed. */
	@Override
	public void afterSingletonsInstantiated() {
		if (this.context instanceof WebApplicationContext) {
			int left = this.jobs.failAllRunning(INTERRUPTED);
			if (left > 0) {
				log.warn("{} match(es) left running by the previous server are marked failed", left);
			}
		}
	}

	@Override
	public void destroy() throws InterruptedException {
		List<Runnable> neverStarted = this.runner.shutdownNow();
		if (!this.runner.awaitTermination(2, TimeUnit.SECONDS) || !neverStarted.isEmpty()) {
			for (long id : List.copyOf(this.unfinished)) {
				try {
					this.jobs.fail(id, INTERRUPTED);
				}
				catch (RuntimeException ex) {
					log.warn("Could not record that match {} was interrupted: {}", id, ex.getMessage());
				}
			}
		}
	}

}
