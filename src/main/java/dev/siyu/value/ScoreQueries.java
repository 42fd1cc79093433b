package dev.siyu.value;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.siyu.shared.TenantId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads of the stored scores: one person, RFM classes, lifecycle stages and transitions.
 */
@Component
class ScoreQueries {

	private final JdbcClient jdbc;

	private final ScopeOrders scopes;

	ScoreQueries(JdbcClient jdbc, ScopeOrders scopes) {
		this.jdbc = jdbc;
		this.scopes = scopes;
	}

	Optional<Map<String, Object>> person(TenantId tenant, long personId) {
		return this.jdbc.sql("""
				select s.* from person_score s join person p on p.id = s.person_id
				where s.person_id = ? and s.tenant_id = ?""")
			.params(personId, this.scopes.scope(tenant).value())
			.query(ScoreQueries::score)
			.optional();
	}

	Map<String, Object> rfm(TenantId tenant) {
		Map<String, Object> classes = new LinkedHashMap<>();
		for (RfmClass rfmClass : RfmClass.values()) {
			classes.put(rfmClass.label(), 0L);
		}
		this.jdbc.sql("""
				select rfm_class, count(*), coalesce(sum(monetary), 0) from person_score
				where tenant_id = ? and rfm_class is not null group by 1""")
			.param(this.scopes.scope(tenant).value())
			.query((ResultSet rs) -> {
				classes.put(rs.getString(1), rs.getLong(2));
			});
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("classes", classes);
		answer.put("scores",
				this.jdbc.sql("""
						select r_score, f_score, m_score, count(*) as persons from person_score
						where tenant_id = ? and r_score is not null group by 1, 2, 3 order by 1, 2, 3""")
					.param(this.scopes.scope(tenant).value())
					.query((rs, row) -> Map.of("r", rs.getInt(1), "f", rs.getInt(2), "m", rs.getInt(3), "persons",
							rs.getLong(4)))
					.list());
		return answer;
	}

	Map<String, Long> stages(TenantId tenant) {
		Map<String, Long> stages = new LinkedHashMap<>();
		for (LifecycleStage stage : LifecycleStage.values()) {
			stages.put(stage.code(), 0L);
		}
		this.jdbc.sql("select lifecycle_stage, count(*) from person_score where tenant_id = ? group by 1")
			.param(this.scopes.scope(tenant).value())
			.query((ResultSet rs) -> {
				stages.put(rs.getString(1), rs.getLong(2));
			});
		return stages;
	}

	/**
	 * Transitions in a period, optionally from and to given stages: counts by pair and
	 * the latest rows.
	 */
	Map<String, Object> transitions(TenantId tenant, String from, String to, LocalDate since, LocalDate until,
			int limit) {
		String fromCode = from == null ? null : LifecycleStage.of(from).code();
		String toCode = to == null ? null : LifecycleStage.of(to).code();
		String where = """
				tenant_id = :scope and changed_on between :since and :until
				and (cast(:from as text) is null or from_stage = :from) and (cast(:to as text) is null or to_stage = :to)""";
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("scope", this.scopes.scope(tenant).value());
		params.put("since", since);
		params.put("until", until);
		params.put("from", fromCode);
		params.put("to", toCode);
		List<Map<String, Object>> pairs = this.jdbc
			.sql("select from_stage, to_stage, count(*) from lifecycle_transition where " + where
					+ " group by 1, 2 order by 3 desc")
			.params(params)
			.query((rs, row) -> {
				Map<String, Object> pair = new LinkedHashMap<>();
				pair.put("from", rs.getString(1));
				pair.put("to", rs.getString(2));
				pair.put("persons", rs.getLong(3));
				return pair;
			})
			.list();
		List<Map<String, Object>> rows = this.jdbc
			.sql("select person_id, from_stage, to_stage, changed_on from lifecycle_transition where " + where
					+ " order by changed_on desc, id desc limit :limit")
			.params(params)
			.param("limit", Math.max(0, Math.min(limit, 10_000)))
			.query((rs, row) -> {
				Map<String, Object> transition = new LinkedHashMap<>();
				transition.put("personId", rs.getLong(1));
				transition.put("from", rs.getString(2));
				transition.put("to", rs.getString(3));
				transition.put("on", rs.getDate(4).toLocalDate().toString());
				return transition;
			})
			.list();
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("since", since.toString());
		answer.put("until", until.toString());
		answer.put("counts", pairs);
		answer.put("transitions", rows);
		return answer;
	}

	private static Map<String, Object> score(ResultSet rs, int row) throws SQLException {
		Map<String, Object> score = new LinkedHashMap<>();
		score.put("personId", rs.getLong("person_id"));
		score.put("recencyDays", rs.getObject("recency_days"));
		score.put("frequency", rs.getObject("frequency"));
		score.put("monetary", rs.getBigDecimal("monetary"));
		score.put("purchaseDays", rs.getObject("purchases"));
		score.put("firstPurchase", date(rs, "first_purchase"));
		score.put("lastPurchase", date(rs, "last_purchase"));
		score.put("rScore", rs.getObject("r_score"));
		score.put("fScore", rs.getObject("f_score"));
		score.put("mScore", rs.getObject("m_score"));
		score.put("rfmClass", rs.getString("rfm_class"));
		score.put("lifecycleStage", rs.getString("lifecycle_stage"));
		score.put("lifecycleSince", date(rs, "lifecycle_since"));
		score.put("pAlive", rs.getObject("p_alive"));
		score.put("expectedPurchases", rs.getObject("expected_purchases"));
		score.put("expectedSpend", rs.getBigDecimal("expected_spend"));
		score.put("clv", rs.getBigDecimal("clv"));
		score.put("nextPurchaseFrom", date(rs, "next_purchase_from"));
		score.put("nextPurchaseTo", date(rs, "next_purchase_to"));
		score.put("computedAt", rs.getTimestamp("computed_at").toInstant().toString());
		return score;
	}

	private static String date(ResultSet rs, String column) throws SQLException {
		java.sql.Date date = rs.getDate(column);
		return date == null ? null : date.toLocalDate().toString();
	}

}
