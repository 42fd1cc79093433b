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
			description = "Accounts (three identifiers each: 3M identifiers) for the deterministic step (default: N)")
	Long accounts;

	@Option(names = "--sql-accounts", defaultValue = "1000000", paramLabel = "K",
			description = "Run the recursive SQL baseline on at most this many accounts (a fresh graph of that "
					+ "size); siyu is timed again on it")
	long sqlAccounts;

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
		Map<String, Object> deterministic;
		try (ConfigurableApplicationContext context = Application.forCommand(this.database)) {
			deterministic = deterministic(context.getBean(DeterministicScale.class), accountCount);
		}
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("records", generated.size());
		out.put("seconds", round(seconds));
		out.put("pairsPerSec", Math.round(result.candidatePairs() / seconds));
		out.put("precision", Math.round(precision * 10000) / 10000.0);
		out.put("recall", Math.round(recall * 10000) / 10000.0);
		out.put("f1", Math.round(f1 * 10000) / 10000.0);
		out.putAll(deterministic);
		Output.result(this.json, out);
		return 0;
	}

	/**
	 * Resolves the accounts in siyu and, on at most {@code --sql-accounts} of them, with
	 * the recursive query (and siyu again at that size, for a like-for-like ratio).
	 */
	private Map<String, Object> deterministic(DeterministicScale scale, long accountCount) {
		Map<String, Object> out = new LinkedHashMap<>();
		long clock = System.nanoTime();
		DeterministicScale.Truth truth = scale.prepare(accountCount, this.seed);
		System.err.printf("deterministic: generated %d accounts, %d identifiers, %d persons, %d hubs in %.1f s%n",
				truth.accounts(), truth.identifiers(), truth.persons(), truth.hubs(),
				(System.nanoTime() - clock) / 1e9);
		clock = System.nanoTime();
		DeterministicScale.Resolved resolved = scale.resolveInSiyu();
		double seconds = (System.nanoTime() - clock) / 1e9;
		check("siyu", resolved.persons(), truth);
		check("siyu (as written back)", scale.persons(), truth);
		System.err.printf("deterministic: siyu %.2f s (%s), %d accounts moved, %d hubs quarantined%n", seconds,
				resolved.phases(), resolved.accountsMoved(), resolved.hubs());
		out.put("accounts", truth.accounts());
		out.put("identifiers", truth.identifiers());
		out.put("persons", truth.persons());
		out.put("hubsQuarantined", resolved.hubs());
		out.put("deterministicSeconds", round(seconds));
		long sqlAccounts = Math.min(accountCount, this.sqlAccounts);
		Double siyuAtSqlSize = null;
		if (sqlAccounts < accountCount) {
			truth = scale.prepare(sqlAccounts, this.seed);
			clock = System.nanoTime();
			check("siyu", scale.resolveInSiyu().persons(), truth);
			siyuAtSqlSize = round((System.nanoTime() - clock) / 1e9);
			scale.prepare(sqlAccounts, this.seed);
		}
		scale.indexForSql();
		clock = System.nanoTime();
		long sqlPersons = scale.resolveInSql(this.sqlTimeout);
		Double sqlSeconds = (sqlPersons < 0) ? null : round((System.nanoTime() - clock) / 1e9);
		if (sqlPersons >= 0) {
			check("the recursive query", sqlPersons, truth);
		}
		else {
			System.err.println("deterministic: recursive SQL gave up after " + this.sqlTimeout + " s");
		}
		scale.drop();
		out.put("sqlDeterministicRecords", sqlAccounts);
		out.put("sqlDeterministicSeconds", sqlSeconds);
		if (siyuAtSqlSize != null) {
			out.put("deterministicSecondsAtSqlSize", siyuAtSqlSize);
		}
		return out;
	}

	private static void check(String who, long persons, DeterministicScale.Truth truth) {
		if (persons != truth.persons()) {
			throw new IllegalStateException(who + " found " + persons + " persons among " + truth.accounts()
					+ " accounts, expected " + truth.persons());
		}
	}

	private static double round(double value) {
		return Math.round(value * 100) / 100.0;
	}

}
