package dev.siyu.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The record of every probabilistic match requested over HTTP. At most one is running per
 * identity scope: the database refuses a second, and the request gets the running one.
 */
@Component
class MatchJobs {

	private final JdbcClient jdbc;

	MatchJobs(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Records a new running job, or finds the one already running for the scope. */
	Opened open(long scope, String requestedBy, double autoLink, double review) {
		while (true) {
			Optional<Long> created = this.jdbc.sql("""
					insert into identity_match_job (tenant_id, requested_by, auto_link_probability, review_probability)
					values (?, ?, ?, ?) on conflict (tenant_id) where status = 'running' do nothing returning id""")
				.params(scope, requestedBy, autoLink, review)
				.query(Long.class)
				.optional();
			if (created.isPresent()) {
				return new Opened(find(scope, created.get()).orElseThrow(), true);
			}
			Optional<Job> running = this.jdbc
				.sql("select * from identity_match_job where tenant_id = ? and status = 'running'")
				.param(scope)
				.query(MatchJobs::job)
				.optional();
			if (running.isPresent()) {
				return new Opened(running.get(), false);
			}
			// the running one finished in between: try again
		}
	}

	void succeed(long id, ProbabilisticLinking.Summary summary) {
		this.jdbc.sql("""
				update identity_match_job set status = 'succeeded', persons = ?, candidate_pairs = ?, auto_linked = ?,
				       queued_for_review = ?, forbidden = ?, failure = null, finished_at = now()
				where id = ?""")
			.params(summary.persons(), summary.candidatePairs(), summary.autoLinked(), summary.queuedForReview(),
					summary.forbidden(), id)
			.update();
	}

	void fail(long id, String reason) {
		this.jdbc
			.sql("update identity_match_job set status = 'failed', failure = ?, finished_at = now() "
					+ "where id = ? and status = 'running'")
			.params(reason, id)
			.update();
	}

	/** Marks every job still running as failed; returns how many. */
	int failAllRunning(String reason) {
		return this.jdbc
			.sql("update identity_match_job set status = 'failed', failure = ?, finished_at = now() "
					+ "where status = 'running'")
			.param(reason)
			.update();
	}

	Optional<Job> find(long scope, long id) {
		return this.jdbc.sql("select * from identity_match_job where tenant_id = ? and id = ?")
			.params(scope, id)
			.query(MatchJobs::job)
			.optional();
	}

	List<Job> recent(long scope, int limit) {
		return this.jdbc.sql("select * from identity_match_job where tenant_id = ? order by id desc limit ?")
			.params(scope, limit)
			.query(MatchJobs::job)
			.list();
	}

	private static Job job(ResultSet rs, int row) throws SQLException {
		return new Job(rs.getLong("id"), rs.getLong("tenant_id"), rs.getString("requested_by"),
				rs.getDouble("auto_link_probability"), rs.getDouble("review_probability"), rs.getString("status"),
				rs.getObject("persons", Long.class), rs.getObject("candidate_pairs", Long.class),
				rs.getObject("auto_linked", Long.class), rs.getObject("queued_for_review", Long.class),
				rs.getObject("forbidden", Long.class), rs.getString("failure"),
				rs.getObject("started_at", OffsetDateTime.class), rs.getObject("finished_at", OffsetDateTime.class));
	}

	/** A match as recorded; the counts are there once it succeeded. */
	record Job(long id, long scope, String requestedBy, double autoLinkProbability, double reviewProbability,
			String status, Long persons, Long candidatePairs, Long autoLinked, Long queuedForReview, Long forbidden,
			String failure, OffsetDateTime startedAt, OffsetDateTime finishedAt) {

		boolean running() {
			return "running".equals(this.status);
		}

	}

	/** A job and whether this request started it. */
	record Opened(Job job, boolean created) {
	}

}
