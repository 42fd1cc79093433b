package dev.siyu.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import javax.sql.DataSource;

import dev.siyu.audience.SegmentBenchmark;
import dev.siyu.identity.FirstAccounts;
import dev.siyu.ingest.ImportResult;
import dev.siyu.ingest.IngestBaseline;
import dev.siyu.ingest.Imports;
import dev.siyu.storage.Folders;
import dev.siyu.storage.TenantPartitions;
import dev.siyu.synthetic.GenerationRequest;
import dev.siyu.synthetic.Manifest;
import dev.siyu.synthetic.ManifestFile;
import dev.siyu.synthetic.SyntheticBrand;
import dev.siyu.tenant.Tenants;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

@Command(name = "bench", mixinStandardHelpOptions = true,
		description = "Benchmarks against a baseline measured in the same run.",
		subcommands = { BenchCommand.Ingest.class, BenchCommand.Segments.class, WeComBench.class,
				WeComBenchSender.class, ValueBench.class, ConsoleBench.class, IdentityBench.class })
class BenchCommand {

	@Command(name = "segments", mixinStandardHelpOptions = true,
			description = "Count realistic expressions on a synthetic bitmap index of N persons and M tags, and the same "
					+ "expressions on PostgreSQL with K of those persons loaded; print latencies, index size and speed-up.")
	static class Segments implements Callable<Integer> {

		@Mixin
		DatabaseOptions database = new DatabaseOptions();

		@Option(names = "--persons", defaultValue = "1000000", paramLabel = "N",
				description = "Persons in the index (default: ${DEFAULT-VALUE})")
		int persons;

		@Option(names = "--tags", defaultValue = "2000", paramLabel = "M",
				description = "Tags (default: ${DEFAULT-VALUE})")
		int tags;

		@Option(names = "--sql-persons", paramLabel = "K",
				description = "Persons loaded into PostgreSQL (default: N up to 1,000,000)")
		Integer sqlPersons;

		@Option(names = "--seed", defaultValue = "7")
		long seed;

		@Option(names = "--json", description = "Print one JSON object as the last line")
		boolean json;

		@Option(names = "--verbose", description = "Add each expression's p50 and max, and the GC time while counting")
		boolean verbose;

		@Override
		public Integer call() throws Exception {
			if (this.persons < 1 || this.tags < 1) {
				throw new IllegalArgumentException("--persons and --tags must be positive");
			}
			int sqlPersons = (this.sqlPersons != null) ? this.sqlPersons : Math.min(this.persons, 1_000_000);
			if (sqlPersons < 1 || sqlPersons > this.persons) {
				throw new IllegalArgumentException("--sql-persons must be between 1 and --persons");
			}
			Path work = null;
			if (this.database.dataDir == null && this.database.db == null) {
				work = Files.createTempDirectory("siyu-bench-");
				this.database.dataDir = work.resolve("data");
			}
			try (ProgressBar progress = new ProgressBar();
					ConfigurableApplicationContext context = Application.forCommand(this.database)) {
				Tenants tenants = context.getBean(Tenants.class);
				String suffix = Long.toString(System.currentTimeMillis(), 36);
				long big = tenants.create("bench-segments-" + suffix, "benchmark").tenant().id().value();
				long sql = tenants.create("bench-segments-sql-" + suffix, "benchmark").tenant().id().value();
				Map<String, Object> out = context.getBean(SegmentBenchmark.class)
					.run(big, sql, this.persons, this.tags, sqlPersons, this.seed, this.verbose, progress::update);
				progress.close();
				Output.result(this.json, out);
			}
			finally {
				if (work != null) {
					Ingest.deleteQuietly(work);
				}
			}
			return 0;
		}

	}

	@Command(name = "ingest", mixinStandardHelpOptions = true,
			description = "Import N generated Tmall orders through the product's path into a fresh tenant, after W others "
					+ "into a tenant of their own, and COPY the same file raw into an unindexed table; print both "
					+ "rates and their ratio.")
	static class Ingest implements Callable<Integer> {

		@Mixin
		DatabaseOptions database = new DatabaseOptions();

		@Option(names = "--orders", defaultValue = "1000000", paramLabel = "N",
				description = "Orders to generate and import (default: ${DEFAULT-VALUE})")
		long orders;

		@Option(names = "--seed", defaultValue = "7")
		long seed;

		@Option(names = "--warmup", paramLabel = "W",
				description = "Orders imported into a tenant of their own before the timed import, so the JIT has "
						+ "compiled the import (default: N/5, at most 200,000; 0 times a cold JVM)")
		Long warmup;

		@Option(names = "--json", description = "Print one JSON object as the last line")
		boolean json;

		@Override
		public Integer call() throws Exception {
			long warmupOrders = (this.warmup != null) ? this.warmup : Math.min(this.orders / 5, 200_000);
			if (warmupOrders < 0) {
				throw new IllegalArgumentException("--warmup must not be negative");
			}
			Path work = Files.createTempDirectory("siyu-bench-");
			if (this.database.dataDir == null && this.database.db == null) {
				this.database.dataDir = work.resolve("data");
			}
			try (ProgressBar progress = new ProgressBar()) {
				Manifest manifest = SyntheticBrand
					.generate(
							new GenerationRequest(this.orders, this.seed, work.resolve("files"), Set.of("taobao"),
									this.orders),
							written -> progress.update(0.2 * written / this.orders, "generating"));
				Path orderFile = orderFile(work.resolve("files"), manifest);
				try (ConfigurableApplicationContext context = Application.forCommand(this.database)) {
					if (warmupOrders > 0) {
						progress.update(0.2, "warming up");
						warmUp(context, work.resolve("warmup"), warmupOrders);
					}
					IngestBaseline baseline = new IngestBaseline(context.getBean(DataSource.class));
					progress.update(0.2, "raw COPY baseline");
					double copySecondsBefore = baseline.copySeconds(orderFile);
					String tenantName = "bench-" + Long.toString(System.currentTimeMillis(), 36);
					var tenant = context.getBean(Tenants.class).create(tenantName, "benchmark").tenant();
					resetPeaks();
					long start = System.nanoTime();
					PhaseClock phases = new PhaseClock(ProcessorTime.of(context.getBean(DataSource.class)));
					ImportResult result = context.getBean(Imports.class)
						.importFiles(tenant.id(), "taobao", null, List.of(orderFile), (fraction, phase) -> {
							phases.enter(phase);
							progress.update(0.25 + 0.7 * fraction, phase);
						});
					double productSeconds = (System.nanoTime() - start) / 1e9;
					long peakHeap = peakHeapBytes();
					progress.update(0.96, "raw COPY baseline");
					double copySeconds = Math.min(copySecondsBefore, baseline.copySeconds(orderFile));
					progress.close();
					long imported = result.imported() + result.updated() + result.unchanged();
					double productRate = imported / productSeconds;
					double copyRate = baseline.rows() / copySeconds;
					Map<String, Object> out = new LinkedHashMap<>();
					out.put("orders", imported);
					out.put("productOrdersPerSec", Math.round(productRate));
					out.put("copyRowsPerSec", Math.round(copyRate));
					out.put("ratio", Math.round(productRate / copyRate * 1000) / 1000.0);
					out.put("peakHeapMb", peakHeap / (1024 * 1024));
					out.put("productSeconds", Math.round(productSeconds * 100) / 100.0);
					out.put("copySeconds", Math.round(copySeconds * 100) / 100.0);
					out.put("rejected", result.rejected());
					out.put("warmupOrders", warmupOrders);
					out.put("phaseSeconds", phases.seconds());
					out.put("phaseCpuSeconds", phases.cpuSeconds());
					Output.result(this.json, out);
				}
			}
			finally {
				deleteQuietly(work);
			}
			return 0;
		}

		/**
		 * Imports W other orders into a tenant of their own and waits until the reactions
		 * to them are done and their pages are on disk, so the timed import finds the
		 * import's code compiled, as a running server does, and nothing else at work.
		 */
		private void warmUp(ConfigurableApplicationContext context, Path dir, long warmupOrders) throws Exception {
			Manifest manifest = SyntheticBrand.generate(
					new GenerationRequest(warmupOrders, this.seed + 1, dir, Set.of("taobao"), warmupOrders),
					(written) -> {
					});
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			OffsetDateTime started = jdbc.sql("select now()").query(OffsetDateTime.class).single();
			var tenant = context.getBean(Tenants.class)
				.create("bench-warmup-" + Long.toString(System.currentTimeMillis(), 36), "benchmark")
				.tenant();
			context.getBean(Imports.class)
				.importFiles(tenant.id(), "taobao", null, List.of(orderFile(dir, manifest)), (fraction, phase) -> {
				});
			ConsoleBench.awaitReactions(jdbc, started);
			List<String> tables = new ArrayList<>(TenantPartitions.holding(jdbc, "orders", tenant.id().value()));
			for (String graph : FirstAccounts.GRAPH_TABLES) {
				tables.addAll(TenantPartitions.holding(jdbc, graph, tenant.identityScope().value()));
			}
			jdbc.sql("vacuum analyze " + String.join(", ", tables)).update();
			jdbc.sql("checkpoint").update();
			deleteQuietly(dir);
		}

		/**
		 * How long the import spent in each phase it reported, on the wall clock and in
		 * processor time of this JVM and of PostgreSQL.
		 */
		private static final class PhaseClock {

			private final ProcessorTime cpu;

			private final Map<String, Double> seconds = new LinkedHashMap<>();

			private final Map<String, Map<String, Double>> cpuSeconds = new LinkedHashMap<>();

			private String current;

			private long since = System.nanoTime();

			private double javaSince;

			private double postgresSince;

			PhaseClock(ProcessorTime cpu) {
				this.cpu = cpu;
			}

			void enter(String phase) {
				String name = phase.startsWith("reading") ? "reading" : phase;
				if (!name.equals(this.current)) {
					long now = System.nanoTime();
					double java = this.cpu.java();
					double postgres = this.cpu.postgres();
					if (this.current != null) {
						this.seconds.merge(this.current, round((now - this.since) / 1e9), Double::sum);
						Map<String, Double> used = this.cpuSeconds.computeIfAbsent(this.current,
								(key) -> new LinkedHashMap<>());
						used.merge("java", round(java - this.javaSince), Double::sum);
						used.merge("postgres", round(postgres - this.postgresSince), Double::sum);
					}
					this.current = name;
					this.since = now;
					this.javaSince = java;
					this.postgresSince = postgres;
				}
			}

			private static double round(double seconds) {
				return Math.round(seconds * 100) / 100.0;
			}

			Map<String, Double> seconds() {
				return this.seconds;
			}

			Map<String, Map<String, Double>> cpuSeconds() {
				return this.cpuSeconds;
			}

		}

		private static Path orderFile(Path dir, Manifest manifest) {
			for (ManifestFile file : manifest.files()) {
				if (file.path().contains("ExportOrderList")) {
					return dir.resolve(file.path());
				}
			}
			throw new IllegalStateException("the generator wrote no Taobao order file");
		}

		private static void resetPeaks() {
			System.gc();
			for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
				if (pool.getType() == MemoryType.HEAP) {
					pool.resetPeakUsage();
				}
			}
		}

		/** Sum of each heap pool's peak: never less than the true peak of the heap. */
		private static long peakHeapBytes() {
			long peak = 0;
			for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
				if (pool.getType() == MemoryType.HEAP) {
					peak += pool.getPeakUsage().getUsed();
				}
			}
			return peak;
		}

		static void deleteQuietly(Path dir) {
			try {
				Folders.delete(dir);
			}
			catch (IOException ex) {
				System.err.println("warning: could not delete " + dir + ": " + ex.getMessage());
			}
		}

	}

}
