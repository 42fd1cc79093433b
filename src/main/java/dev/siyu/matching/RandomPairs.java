package dev.siyu.matching;

import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * u probabilities: how often two records taken at random (nearly all different people)
 * agree at each level. Every pair is compared when there are few; otherwise a seeded
 * sample.
 */
final class RandomPairs {

	private RandomPairs() {
	}

	static double[][] uProbabilities(Records records, Agreement agreement, int sampleSize, long seed) {
		int fields = agreement.fields();
		long n = records.size();
		long left = records.leftCount();
		long total = records.isLinkage() ? left * (n - left) : n * (n - 1) / 2;
		long[][] counts = new long[fields][];
		for (int f = 0; f < fields; f++) {
			counts[f] = new long[records.comparison(f).levels().length];
		}
		if (total <= sampleSize) {
			countAll(records, agreement, counts);
		}
		else {
			countSample(records, agreement, counts, sampleSize, seed);
		}
		double[][] u = new double[fields][];
		for (int f = 0; f < fields; f++) {
			u[f] = Probabilities.smoothed(counts[f]);
		}
		return u;
	}

	private static void countAll(Records records, Agreement agreement, long[][] counts) {
		int n = records.size();
		int fields = agreement.fields();
		boolean linkage = records.isLinkage();
		long[][][] partial = IntStream.range(0, records.leftCount()).parallel().mapToObj((i) -> {
			long[][] local = emptyLike(counts);
			byte[] levels = new byte[fields];
			for (int j = linkage ? records.leftCount() : i + 1; j < n; j++) {
				agreement.compare(i, j, levels, 0);
				add(levels, local);
			}
			return local;
		}).toArray(long[][][]::new);
		for (long[][] local : partial) {
			for (int f = 0; f < counts.length; f++) {
				for (int l = 0; l < counts[f].length; l++) {
					counts[f][l] += local[f][l];
				}
			}
		}
	}

	private static void countSample(Records records, Agreement agreement, long[][] counts, int sampleSize, long seed) {
		int n = records.size();
		int leftCount = records.leftCount();
		boolean linkage = records.isLinkage();
		int fields = agreement.fields();
		int chunks = 64;
		long[][][] partial = IntStream.range(0, chunks).parallel().mapToObj((c) -> {
			SplittableRandom random = new SplittableRandom(seed * 31 + c);
			long[][] local = emptyLike(counts);
			byte[] levels = new byte[fields];
			for (int s = c; s < sampleSize; s += chunks) {
				int i;
				int j;
				if (linkage) {
					i = random.nextInt(leftCount);
					j = leftCount + random.nextInt(n - leftCount);
				}
				else {
					i = random.nextInt(n);
					j = random.nextInt(n - 1);
					j = (j >= i) ? j + 1 : j;
				}
				agreement.compare(i, j, levels, 0);
				add(levels, local);
			}
			return local;
		}).toArray(long[][][]::new);
		for (long[][] local : partial) {
			for (int f = 0; f < counts.length; f++) {
				for (int l = 0; l < counts[f].length; l++) {
					counts[f][l] += local[f][l];
				}
			}
		}
	}

	private static long[][] emptyLike(long[][] counts) {
		long[][] empty = new long[counts.length][];
		for (int f = 0; f < counts.length; f++) {
			empty[f] = new long[counts[f].length];
		}
		return empty;
	}

	private static void add(byte[] levels, long[][] counts) {
		for (int f = 0; f < levels.length; f++) {
			if (levels[f] >= 0) {
				counts[f][levels[f]]++;
			}
		}
	}

}
