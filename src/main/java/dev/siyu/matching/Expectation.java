package dev.siyu.matching;

import java.util.HashMap;
import java.util.Map;

/**
 * Expectation-maximisation over the agreement patterns of the candidate pairs, without
 * labels: the share of matches among candidates, the m probabilities (how often matches
 * agree at each level) and the u probabilities among candidates. Distinct patterns are
 * few, so each iteration is cheap whatever the number of pairs.
 */
final class Expectation {

	private static final int MAX_ITERATIONS = 200;

	private final int fields;

	private final int[] levelCounts;

	private final long[] patterns;

	private final long[] counts;

	private double matchShare;

	private double[][] m;

	private double[][] u;

	private int iterations;

	private Expectation(int[] levelCounts, long[] patterns, long[] counts) {
		this.fields = levelCounts.length;
		this.levelCounts = levelCounts;
		this.patterns = patterns;
		this.counts = counts;
	}

	/** Counts the patterns of the levels computed for the candidate pairs. */
	static Expectation of(int[] levelCounts, byte[] levels, int pairs) {
		int fields = levelCounts.length;
		Map<Long, long[]> byPattern = new HashMap<>();
		for (int p = 0; p < pairs; p++) {
			long key = 0;
			for (int f = 0; f < fields; f++) {
				key = (key << 3) | (levels[p * fields + f] + 1);
			}
			byPattern.computeIfAbsent(key, (unused) -> new long[1])[0]++;
		}
		long[] patterns = new long[byPattern.size()];
		long[] counts = new long[byPattern.size()];
		int i = 0;
		for (Map.Entry<Long, long[]> entry : byPattern.entrySet()) {
			patterns[i] = entry.getKey();
			counts[i++] = entry.getValue()[0];
		}
		return new Expectation(levelCounts, patterns, counts);
	}

	/**
	 * Runs from a start where matches mostly agree exactly and u is as among random
	 * pairs.
	 */
	Expectation run(double[][] randomU) {
		this.m = new double[this.fields][];
		this.u = new double[this.fields][];
		for (int f = 0; f < this.fields; f++) {
			this.m[f] = startingM(this.levelCounts[f]);
			this.u[f] = randomU[f].clone();
		}
		this.matchShare = 0.1;
		int[][] levelOf = decode();
		for (this.iterations = 1; this.iterations <= MAX_ITERATIONS; this.iterations++) {
			double change = step(levelOf);
			if (change < 1e-7) {
				break;
			}
		}
		return this;
	}

	private double step(int[][] levelOf) {
		double[][] mSum = new double[this.fields][];
		double[][] uSum = new double[this.fields][];
		for (int f = 0; f < this.fields; f++) {
			mSum[f] = new double[this.levelCounts[f]];
			uSum[f] = new double[this.levelCounts[f]];
		}
		double matches = 0;
		double all = 0;
		for (int p = 0; p < this.patterns.length; p++) {
			double logMatch = Math.log(this.matchShare);
			double logNonMatch = Math.log(1 - this.matchShare);
			for (int f = 0; f < this.fields; f++) {
				int level = levelOf[p][f];
				if (level >= 0) {
					logMatch += Math.log(this.m[f][level]);
					logNonMatch += Math.log(this.u[f][level]);
				}
			}
			double g = 1 / (1 + Math.exp(logNonMatch - logMatch));
			double c = this.counts[p];
			matches += c * g;
			all += c;
			for (int f = 0; f < this.fields; f++) {
				int level = levelOf[p][f];
				if (level >= 0) {
					mSum[f][level] += c * g;
					uSum[f][level] += c * (1 - g);
				}
			}
		}
		double change = Math.abs(matches / all - this.matchShare);
		this.matchShare = Math.min(Math.max(matches / all, 1e-9), 1 - 1e-9);
		for (int f = 0; f < this.fields; f++) {
			double[] newM = Probabilities.smoothed(mSum[f], 0.01);
			double[] newU = Probabilities.smoothed(uSum[f], 0.01);
			for (int l = 0; l < newM.length; l++) {
				change = Math.max(change, Math.abs(newM[l] - this.m[f][l]));
			}
			this.m[f] = newM;
			this.u[f] = newU;
		}
		return change;
	}

	private int[][] decode() {
		int[][] levelOf = new int[this.patterns.length][this.fields];
		for (int p = 0; p < this.patterns.length; p++) {
			long key = this.patterns[p];
			for (int f = this.fields - 1; f >= 0; f--) {
				levelOf[p][f] = (int) (key & 7) - 1;
				key >>>= 3;
			}
		}
		return levelOf;
	}

	private static double[] startingM(int levels) {
		double[] m = new double[levels];
		m[0] = 0.9;
		double rest = 0.1;
		for (int l = 1; l < levels; l++) {
			rest /= 2;
			m[l] = rest;
		}
		m[levels - 1] += rest;
		return m;
	}

	double matchShare() {
		return this.matchShare;
	}

	double[][] m() {
		return this.m;
	}

	double[][] u() {
		return this.u;
	}

	int iterations() {
		return this.iterations;
	}

}
