package dev.siyu.identity;

import java.util.List;
import java.util.Map;

import dev.siyu.api.NotFound;
import dev.siyu.shared.TenantId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pairs of persons the model was unsure about, with the field-by-field comparison and
 * weights; approving merges them, rejecting remembers that they must not be linked.
 */
@Service
public class ReviewQueue {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	private final PersonMerges merges;

	ReviewQueue(JdbcClient jdbc, PersonMerges merges) {
		this.jdbc = jdbc;
		this.merges = merges;
	}

	public List<Review> list(TenantId tenant, String status) {
		return this.jdbc.sql("""
				select id, person_a, person_b, probability, weight, comparison::text, status, decided_by
				from match_review where tenant_id = ? and status = ? order by probability desc, id limit 500""")
			.params(tenant.value(), status)
			.query((rs, n) -> new Review(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getDouble(4), rs.getDouble(5),
					json.readTree(rs.getString(6)), rs.getString(7), rs.getString(8)))
			.list();
	}

	@Transactional
	public Map<String, Object> approve(TenantId tenant, long review, String by) {
		long scope = tenant.value();
		long[] pair = pending(scope, review);
		long a = this.merges.current(scope, pair[0]);
		long b = this.merges.current(scope, pair[1]);
		if (a != b) {
			PersonConstraints constraints = PersonConstraints.load(this.jdbc, scope);
			String reason = constraints.forbids(a, b);
			if (reason != null) {
				throw new IllegalArgumentException("review " + review + " cannot be approved: the persons have "
						+ reason.replace('_', ' ') + "; reject it or split first");
			}
			String evidence = this.jdbc.sql("select comparison::text from match_review where id = ?")
				.param(review)
				.query(String.class)
				.single();
			double probability = this.jdbc.sql("select probability from match_review where id = ?")
				.param(review)
				.query(Double.class)
				.single();
			this.merges.merge(scope, Math.min(a, b), Math.max(a, b), "review_approved", by, probability, evidence);
		}
		decide(review, "approved", by);
		return Map.of("review", review, "status", "approved", "person", Math.min(a, b));
	}

	@Transactional
	public Map<String, Object> reject(TenantId tenant, long review, String by) {
		long scope = tenant.value();
		long[] pair = pending(scope, review);
		long a = this.merges.current(scope, pair[0]);
		long b = this.merges.current(scope, pair[1]);
		if (a == b) {
			throw new IllegalArgumentException(
					"review " + review + " cannot be rejected: the two persons were linked since; split them instead");
		}
		this.jdbc.sql("""
				insert into do_not_link (tenant_id, account_a, account_b, review_id)
				select ?, least(x.id, y.id), greatest(x.id, y.id), ? from account x cross join account y
				where x.person_id = ? and y.person_id = ? on conflict do nothing""")
			.params(scope, review, a, b)
			.update();
		decide(review, "rejected", by);
		return Map.of("review", review, "status", "rejected");
	}

	private long[] pending(long scope, long review) {
		var row = this.jdbc.sql("select person_a, person_b, status from match_review where id = ? and tenant_id = ?")
			.params(review, scope)
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getLong(2), rs.getString(3) })
			.optional()
			.orElseThrow(() -> new NotFound("no review " + review));
		if (!"pending".equals(row[2])) {
			throw new IllegalArgumentException("review " + review + " was already decided: " + row[2]);
		}
		return new long[] { (Long) row[0], (Long) row[1] };
	}

	private void decide(long review, String status, String by) {
		this.jdbc.sql("update match_review set status = ?, decided_by = ?, decided_at = now() where id = ?")
			.params(status, by, review)
			.update();
	}

	/** A pair waiting for (or given) a decision, with the comparison behind its score. */
	public record Review(long id, long personA, long personB, double probability, double weight, JsonNode comparison,
			String status, String decidedBy) {
	}

}
