package dev.siyu.matching;

import java.util.Arrays;
import java.util.Map;

/**
 * The pairs kept by a run (at or above the keep probability), the cluster of every record
 * (the connected components of the pairs at or above the threshold), the trained model
 * and what the run did.
 */
public final class MatchResult {

	private final Records records;

	private final Model model;

	private final Scoring scoring;

	private final MatchSettings settings;

	private final int[] left;

	private final int[] right;

	private final double[] weight;

	private final int size;

	private final int[] cluster;

	private final long candidates;

	private final int oversizedBlocks;

	private final int iterations;

	private final Map<String, Double> seconds;

	private MatchResult(Builder pairs, Records records, Model model, Scoring scoring, MatchSettings settings,
			int[] cluster, long candidates, int oversizedBlocks, int iterations, Map<String, Double> seconds) {
		this.records = records;
		this.model = model;
		this.scoring = scoring;
		this.settings = settings;
		this.left = pairs.left;
		this.right = pairs.right;
		this.weight = pairs.weight;
		this.size = pairs.size;
		this.cluster = cluster;
		this.candidates = candidates;
		this.oversizedBlocks = oversizedBlocks;
		this.iterations = iterations;
		this.seconds = seconds;
	}

	public int pairCount() {
		return this.size;
	}

	/** The left record of a kept pair (index into the records). */
	public int left(int pair) {
		return this.left[pair];
	}

	public int right(int pair) {
		return this.right[pair];
	}

	public double matchWeight(int pair) {
		return this.weight[pair];
	}

	public double matchProbability(int pair) {
		return Model.probability(this.weight[pair]);
	}

	public boolean isMatch(int pair) {
		return matchProbability(pair) >= this.settings.threshold();
	}

	/** The index of the first record of the cluster the record belongs to. */
	public int clusterOf(int record) {
		return this.cluster[record];
	}

	public Records records() {
		return this.records;
	}

	public Model model() {
		return this.model;
	}

	public MatchSettings settings() {
		return this.settings;
	}

	public long candidatePairs() {
		return this.candidates;
	}

	public int oversizedBlocks() {
		return this.oversizedBlocks;
	}

	public int emIterations() {
		return this.iterations;
	}

	public Map<String, Double> phaseSeconds() {
		return this.seconds;
	}

	/** Field by field, why two records (indices) score as they do. */
	public PairExplanation explain(int leftRecord, int rightRecord) {
		return this.scoring.explain(leftRecord, rightRecord);
	}

	static final class Builder {

		private int[] left = new int[1024];

		private int[] right = new int[1024];

		private double[] weight = new double[1024];

		private int size;

		void add(int i, int j, double w) {
			if (this.size == this.left.length) {
				this.left = Arrays.copyOf(this.left, this.size * 2);
				this.right = Arrays.copyOf(this.right, this.size * 2);
				this.weight = Arrays.copyOf(this.weight, this.size * 2);
			}
			this.left[this.size] = i;
			this.right[this.size] = j;
			this.weight[this.size] = w;
			this.size++;
		}

		int[] clusters(int n, double minWeight) {
			int[] matchedLeft = new int[this.size];
			int[] matchedRight = new int[this.size];
			int matched = 0;
			for (int p = 0; p < this.size; p++) {
				if (this.weight[p] >= minWeight) {
					matchedLeft[matched] = this.left[p];
					matchedRight[matched++] = this.right[p];
				}
			}
			return Matcher.components(n, matchedLeft, matchedRight, matched);
		}

		MatchResult build(Records records, Model model, Scoring scoring, MatchSettings settings, int[] cluster,
				long candidates, int oversizedBlocks, int iterations, Map<String, Double> seconds) {
			return new MatchResult(this, records, model, scoring, settings, cluster, candidates, oversizedBlocks,
					iterations, seconds);
		}

	}

}
