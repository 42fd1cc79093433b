package dev.siyu.audience;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BiConsumer;

import javax.sql.DataSource;

import dev.siyu.tags.TagsChanged;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code siyu bench segments}: counts a fixed set of realistic expressions on a synthetic
 * index of N persons, and the same expressions on PostgreSQL with K of those persons
 * loaded into the product's tables, where the bitmap engine also runs on an index read
 * from those tables; both engines must give the same counts there.
 */
@Component
public class SegmentBenchmark {

	/**
	 * Expressions of 3 to 10 conditions; tag numbers are taken modulo the catalog's size.
	 */
	static final List<String> EXPRESSIONS = List.of("tag('t0') and tag('t1') and not tag('t2')",
			"tag('t3') and city in ('杭州', '上海') and clv >= 500",
			"(tag('t0') or tag('t5')) and recency_days <= 90 and frequency >= 3 and not tag('t4')",
			"tag('t10') and tag('t1') and monetary >= 1000 and p_alive > 0.5",
			"tag('t0') and tag('t1') and tag('t2') and tag('t3') and not tag('t4') and city = '北京'",
			"(tag('t20') or tag('t30') or tag('t40')) and tier = 'gold' and clv >= 2000",
			"tag('t2') and recency_days >= 30 and recency_days < 180 and frequency >= 2 and monetary >= 300"
					+ " and not tag('t7')",
			"tag('t100') or tag('t200') or tag('t300') or (tag('t0') and clv >= 5000)",
			"tag('t0') and tag('t1') and city in ('杭州', '上海', '深圳') and tier in ('gold', 'silver')"
					+ " and recency_days <= 365 and frequency >= 1 and monetary >= 100 and clv >= 100 and p_alive >= 0.2"
					+ " and not tag('t2')",
			"not tag('t0') and not tag('t1') and tag('t6') and p_alive < 0.3",
			"(tag('t1500') or tag('t999') or tag('t50')) and not tag('t3') and frequency >= 1");

	private final Segments segments;

	private final BitmapIndexes indexes;

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	SegmentBenchmark(Segments segments, BitmapIndexes indexes, JdbcClient jdbc, DataSource dataSource) {
		this.segments = segments;
		this.indexes = indexes;
		this.jdbc = jdbc;
		this.dataSource = dataSource;
	}

	/**
	 * Runs the benchmark for two fresh scopes: {@code bigScope} gets the N-person index
	 * in memory only, {@code sqlScope} gets K persons in PostgreSQL.
	 */
	public Map<String, Object> run(long bigScope, long sqlScope, int persons, int tagCount, int sqlPersons, long seed,
			boolean verbose, BiConsumer<Double, String> progress) throws SQLException {
		progress.accept(0.0, "generating persons");
		SyntheticPersons world = new SyntheticPersons(persons, tagCount, seed);
		List<Expression> expressions = expressions(tagCount);
		long[] bigTags = tags(bigScope, tagCount);
		long[] ids = new long[persons];
		for (int p = 0; p < persons; p++) {
			ids[p] = p + 1L;
		}
		progress.accept(0.15, "building the bitmap index");
		TenantIndex big = world.index(bigScope, this.indexes.today(), ids, bigTags, persons);
		ids = null;
		this.indexes.install(big);
		progress.accept(0.25, "counting on bitmaps");
		long warmUntil = System.nanoTime() + 5_000_000_000L;
		for (int round = 0; round < 10 || System.nanoTime() < warmUntil && round < 200; round++) {
			for (Expression expression : expressions) {
				this.segments.count(bigScope, expression, Engine.BITMAP);
			}
		}
		System.gc();
		List<Double> bitmapMillis = new ArrayList<>();
		List<List<Double>> perExpression = new ArrayList<>();
		expressions.forEach(e -> perExpression.add(new ArrayList<>()));
		long gcBefore = gcMillis();
		for (int round = 0; round < 40; round++) {
			for (int e = 0; e < expressions.size(); e++) {
				double millis = this.segments.count(bigScope, expressions.get(e), Engine.BITMAP).millis();
				bitmapMillis.add(millis);
				perExpression.get(e).add(millis);
			}
		}
		long gcDuringCounts = gcMillis() - gcBefore;
		long indexBytes = big.sizeInBytes();
		progress.accept(0.35, "applying 100,000 tag changes");
		applyTagChanges(bigScope, bigTags, persons, seed + 100);
		double updatesMillis = applyTagChanges(bigScope, bigTags, persons, seed);
		this.indexes.drop(bigScope);
		big = null;

		progress.accept(0.4, "loading " + sqlPersons + " persons into PostgreSQL");
		long[] sqlTags = tags(sqlScope, tagCount);
		long loadStart = System.nanoTime();
		load(world, sqlScope, sqlTags, sqlPersons);
		double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
		world = null;
		progress.accept(0.7, "counting on PostgreSQL");
		List<Double> sqlMillis = new ArrayList<>();
		List<Double> bitmapAtSqlSize = new ArrayList<>();
		for (int round = 0; round < 20; round++) {
			for (Expression expression : expressions) {
				this.segments.count(sqlScope, expression, Engine.BITMAP);
			}
		}
		boolean agree = true;
		for (int round = 0; round < 3; round++) {
			for (Expression expression : expressions) {
				Segments.Count sql = this.segments.count(sqlScope, expression, Engine.SQL);
				Segments.Count bitmap = this.segments.count(sqlScope, expression, Engine.BITMAP);
				agree &= sql.count() == bitmap.count();
				sqlMillis.add(sql.millis());
				bitmapAtSqlSize.add(bitmap.millis());
			}
			progress.accept(0.7 + 0.1 * (round + 1), "counting on PostgreSQL");
		}
		this.indexes.drop(sqlScope);
		double sqlP50 = percentile(sqlMillis, 50);
		double bitmapP50AtSqlSize = percentile(bitmapAtSqlSize, 50);
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("persons", persons);
		out.put("tags", tagCount);
		out.put("p50Ms", round(percentile(bitmapMillis, 50)));
		out.put("p99Ms", round(percentile(bitmapMillis, 99)));
		out.put("sqlPersons", sqlPersons);
		out.put("sqlP50Ms", round(sqlP50));
		out.put("speedupAtSqlSize", Math.round(sqlP50 / Math.max(bitmapP50AtSqlSize, 0.001)));
		out.put("indexBytes", indexBytes);
		out.put("updates100kMs", round(updatesMillis));
		out.put("bitmapP50AtSqlSizeMs", round(bitmapP50AtSqlSize));
		out.put("enginesAgree", agree);
		out.put("sqlLoadSeconds", round(loadSeconds));
		if (verbose) {
			out.put("gcMsDuringCounts", gcDuringCounts);
			List<Map<String, Object>> details = new ArrayList<>();
			for (int e = 0; e < expressions.size(); e++) {
				Map<String, Object> detail = new LinkedHashMap<>();
				detail.put("expression", TextWriter.write(expressions.get(e)));
				detail.put("p50Ms", round(percentile(perExpression.get(e), 50)));
				detail.put("maxMs", round(percentile(perExpression.get(e), 100)));
				details.add(detail);
			}
			out.put("perExpression", details);
		}
		return out;
	}

	private static List<Expression> expressions(int tagCount) {
		List<Expression> expressions = new ArrayList<>();
		for (String text : EXPRESSIONS) {
			StringBuilder mapped = new StringBuilder();
			java.util.regex.Matcher tag = java.util.regex.Pattern.compile("tag\\('t(\\d+)'\\)").matcher(text);
			while (tag.find()) {
				tag.appendReplacement(mapped, "tag('t" + (Integer.parseInt(tag.group(1)) % tagCount) + "')");
			}
			tag.appendTail(mapped);
			expressions.add(Expressions.parse(mapped.toString()));
		}
		return expressions;
	}

	/** Tags t0..tM-1 in the scope's catalog, written in one statement. */
	private long[] tags(long scope, int tagCount) {
		long[] ids = new long[tagCount];
		this.jdbc.sql("""
				insert into tag (tenant_id, name, kind, owner) select ?, 't' || n, 'manual', 'bench'
				from generate_series(0, ? - 1) n returning id, name""")
			.params(scope, tagCount)
			.query((rs, n) -> ids[Integer.parseInt(rs.getString(2).substring(1))] = rs.getLong(1))
			.list();
		return ids;
	}

	/**
	 * 100,000 random tag entries and exits, delivered as the events tagging publishes.
	 */
	private double applyTagChanges(long scope, long[] tagIds, int persons, long seed) {
		SplittableRandom random = new SplittableRandom(seed + 1);
		List<TagsChanged> changes = new ArrayList<>();
		for (int batch = 0; batch < 100; batch++) {
			List<Long> added = new ArrayList<>();
			List<Long> removed = new ArrayList<>();
			for (int i = 0; i < 1000; i++) {
				long person = 1L + random.nextInt(persons);
				(random.nextBoolean() ? added : removed).add(person);
			}
			changes.add(new TagsChanged(scope, tagIds[random.nextInt(tagIds.length)], added, removed));
		}
		long start = System.nanoTime();
		for (TagsChanged change : changes) {
			this.indexes.apply(change);
		}
		return (System.nanoTime() - start) / 1e6;
	}

	/**
	 * The first K persons into person, person_profile, person_score and person_tag, by
	 * COPY.
	 */
	private void load(SyntheticPersons world, long scope, long[] tagIds, int size) throws SQLException {
		List<Long> ids = this.jdbc
			.sql("insert into person (tenant_id) select ? from generate_series(1, ?) returning id")
			.params(scope, size)
			.query(Long.class)
			.list();
		long[] personIds = ids.stream().mapToLong(Long::longValue).sorted().toArray();
		try (Connection connection = this.dataSource.getConnection()) {
			try (Copy copy = new Copy(connection, "person_profile (person_id, tenant_id, city, member_tier)")) {
				for (int p = 0; p < size; p++) {
					copy.row(personIds[p] + "\t" + scope + "\t" + SyntheticPersons.CITIES[world.city[p]] + "\t"
							+ SyntheticPersons.TIERS[world.tier[p]]);
				}
			}
			try (Copy copy = new Copy(connection,
					"person_score (person_id, tenant_id, recency_days, frequency, monetary, clv, p_alive)")) {
				for (int p = 0; p < size; p++) {
					if (world.recencyDays[p] >= 0) {
						copy.row(personIds[p] + "\t" + scope + "\t" + world.recencyDays[p] + "\t" + world.frequency[p]
								+ "\t" + money(world.monetaryCents[p]) + "\t" + money(world.clvCents[p]) + "\t"
								+ SyntheticPersons.pAlive(world.pAliveHundredths[p]));
					}
				}
			}
			try (Copy copy = new Copy(connection, "person_tag (tag_id, person_id, tenant_id, tagged_by)")) {
				for (int t = 0; t < tagIds.length; t++) {
					var members = world.tags[t].getIntIterator();
					while (members.hasNext()) {
						int p = members.next();
						if (p >= size) {
							break;
						}
						copy.row(tagIds[t] + "\t" + personIds[p] + "\t" + scope + "\tbench");
					}
				}
			}
			try (Statement statement = connection.createStatement()) {
				for (String table : Arrays.asList("person", "person_profile", "person_score", "person_tag")) {
					statement.execute("vacuum analyze " + table);
				}
			}
		}
	}

	private static long gcMillis() {
		long total = 0;
		for (var gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
			total += Math.max(0, gc.getCollectionTime());
		}
		return total;
	}

	private static String money(int cents) {
		return (cents / 100) + "." + String.format("%02d", cents % 100);
	}

	private static double percentile(List<Double> values, int percent) {
		double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		int rank = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
	}

	private static double round(double value) {
		return Math.round(value * 100) / 100.0;
	}

	/** COPY of tab-separated rows, sent in chunks. */
	private static final class Copy implements AutoCloseable {

		private final CopyIn copy;

		private final StringBuilder chunk = new StringBuilder(1 << 20);

		Copy(Connection connection, String target) throws SQLException {
			this.copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("copy " + target + " from stdin");
		}

		void row(String row) throws SQLException {
			this.chunk.append(row).append('\n');
			if (this.chunk.length() > (1 << 20)) {
				flush();
			}
		}

		private void flush() throws SQLException {
			byte[] bytes = this.chunk.toString().getBytes(StandardCharsets.UTF_8);
			this.copy.writeToCopy(bytes, 0, bytes.length);
			this.chunk.setLength(0);
		}

		@Override
		public void close() throws SQLException {
			flush();
			this.copy.endCopy();
		}

	}

}
