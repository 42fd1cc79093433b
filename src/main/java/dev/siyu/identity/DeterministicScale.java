package dev.siyu.identity;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The deterministic step at scale, for the identity benchmark: accounts with three
 * identifiers each (a phone shared by pairs, a phone and an email chaining triples, the
 * rest unique) in unlogged tables of their own, resolved into persons the way
 * {@link DeterministicLinking} does (identifier-ordered edges streamed into union-find,
 * persons written back with COPY) and, as the baseline, by a recursive SQL query.
 */
@Component
public class DeterministicScale {

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	DeterministicScale(JdbcClient jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
	}

	/**
	 * Writes the accounts and their identifiers; returns the number of persons they form.
	 */
	public long prepare(long accounts) {
		drop();
		long pairsEnd = accounts / 2 / 2 * 2;
		long triplesEnd = pairsEnd + (accounts * 3 / 10) / 3 * 3;
		long space = accounts * 10;
		this.jdbc.sql(
				"create unlogged table bench_identity_edge (account_id bigint not null, identifier_id bigint not null)")
			.update();
		this.jdbc
			.sql("""
					insert into bench_identity_edge
					select a, case when a <= :pairs then (a + 1) / 2
					               when a <= :triples and (a - :pairs - 1) % 3 < 2 then :space + (a - :pairs - 1) / 3
					               else 2 * :space + a end
					from generate_series(1, :n) a
					union all
					select a, case when a > :pairs and a <= :triples and (a - :pairs - 1) % 3 > 0 then 3 * :space + (a - :pairs - 1) / 3
					               else 4 * :space + a end
					from generate_series(1, :n) a
					union all
					select a, 5 * :space + a from generate_series(1, :n) a""")
			.param("pairs", pairsEnd)
			.param("triples", triplesEnd)
			.param("space", space)
			.param("n", accounts)
			.update();
		this.jdbc.sql("create index on bench_identity_edge (identifier_id)").update();
		this.jdbc.sql("create index on bench_identity_edge (account_id)").update();
		this.jdbc.sql("analyze bench_identity_edge").update();
		return pairsEnd / 2 + (triplesEnd - pairsEnd) / 3 + (accounts - triplesEnd);
	}

	/** Resolves in siyu; returns the number of persons found. */
	public long resolveInSiyu() {
		AccountIndex index = new AccountIndex(1 << 20);
		int[][] edges = { new int[1 << 20], new int[1 << 20] };
		int[] count = { 0 };
		long[] previous = { -1, -1 };
		UnionFind[] sets = new UnionFind[1];
		// streamed with a cursor: the driver would otherwise hold every edge in memory
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try (Statement statement = connection.createStatement()) {
				statement.setFetchSize(100_000);
				try (var rs = statement.executeQuery(
						"select identifier_id, account_id from bench_identity_edge order by identifier_id, account_id")) {
					while (rs.next()) {
						long identifier = rs.getLong(1);
						int account = index.indexOf(rs.getLong(2));
						if (identifier == previous[0]) {
							if (count[0] == edges[0].length) {
								edges[0] = java.util.Arrays.copyOf(edges[0], count[0] * 2);
								edges[1] = java.util.Arrays.copyOf(edges[1], count[0] * 2);
							}
							edges[0][count[0]] = (int) previous[1];
							edges[1][count[0]++] = account;
						}
						else {
							previous[0] = identifier;
							previous[1] = account;
						}
					}
				}
			}
			connection.commit();
		}
		catch (SQLException ex) {
			throw new IllegalStateException("cannot read the identifiers: " + ex.getMessage(), ex);
		}
		sets[0] = new UnionFind(index.size());
		for (int e = 0; e < count[0]; e++) {
			sets[0].union(edges[0][e], edges[1][e]);
		}
		return writePersons(index, sets[0]);
	}

	private long writePersons(AccountIndex index, UnionFind sets) {
		this.jdbc.sql("drop table if exists bench_identity_person").update();
		this.jdbc.sql("create unlogged table bench_identity_person (account_id bigint, person_id bigint)").update();
		long persons = 0;
		try (Connection connection = this.dataSource.getConnection()) {
			CopyIn copy = connection.unwrap(PGConnection.class)
				.getCopyAPI()
				.copyIn("copy bench_identity_person from stdin");
			StringBuilder rows = new StringBuilder(1 << 16);
			for (int i = 0; i < index.size(); i++) {
				int root = sets.find(i);
				persons += (root == i) ? 1 : 0;
				rows.append(index.idAt(i)).append('\t').append(index.idAt(root)).append('\n');
				if (rows.length() > 60_000) {
					byte[] bytes = rows.toString().getBytes(StandardCharsets.US_ASCII);
					copy.writeToCopy(bytes, 0, bytes.length);
					rows.setLength(0);
				}
			}
			byte[] bytes = rows.toString().getBytes(StandardCharsets.US_ASCII);
			copy.writeToCopy(bytes, 0, bytes.length);
			copy.endCopy();
		}
		catch (SQLException ex) {
			throw new IllegalStateException("cannot write the persons: " + ex.getMessage(), ex);
		}
		return persons;
	}

	/**
	 * Resolves with a recursive query (every account walks to the accounts sharing an
	 * identifier, the smallest reached names the person); returns the number of persons,
	 * or -1 when it did not finish within the time limit.
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
						with recursive reach (account_id, reached) as (
						  select distinct account_id, account_id from bench_identity_edge
						  union
						  select r.account_id, e2.account_id
						  from reach r join bench_identity_edge e1 on e1.account_id = r.reached
						  join bench_identity_edge e2 on e2.identifier_id = e1.identifier_id
						)
						select account_id, min(reached) as person_id from reach group by account_id""");
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
				drop table if exists bench_identity_edge; drop table if exists bench_identity_person;
				drop table if exists bench_identity_person_sql""").update();
	}

}
