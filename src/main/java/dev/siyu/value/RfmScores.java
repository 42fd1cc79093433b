package dev.siyu.value;

import java.util.Arrays;

/**
 * Scores 1 to 5 for one RFM dimension: by quintile of the tenant's customers (a
 * customer's score counts the customers strictly worse than it, so ties share a score),
 * or by four cut points the tenant set.
 */
final class RfmScores {

	private RfmScores() {
	}

	/**
	 * Scores where a higher value is better; for recency pass the negated days.
	 * @param bounds four ascending cut points, or null for quintiles
	 */
	static byte[] score(double[] values, double[] bounds) {
		byte[] scores = new byte[values.length];
		if (bounds != null) {
			if (bounds.length != 4) {
				throw new IllegalArgumentException("RFM thresholds need four cut points, not " + bounds.length);
			}
			for (int i = 0; i < values.length; i++) {
				int score = 1;
				for (double bound : bounds) {
					if (values[i] >= bound) {
						score++;
					}
				}
				scores[i] = (byte) score;
			}
			return scores;
		}
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int n = values.length;
		for (int i = 0; i < n; i++) {
			int worse = lowerBound(sorted, values[i]);
			scores[i] = (byte) (1 + Math.min(4, (int) (5L * worse / n)));
		}
		return scores;
	}

	static double mean(byte[] scores) {
		double sum = 0;
		for (byte score : scores) {
			sum += score;
		}
		return scores.length == 0 ? 0 : sum / scores.length;
	}

	private static int lowerBound(double[] sorted, double value) {
		int low = 0;
		int high = sorted.length;
		while (low < high) {
			int mid = (low + high) >>> 1;
			if (sorted[mid] < value) {
				low = mid + 1;
			}
			else {
				high = mid;
			}
		}
		return low;
	}

}
