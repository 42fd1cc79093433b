package dev.siyu.identity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.UUID;

import javax.sql.DataSource;

import dev.siyu.ingest.Imports;
import dev.siyu.shared.TenantId;
import dev.siyu.tenant.Tenants;
import dev.siyu.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stopping the server does not wait for a running match, and a match a server left
 * running is marked failed when the next one starts. Uses a queue of its own, so the
 * server's queue is not stopped.
 */
@IntegrationTest
class MatchQueueShutdownTests {

	@Autowired
	Imports imports;

	@Autowired
	Tenants tenants;

	@Autowired
	ProbabilisticLinking linking;

	@Autowired
	MatchJobs jobs;

	@Autowired
	ApplicationContext context;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Test
	void stoppingTheQueueDoesNotWaitForARunningMatchAndMarksItInterrupted() throws Exception {
		TenantId tenant = tenantWithBuyers();
		MatchQueue queue = new MatchQueue(this.linking, this.jobs, this.context);
		long id;
		long started;
		long stopped;
		try (Connection holder = this.dataSource.getConnection()) {
			holder.setAutoCommit(false);
			try (PreparedStatement lock = holder.prepareStatement("select pg_advisory_xact_lock(7301, ?::int)")) {
				lock.setInt(1, (int) tenant.value());
				lock.execute();
			}
			id = queue.submit(tenant, "test", null, null).job().id();
			started = System.nanoTime();
			queue.destroy();
			stopped = System.nanoTime();
			assertThat(this.jobs.find(tenant.value(), id).orElseThrow())
				.extracting(MatchJobs.Job::status, MatchJobs.Job::failure)
				.containsExactly("failed", MatchQueue.INTERRUPTED);
			holder.commit();
		}

		assertThat(Duration.ofNanos(stopped - started)).isLessThan(Duration.ofSeconds(5));
	}

	@Test
	void aServerStartingMarksMatchesLeftRunningAsFailed() {
		TenantId tenant = tenantWithBuyers();
		long left = this.jobs.open(tenant.value(), "test", 0.99, 0.8).job().id();

		new MatchQueue(this.linking, this.jobs, this.context).afterSingletonsInstantiated();

		MatchJobs.Job job = this.jobs.find(tenant.value(), left).orElseThrow();
		assertThat(job.status()).isEqualTo("failed");
		assertThat(job.failure()).isEqualTo(MatchQueue.INTERRUPTED);
		assertThat(job.finishedAt()).isNotNull();
	}

	private TenantId tenantWithBuyers() {
		TenantId id = this.tenants.create("mq-" + UUID.randomUUID().toString().substring(0, 8), null).tenant().id();
		new Buyers(this.imports, id).crowd(40, 3);
		return id;
	}

}
