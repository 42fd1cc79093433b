package dev.siyu.value;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * The value benchmark: draws purchase histories, loads their orders into PostgreSQL, then
 * times fitting the models and scoring everyone against one plain aggregation pass over
 * the same orders in SQL (count, first and last day, sum per customer), the floor of any
 * computation that reads every customer's orders.
 */
public final class ValueBenchmark {

	private static final LocalDate DAY_ZERO = LocalDate.of(2024, 1, 1);

	private final DataSource dataSource;

	public ValueBenchmark(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	public Map<String, Object> run(int customers, long seed, BiConsumer<Double, String> progress) throws SQLException {
		String table = "bench_value_order_" + Long.toString(System.nanoTime(), 36);
		try (Connection connection = this.dataSource.getConnection()) {
			try {
				execute(connection, "create unlogged table " + table
						+ " (customer_id bigint not null, day date not null, amount numeric(12, 2) not null)");
				progress.accept(0.0, "drawing purchase histories into PostgreSQL");
				long[] orders = new long[1];
				Purchases purchases = load(connection, table, customers, seed, orders, progress);
				execute(connection, "analyze " + table);
				progress.accept(0.45, "SQL aggregation");
				long sqlBefore = aggregate(connection, table);
				System.gc();
				progress.accept(0.55, "fitting");
				ValueModels models = ValueModels.fit(purchases, false);
				progress.accept(0.7, "scoring");
				long start = System.nanoTime();
				long scored = score(purchases, models);
				long scoreMillis = (System.nanoTime() - start) / 1_000_000;
				progress.accept(0.9, "SQL aggregation");
				long sqlMillis = Math.min(sqlBefore, aggregate(connection, table));
				Map<String, Object> out = new LinkedHashMap<>();
				out.put("customers", customers);
				out.put("fitMillis", models.fitMillis());
				out.put("scoreMillis", scoreMillis);
				out.put("sqlAggregateMillis", sqlMillis);
				out.put("ratio", Math.round((models.fitMillis() + scoreMillis) * 1000.0 / sqlMillis) / 1000.0);
				out.put("orders", orders[0]);
				out.put("scored", scored);
				out.put("bgnbd", ClvFits.bgNbd(models.bgNbd()));
				out.put("gammagamma",
						models.gammaGamma() == null ? null : ClvFits.gammaGamma(models.gammaGamma().model()));
				return out;
			}
			finally {
				execute(connection, "drop table if exists " + table);
			}
		}
	}

	private static Purchases load(Connection connection, String table, int customers, long seed, long[] orders,
			BiConsumer<Double, String> progress) throws SQLException {
		CopyIn copy = connection.unwrap(PGConnection.class)
			.getCopyAPI()
			.copyIn("copy " + table + " (customer_id, day, amount) from stdin");
		String[] days = new String[PurchaseSimulation.DAYS];
		for (int d = 0; d < days.length; d++) {
			days[d] = "\t" + DAY_ZERO.plusDays(d) + "\t";
		}
		StringBuilder buffer = new StringBuilder(1 << 20);
		SQLException[] failure = new SQLException[1];
		Purchases purchases = new PurchaseSimulation(seed).draw(customers, (customer, day, value) -> {
			buffer.append(customer).append(days[day]);
			buffer.append(Math.round(value * 100) / 100.0).append('\n');
			orders[0]++;
			if (buffer.length() > (1 << 20) - 100) {
				flush(copy, buffer, failure);
				if (customer % 1000 == 0) {
					progress.accept(0.45 * customer / customers, "drawing purchase histories into PostgreSQL");
				}
			}
		});
		flush(copy, buffer, failure);
		if (failure[0] != null) {
			copy.cancelCopy();
			throw failure[0];
		}
		copy.endCopy();
		return purchases;
	}

	private static void flush(CopyIn copy, StringBuilder buffer, SQLException[] failure) {
		if (failure[0] == null && buffer.length() > 0) {
			byte[] bytes = buffer.toString().getBytes(StandardCharsets.US_ASCII);
			try {
				copy.writeToCopy(bytes, 0, bytes.length);
			}
			catch (SQLException ex) {
				failure[0] = ex;
			}
		}
		buffer.setLength(0);
	}

	/** Scores every customer; returns how many got a lifetime value. */
	static long score(Purchases purchases, ValueModels models) {
		CustomerValue.Scores scores = models.scoring(365, 0.1, TimeUnit.DAY).scoreAll(purchases);
		long valued = 0;
		for (int i = 0; i < purchases.size(); i++) {
			if (scores.clv(i) >= 0 && scores.probabilityAlive(i) >= 0 && scores.expectedPurchases(i) >= 0) {
				valued++;
			}
		}
		return valued;
	}

	private static long aggregate(Connection connection, String table) throws SQLException {
		long start = System.nanoTime();
		execute(connection,
				"create temporary table " + table + "_summary as select customer_id, count(*) as orders,"
						+ " min(day) as first_day, max(day) as last_day, sum(amount) as amount from " + table
						+ " group by customer_id");
		long millis = (System.nanoTime() - start) / 1_000_000;
		execute(connection, "drop table " + table + "_summary");
		return millis;
	}

	private static void execute(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
