package dev.siyu.value;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;

import javax.sql.DataSource;

import dev.siyu.shared.TenantId;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recomputes every person's scores in one identity scope: RFM, lifecycle stage (recording
 * each change with its date), lifetime value from models fitted on the scope's purchases,
 * and the expected window of the next purchase. Written to the shared table person_score,
 * which audiences read. Recomputing is idempotent.
 */
@Service
public class CustomerScores {

	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	/** Fewer buyers than this give no stable fit: no lifetime value then. */
	static final int MIN_BUYERS_TO_FIT = 30;

	private static final Logger log = LoggerFactory.getLogger(CustomerScores.class);

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	private final TransactionTemplate transactions;

	private final ScopeOrders scopes;

	private final ValueSettings settings;

	private final ValueAnalytics analytics;

	CustomerScores(JdbcClient jdbc, DataSource dataSource, TransactionTemplate transactions, ScopeOrders scopes,
			ValueSettings settings, ValueAnalytics analytics) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.transactions = transactions;
		this.scopes = scopes;
		this.settings = settings;
		this.analytics = analytics;
	}

	/** What a recomputation did. */
	public record Refresh(long scope, int buyers, long prospects, long transitions, boolean fitted, long millis) {
	}

	public Refresh refresh(TenantId tenant) {
		return refresh(tenant, LocalDate.now(CHINA));
	}

	public Refresh refresh(TenantId tenant, LocalDate today) {
		return refresh(tenant, today, Figures.NOW);
	}

	/**
	 * When the value figures follow a recomputation: at once, or only when the stored
	 * ones have grown older than their maximum age (merges and splits barely move cohorts
	 * and cycles, which take a scan of every order).
	 */
	enum Figures {

		NOW, WHEN_STALE

	}

	Refresh refresh(TenantId tenant, LocalDate today, Figures figures) {
		TenantId scope = this.scopes.scope(tenant);
		return this.transactions.execute(status -> {
			// one recomputation per scope at a time; a second waits and then sees the
			// first's rows
			this.jdbc.sql("select pg_advisory_xact_lock(5, ?)").param((int) scope.value()).query(Object.class).single();
			return refreshLocked(scope, today, figures);
		});
	}

	private Refresh refreshLocked(TenantId scope, LocalDate today, Figures figures) {
		long start = System.nanoTime();
		ValueSettings.Settings settings = this.settings.of(scope);
		Buyers buyers = read(scope);
		Scoring.Result scored = new Scoring(settings, today).score(buyers);
		try {
			copy(buyers, scored);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("could not write the scores of scope " + scope.value(), ex);
		}
		long transitions = this.jdbc.sql("""
				insert into lifecycle_transition (tenant_id, person_id, from_stage, to_stage, changed_on)
				select :scope, n.person_id, s.lifecycle_stage, n.lifecycle_stage, n.lifecycle_since
				from new_score n left join person_score s on s.person_id = n.person_id
				where s.lifecycle_stage is distinct from n.lifecycle_stage""").param("scope", scope.value()).update();
		this.jdbc
			.sql("""
					insert into person_score as s (person_id, tenant_id, recency_days, frequency, monetary, r_score, f_score,
					    m_score, rfm_class, lifecycle_stage, lifecycle_since, p_alive, expected_purchases, expected_spend, clv,
					    purchases, first_purchase, last_purchase, next_purchase_from, next_purchase_to, computed_at)
					select person_id, :scope, recency_days, frequency, monetary, r_score, f_score, m_score, rfm_class,
					    lifecycle_stage, lifecycle_since, p_alive, expected_purchases, expected_spend, clv, purchases,
					    first_purchase, last_purchase, next_purchase_from, next_purchase_to, now()
					from new_score
					on conflict (person_id) do update set tenant_id = excluded.tenant_id, recency_days = excluded.recency_days,
					    frequency = excluded.frequency, monetary = excluded.monetary, r_score = excluded.r_score,
					    f_score = excluded.f_score, m_score = excluded.m_score, rfm_class = excluded.rfm_class,
					    lifecycle_since = case when s.lifecycle_stage is distinct from excluded.lifecycle_stage
					        then excluded.lifecycle_since else s.lifecycle_since end,
					    lifecycle_stage = excluded.lifecycle_stage, p_alive = excluded.p_alive,
					    expected_purchases = excluded.expected_purchases, expected_spend = excluded.expected_spend,
					    clv = excluded.clv, purchases = excluded.purchases, first_purchase = excluded.first_purchase,
					    last_purchase = excluded.last_purchase, next_purchase_from = excluded.next_purchase_from,
					    next_purchase_to = excluded.next_purchase_to, computed_at = now()""")
			.param("scope", scope.value())
			.update();
		// persons who never bought are prospects since they appeared
		String prospects = """
				select p.id, (p.created_at at time zone 'Asia/Shanghai')::date as since from person p
				where p.tenant_id = :scope and p.merged_into is null
				  and not exists (select 1 from new_score n where n.person_id = p.id)""";
		transitions += this.jdbc.sql("""
				insert into lifecycle_transition (tenant_id, person_id, from_stage, to_stage, changed_on)
				select :scope, r.id, s.lifecycle_stage, 'prospect', r.since
				from (%s) r left join person_score s on s.person_id = r.id
				where s.lifecycle_stage is distinct from 'prospect'""".formatted(prospects))
			.param("scope", scope.value())
			.update();
		long prospectCount = this.jdbc.sql("""
				insert into person_score as s (person_id, tenant_id, lifecycle_stage, lifecycle_since, computed_at)
				select r.id, :scope, 'prospect', r.since, now() from (%s) r
				on conflict (person_id) do update set recency_days = null, frequency = null, monetary = null,
				    r_score = null, f_score = null, m_score = null, rfm_class = null, p_alive = null,
				    expected_purchases = null, expected_spend = null, clv = null, purchases = null,
				    first_purchase = null, last_purchase = null, next_purchase_from = null, next_purchase_to = null,
				    lifecycle_since = case when s.lifecycle_stage = 'prospect' then s.lifecycle_since
				        else excluded.lifecycle_since end,
				    lifecycle_stage = 'prospect', computed_at = now()""".formatted(prospects))
			.param("scope", scope.value())
			.update();
		// the rows of persons merged into others follow them: the survivor's row holds
		// their orders now
		this.jdbc.sql("""
				delete from person_score s using person p
				where s.tenant_id = :scope and p.id = s.person_id and p.merged_into is not null""")
			.param("scope", scope.value())
			.update();
		this.jdbc.sql("drop table new_score").update();
		if (figures == Figures.NOW || this.analytics.stale(scope)) {
			this.analytics.refresh(scope, today);
		}
		long millis = (System.nanoTime() - start) / 1_000_000;
		log.info("scores of scope {}: {} buyers, {} prospects, {} lifecycle transitions in {} ms", scope.value(),
				buyers.size(), prospectCount, transitions, millis);
		return new Refresh(scope.value(), buyers.size(), prospectCount, transitions, scored.fitted(), millis);
	}

	Buyers read(TenantId scope) {
		Buyers buyers = new Buyers();
		NamedParameterJdbcTemplate template = streaming();
		template.query(
				"select " + ScopeOrders.PERSON + " as person, " + ScopeOrders.DAY
						+ " as day, count(*) as orders, sum(o.amount - o.refund) as value from " + ScopeOrders.PURCHASES
						+ " group by 1, 2 order by 1, 2",
				new MapSqlParameterSource().addValue("tenants", this.scopes.tenantsOf(scope))
					.addValue("scope", scope.value()),
				rs -> {
					buyers.add(rs.getLong(1), (int) rs.getDate(2).toLocalDate().toEpochDay(), rs.getInt(3),
							rs.getDouble(4));
				});
		return buyers;
	}

	private NamedParameterJdbcTemplate streaming() {
		JdbcTemplate template = new JdbcTemplate(this.dataSource);
		template.setFetchSize(10_000);
		return new NamedParameterJdbcTemplate(template);
	}

	private void copy(Buyers buyers, Scoring.Result scored) throws SQLException {
		this.jdbc.sql("""
				create temporary table new_score (
				    person_id bigint primary key, recency_days integer, frequency integer, monetary numeric(14, 2),
				    r_score smallint, f_score smallint, m_score smallint, rfm_class text, lifecycle_stage text,
				    lifecycle_since date, p_alive real, expected_purchases real, expected_spend numeric(14, 2),
				    clv numeric(14, 2), purchases integer, first_purchase date, last_purchase date,
				    next_purchase_from date, next_purchase_to date) on commit drop""").update();
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("copy new_score from stdin");
		StringBuilder row = new StringBuilder(256);
		for (int i = 0; i < buyers.size(); i++) {
			row.setLength(0);
			scored.appendRow(i, buyers, row);
			byte[] bytes = row.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
			copy.writeToCopy(bytes, 0, bytes.length);
		}
		copy.endCopy();
		this.jdbc.sql("analyze new_score").update();
	}

}
