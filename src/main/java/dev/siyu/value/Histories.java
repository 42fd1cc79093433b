package dev.siyu.value;

import java.util.Arrays;

/**
 * The distinct (x, t_x, T) histories of customers, each weighted by how many customers
 * share it, and the distinct values of t_x and T. The purchase models depend on nothing
 * else, and real data repeats histories a lot (all one-time buyers of a day share one),
 * so likelihoods and scores are computed once per history and logarithms once per
 * distinct time.
 */
final class Histories {

	/** The distinct histories, weighted. */
	final Purchases distinct;

	/** For each customer, the index of its history. */
	final int[] entryOf;

	/**
	 * Distinct times (values of t_x and T) and, per history, the index of its t_x and T.
	 */
	final double[] times;

	final int[] txIndex;

	final int[] ageIndex;

	final int maxRepeats;

	private Histories(Purchases distinct, int[] entryOf, double[] times, int[] txIndex, int[] ageIndex) {
		this.distinct = distinct;
		this.entryOf = entryOf;
		this.times = times;
		this.txIndex = txIndex;
		this.ageIndex = ageIndex;
		int max = 0;
		for (int i = 0; i < distinct.size(); i++) {
			max = Math.max(max, distinct.x[i]);
		}
		this.maxRepeats = max;
	}

	static Histories of(Purchases customers) {
		int n = customers.size();
		int capacity = Integer.highestOneBit(Math.max(16, n * 2)) * 2;
		int[] table = new int[capacity];
		Arrays.fill(table, -1);
		int mask = capacity - 1;
		int[] entryOf = new int[n];

		int[] x = new int[Math.max(16, Math.min(n, 1 << 16))];
		double[] tx = new double[x.length];
		double[] age = new double[x.length];
		double[] weight = new double[x.length];
		int entries = 0;
		for (int i = 0; i < n; i++) {
			int xi = customers.x[i];
			double txi = customers.tx[i];
			double agei = customers.age[i];
			int slot = hash(xi, txi, agei) & mask;
			while (true) {
				int entry = table[slot];
				if (entry < 0) {
					if (entries == x.length) {
						int grown = x.length * 2;
						x = Arrays.copyOf(x, grown);
						tx = Arrays.copyOf(tx, grown);
						age = Arrays.copyOf(age, grown);
						weight = Arrays.copyOf(weight, grown);
					}
					x[entries] = xi;
					tx[entries] = txi;
					age[entries] = agei;
					weight[entries] = 1;
					table[slot] = entries;
					entryOf[i] = entries++;
					break;
				}
				if (x[entry] == xi && tx[entry] == txi && age[entry] == agei) {
					weight[entry]++;
					entryOf[i] = entry;
					break;
				}
				slot = (slot + 1) & mask;
			}
		}

		Purchases weighted = new Purchases(x, tx, age, weight, entries);
		TimeIndex times = new TimeIndex();
		int[] txIndex = new int[entries];
		int[] ageIndex = new int[entries];
		for (int e = 0; e < entries; e++) {
			txIndex[e] = times.indexOf(tx[e]);
			ageIndex[e] = times.indexOf(age[e]);
		}
		return new Histories(weighted, entryOf, times.values(), txIndex, ageIndex);
	}

	private static int hash(int x, double tx, double age) {
		long h = Double.doubleToLongBits(tx) * 0x9E3779B97F4A7C15L;
		h ^= Double.doubleToLongBits(age) * 0xC2B2AE3D27D4EB4FL;
		h ^= x * 0x165667B19E3779F9L;
		return (int) (h ^ (h >>> 29) ^ (h >>> 43));
	}

	/** Distinct doubles, numbered in order of appearance. */
	private static final class TimeIndex {

		private final java.util.HashMap<Double, Integer> index = new java.util.HashMap<>();

		private double[] values;

		TimeIndex() {
			this.values = new double[16];
		}

		int indexOf(double value) {
			Integer known = this.index.get(value);
			if (known != null) {
				return known;
			}
			int next = this.index.size();
			this.index.put(value, next);
			if (next == this.values.length) {
				this.values = Arrays.copyOf(this.values, next * 2);
			}
			this.values[next] = value;
			return next;
		}

		double[] values() {
			return Arrays.copyOf(this.values, this.index.size());
		}

	}

}
