package dev.siyu.matching;

import java.util.Arrays;

/**
 * Deduplicates one list of records or links two: blocks, compares the candidate pairs,
 * estimates u from random pairs and m by EM on the candidates (no labels), scores, and
 * clusters the pairs at or above the threshold.
 */
public final class Matcher {

	private Matcher() {
	}

	public static MatchResult run(Records records, MatchSettings settings) {
		Stopwatch clock = new Stopwatch();
		Agreement agreement = new Agreement(records);
		CandidatePairs candidates = CandidatePairs.of(records, settings.rules(), settings.maxBlock());
		clock.lap("blocking");
		byte[] levels = agreement.compareAll(candidates);
		clock.lap("comparing");
		double[][] u = RandomPairs.uProbabilities(records, agreement, settings.randomPairs(), settings.seed());
		int[] levelCounts = new int[agreement.fields()];
		for (int f = 0; f < levelCounts.length; f++) {
			levelCounts[f] = records.comparison(f).levels().length;
		}
		Expectation em = Expectation.of(levelCounts, levels, candidates.size()).run(u);
		double prior = priorOf(records, em.matchShare() * candidates.size());
		Model model = new Model(records, em.m(), u, prior);
		clock.lap("training");
		Scoring scoring = new Scoring(records, model, agreement);
		MatchResult.Builder kept = new MatchResult.Builder();
		int fields = agreement.fields();
		double keepWeight = weightOf(settings.keepFrom());
		for (int p = 0; p < candidates.size(); p++) {
			double weight = scoring.weight(levels, p * fields, candidates.left(p));
			if (weight >= keepWeight) {
				kept.add(candidates.left(p), candidates.right(p), weight);
			}
		}
		int[] cluster = kept.clusters(records.size(), weightOf(settings.threshold()));
		clock.lap("scoring");
		return kept.build(records, model, scoring, settings, cluster, candidates.size(), candidates.oversizedBlocks(),
				em.iterations(), clock.laps());
	}

	/**
	 * The probability that two records taken at random match, from the expected matches.
	 */
	private static double priorOf(Records records, double expectedMatches) {
		double n = records.size();
		double left = records.leftCount();
		double total = records.isLinkage() ? left * (n - left) : n * (n - 1) / 2;
		return Math.min(Math.max(expectedMatches, 1) / Math.max(total, 1), 0.5);
	}

	static double weightOf(double probability) {
		return Model.log2(probability / (1 - probability));
	}

	/** Connected components of the matched pairs, named by their first record. */
	static int[] components(int n, int[] left, int[] right, int count) {
		int[] parent = new int[n];
		Arrays.setAll(parent, (i) -> i);
		for (int p = 0; p < count; p++) {
			int a = find(parent, left[p]);
			int b = find(parent, right[p]);
			if (a != b) {
				parent[Math.max(a, b)] = Math.min(a, b);
			}
		}
		int[] cluster = new int[n];
		for (int i = 0; i < n; i++) {
			cluster[i] = find(parent, i);
		}
		return cluster;
	}

	private static int find(int[] parent, int element) {
		int x = element;
		while (parent[x] != x) {
			parent[x] = parent[parent[x]];
			x = parent[x];
		}
		return x;
	}

}
