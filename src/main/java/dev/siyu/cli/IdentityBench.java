package dev.siyu.cli;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import dev.siyu.identity.DeterministicScale;
import dev.siyu.matching.MatchResult;
import dev.siyu.matching.MatchSettings;
import dev.siyu.matching.Matcher;
import dev.siyu.matching.Records;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import org.springframework.context.ConfigurableApplicationContext;

@Command(name = "identity", mixinStandardHelpOptions = true,
		description = "Generate Chinese person records with known duplicates, deduplicate them probabilistically "
				+ "(or link two lists with --link) and score against the truth; then resolve accounts sharing "
				+ "identifiers deterministically in siyu and, as the baseline, with a recursive SQL query.")
class IdentityBench implements Callable<Integer> {

	@Mixin
	DatabaseOptions database = new DatabaseOptions();

	@Option(names = "--records", defaultValue = "100000", paramLabel = "N",
			description = "Records to deduplicate (with --link: records in each list)")
	int records;

	@Option(names = "--link", description = "Link two lists of N records instead of deduplicating one")
	boolean link;

	@Option(names = "--accounts", paramLabel = "M",
			description = "Accounts (three identifiers each) for the deterministic step (default: N)")
	Long accounts;

	@Option(names = "--sql-timeout", defaultValue = "600", paramLabel = "SECONDS",
			description = "Give up the recursive SQL baseline after this long")
	int sqlTimeout;

	@Option(names = "--seed", defaultValue = "7")
	long seed;

	@Option(names = "--json", description = "Print one JSON object as the last line")
	boolean json;

	@Override
	public Integer call() {
		if (this.records < 10) {
			throw new IllegalArgumentException("--records must be at least 10, got " + this.records);
		}
		PersonRecordsGenerator generator = new PersonRecordsGenerator(this.seed);
		PersonRecordsGenerator.Generated generated = this.link ? generator.linkage(this.records)
				: generator.dedupe(this.records);
		long start = System.nanoTime();
		Records prepared = generated.records();
		MatchResult result = Matcher.run(prepared, MatchSettings.defaults(PersonRecordsGenerator.FIELDS));
		double seconds = (System.nanoTime() - start) / 1e9;
		long correct = 0;
		long predicted = 0;
		Set<Long> seen = new HashSet<>();
		for (int p = 0; p < result.pairCount(); p++) {
			if (result.isMatch(p) && seen.add(((long) result.left(p) << 32) | result.right(p))) {
				predicted++;
				correct += (generated.truth()[result.left(p)] == generated.truth()[result.right(p)]) ? 1 : 0;
			}
		}
		long truePairs = generated.truePairs();
		double precision = (predicted == 0) ? 0 : correct / (double) predicted;
		double recall = (truePairs == 0) ? 1 : correct / (double) truePairs;
		double f1 = (precision + recall == 0) ? 0 : 2 * precision * recall / (precision + recall);
		System.err.println("matching: " + result.candidatePairs() + " candidate pairs, phases " + result.phaseSeconds()
				+ ", " + predicted + " pairs predicted, " + truePairs + " true");

		long accountCount = (this.accounts != null) ? this.accounts : generated.size();
		double deterministicSeconds;
		Double sqlSeconds;
		try (ConfigurableApplicationContext context = Application.forCommand(this.database)) {
			DeterministicScale scale = context.getBean(DeterministicScale.class);
			long expected = scale.prepare(accountCount);
			long clock = System.nanoTime();
			long persons = scale.resolveInSiyu();
			deterministicSeconds = (System.nanoTime() - clock) / 1e9;
			if (persons != expected) {
				throw new IllegalStateException("siyu found " + persons + " persons, expected " + expected);
			}
			clock = System.nanoTime();
			long sqlPersons = scale.resolveInSql(this.sqlTimeout);
			sqlSeconds = (sqlPersons < 0) ? null : (System.nanoTime() - clock) / 1e9;
			if (sqlPersons >= 0 && sqlPersons != expected) {
				throw new IllegalStateException(
						"the recursive query found " + sqlPersons + " persons, expected " + expected);
			}
			System.err.println("deterministic: " + accountCount + " accounts, " + accountCount * 3 + " identifiers, "
					+ expected + " persons"
					+ ((sqlPersons < 0) ? "; recursive SQL gave up after " + this.sqlTimeout + " s" : ""));
			scale.drop();
		}
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("records", generated.size());
		out.put("seconds", round(seconds));
		out.put("pairsPerSec", Math.round(result.candidatePairs() / seconds));
		out.put("precision", Math.round(precision * 10000) / 10000.0);
		out.put("recall", Math.round(recall * 10000) / 10000.0);
		out.put("f1", Math.round(f1 * 10000) / 10000.0);
		out.put("deterministicSeconds", round(deterministicSeconds));
		out.put("sqlDeterministicSeconds", (sqlSeconds != null) ? round(sqlSeconds) : null);
		Output.result(this.json, out);
		return 0;
	}

	private static double round(double value) {
		return Math.round(value * 100) / 100.0;
	}

}
