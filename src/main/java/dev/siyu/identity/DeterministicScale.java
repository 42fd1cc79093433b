package dev.siyu.identity;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;

import javax.sql.DataSource;

import dev.siyu.storage.BinaryCopy;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The deterministic step at scale, for the identity benchmark: accounts with three
 * identifiers each (platform id, phone, email) in unlogged tables of their own, resolved
 * into persons by the code {@link DeterministicLinking} runs (identifiers streamed with a
 * binary COPY into primitive arrays, sorted, united with union-find under the hub guard,
 * persons assigned, changes written back with COPY and one UPDATE) and, as the baseline,
 * by a recursive SQL query.
 */
@Component
public class DeterministicScale {

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	private final int hubThreshold;

	DeterministicScale(JdbcClient jdbc, DataSource dataSource,
			@Value("${siyu.identity.hub-threshold:20}") int hubThreshold) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.hubThreshold = hubThreshold;
	}

	/**
	 * Writes the accounts (each its own person, as after ingestion) and their
	 * identifiers; returns the truth: persons, and hub identifiers that must not link.
	 */
	public Truth prepare(long accounts, long seed) {
		if (accounts < 1 || accounts >= Integer.MAX_VALUE) {
			throw new IllegalArgumentException("accounts must be between 1 and " + Integer.MAX_VALUE);
		}
		drop();
		this.jdbc
			.sql("""
					create unlogged table bench_identity_account (id bigint not null, person_id bigint) with (fillfactor = 60);
					create unlogged table bench_identity_edge (account_id bigint not null, identifier_id bigint not null,
					  priority smallint not null)""")
			.update();
		this.jdbc.sql("insert into bench_identity_account select a, a from generate_series(1, ?) a")
			.param(accounts)
			.update();
		Truth truth;
		try (Connection connection = this.dataSource.getConnection();
				BinaryCopy edges = BinaryCopy.into(connection, "bench_identity_edge")) {
			truth = new AccountGraphGenerator(accounts, seed, this.hubThreshold).write(edges);
			edges.finish();
		}
		catch (SQLException ex) {
			throw new IllegalStateException("cannot write the identifiers: " + ex.getMessage(), ex);
		}
		this.jdbc.sql("analyze bench_identity_account; analyze bench_identity_edge").update();
		return truth;
	}

	/** Indexes the recursive query needs (not needed by siyu). */
	public void indexForSql() {
		this.jdbc.sql("""
				create index on bench_identity_edge (identifier_id);
				create index on bench_identity_edge (account_id);
				analyze bench_identity_edge""").update();
	}

	/**
	 * Resolves in siyu and writes the persons back; returns the number of persons, the
	 * accounts that changed person and the hub identifiers left out.
	 */
	public Resolved resolveInSiyu() {
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(false);
			int accounts = this.jdbc
				.sql("select reltuples::bigint from pg_class where relname = 'bench_identity_account'")
				.query(Long.class)
				.single()
				.intValue();
			Phases phases = new Phases();
			// the identifiers stream on a second connection while the accounts are read
			CompletableFuture<IdentifierEdges.Raw> edges = CompletableFuture.supplyAsync(() -> readEdges(accounts));
			AccountPersons current = AccountPersons.read(connection, "select id, person_id from bench_identity_account",
					accounts);
			AccountIndex index = current.index();
			phases.end("accounts");
			AccountSets connected = connect(edges.join(), index, phases);
			PersonAssignment assignment = PersonAssignment.of(connected.sets, current.persons(), index.size());
			long[] person = assignment.resolve(new long[0]);
			phases.end("assign");
			long moved = writeBack(connection, index, person, current.persons(), phases);
			connection.commit();
			phases.end("commit");
			return new Resolved(assignment.sets(), moved, connected.hubs, phases.toString());
		}
		catch (SQLException ex) {
			throw new IllegalStateException("cannot resolve the accounts: " + ex.getMessage(), ex);
		}
	}

	private IdentifierEdges.Raw readEdges(int accounts) {
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(false);
			IdentifierEdges.Raw raw = IdentifierEdges.readRaw(connection,
					"select identifier_id, account_id, priority from bench_identity_edge", accounts * 3);
			connection.commit();
			return raw;
		}
		catch (SQLException ex) {
			throw new IllegalStateException("cannot read the identifiers: " + ex.getMessage(), ex);
		}
	}

	private AccountSets connect(IdentifierEdges.Raw raw, AccountIndex index, Phases phases) {
		phases.end("identifiers");
		IdentifierEdges edges = raw.numbered(index);
		AccountSets connected = AccountSets.connect(index, edges, DoNotLink.none(), this.hubThreshold);
		phases.end("union");
		return connected;
	}

	private long writeBack(Connection connection, AccountIndex index, long[] person, long[] current, Phases phases)
			throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement
				.execute("create temp table bench_identity_move (account_id bigint, person_id bigint) on commit drop");
			// room for the join's hash table: with the default work_mem it spills in
			// batches
			statement.execute("set local work_mem = '512MB'");
		}
		long moved;
		try (BinaryCopy rows = BinaryCopy.into(connection, "bench_identity_move")) {
			for (int i = 0; i < person.length; i++) {
				if (person[i] != current[i]) {
					rows.row(2).int8(index.idAt(i)).int8(person[i]);
				}
			}
			moved = rows.finish();
		}
		phases.end("copy");
		try (Statement statement = connection.createStatement()) {
			statement.execute("analyze bench_identity_move");
			statement.executeUpdate("""
					update bench_identity_account a set person_id = m.person_id from bench_identity_move m
					where a.id = m.account_id""");
		}
		phases.end("update");
		return moved;
	}

	/** Persons among the accounts as written back. */
	public long persons() {
		return this.jdbc.sql("select count(distinct person_id) from bench_identity_account").query(Long.class).single();
	}

	/**
	 * Resolves with a recursive query (every account walks to the accounts sharing a
	 * non-hub identifier, the smallest reached names the person); returns the number of
	 * persons, or -1 when it did not finish within the time limit.
	 */
	public long resolveInSql(int timeoutSeconds) {
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("set statement_timeout = '" + timeoutSeconds + "s'");
			statement.execute("set work_mem = '256MB'");
			statement.execute("drop table if exists bench_identity_person_sql");
			try {
				statement.execute("""
						create unlogged table bench_identity_person_sql as
						with recursive hub as (
						  select identifier_id from bench_identity_edge group by identifier_id having count(*) > %d
						), reach (account_id, reached) as (
						  select id, id from bench_identity_account
						  union
						  select r.account_id, e2.account_id
						  from reach r join bench_identity_edge e1 on e1.account_id = r.reached
						  join bench_identity_edge e2 on e2.identifier_id = e1.identifier_id
						  where e1.identifier_id not in (select identifier_id from hub)
						)
						select account_id, min(reached) as person_id from reach group by account_id"""
					.formatted(this.hubThreshold));
			}
			catch (SQLException ex) {
				if ("57014".equals(ex.getSQLState())) {
					return -1;
				}
				throw ex;
			}
			finally {
				statement.execute("reset statement_timeout");
				statement.execute("reset work_mem");
			}
			try (var rs = statement
				.executeQuery("select count(*) from bench_identity_person_sql where account_id = person_id")) {
				rs.next();
				return rs.getLong(1);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("the recursive query failed: " + ex.getMessage(), ex);
		}
	}

	public void drop() {
		this.jdbc.sql("""
				drop table if exists bench_identity_edge; drop table if exists bench_identity_account;
				drop table if exists bench_identity_person_sql""").update();
	}

	/**
	 * What the generator built: persons the accounts form, hub identifiers among them.
	 */
	public record Truth(long accounts, long identifiers, long persons, long hubs) {
	}

	/** What siyu found. */
	public record Resolved(long persons, long accountsMoved, long hubs, String phases) {
	}

	/** Seconds spent per phase, for the benchmark's log. */
	private static final class Phases {

		private final StringBuilder text = new StringBuilder();

		private long clock = System.nanoTime();

		void end(String phase) {
			long now = System.nanoTime();
			this.text.append(this.text.isEmpty() ? "" : ", ").append(phase).append(' ');
			this.text.append(String.format("%.2f s", (now - this.clock) / 1e9));
			this.clock = now;
		}

		@Override
		public String toString() {
			return this.text.toString();
		}

	}

}
