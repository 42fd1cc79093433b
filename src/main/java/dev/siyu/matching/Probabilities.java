package dev.siyu.matching;

/** Level probabilities from counts, never exactly zero. */
final class Probabilities {

	private static final double PSEUDO_COUNT = 0.5;

	private Probabilities() {
	}

	static double[] smoothed(long[] counts) {
		double total = 0;
		for (long count : counts) {
			total += count;
		}
		double[] p = new double[counts.length];
		for (int l = 0; l < counts.length; l++) {
			p[l] = (counts[l] + PSEUDO_COUNT) / (total + PSEUDO_COUNT * counts.length);
		}
		return p;
	}

	static double[] smoothed(double[] weights, double pseudoCount) {
		double total = 0;
		for (double weight : weights) {
			total += weight;
		}
		double[] p = new double[weights.length];
		for (int l = 0; l < weights.length; l++) {
			p[l] = (weights[l] + pseudoCount) / (total + pseudoCount * weights.length);
		}
		return p;
	}

}
