package dev.siyu.value;

import java.time.LocalDate;
import java.util.Arrays;

/**
 * The buyers of one identity scope, built from purchase days streamed in order of person
 * and day: per person the first and last purchase day, purchase days, orders and net
 * spend, and the gaps in days between consecutive purchases of everyone.
 */
final class Buyers {

	long[] person = new long[1024];

	int[] firstDay = new int[1024];

	int[] lastDay = new int[1024];

	int[] purchaseDays = new int[1024];

	int[] orders = new int[1024];

	double[] spend = new double[1024];

	double[] firstDaySpend = new double[1024];

	int size;

	private int[] gaps = new int[1024];

	private int gapCount;

	/**
	 * Adds one purchase day; days of a person arrive in ascending order, persons grouped.
	 */
	void add(long personId, int epochDay, int dayOrders, double value) {
		int i = this.size - 1;
		if (i < 0 || this.person[i] != personId) {
			grow();
			i = this.size++;
			this.person[i] = personId;
			this.firstDay[i] = epochDay;
			this.firstDaySpend[i] = value;
			this.purchaseDays[i] = 0;
			this.orders[i] = 0;
			this.spend[i] = 0;
		}
		else {
			addGap(epochDay - this.lastDay[i]);
		}
		this.lastDay[i] = epochDay;
		this.purchaseDays[i]++;
		this.orders[i] += dayOrders;
		this.spend[i] += value;
	}

	int size() {
		return this.size;
	}

	/** Summaries for the models, in days, observed up to today. */
	Purchases purchases(LocalDate today) {
		int end = (int) today.toEpochDay();
		Purchases purchases = new Purchases(this.size);
		for (int i = 0; i < this.size; i++) {
			int repeats = this.purchaseDays[i] - 1;
			int last = Math.min(this.lastDay[i], end);
			int first = Math.min(this.firstDay[i], last);
			purchases.add(repeats, repeats == 0 ? 0 : last - first, end - first,
					repeats == 0 ? 0 : (this.spend[i] - this.firstDaySpend[i]) / repeats);
		}
		return purchases;
	}

	/**
	 * The quartiles of the days between consecutive purchases, or null without repeats.
	 */
	int[] gapQuartiles() {
		if (this.gapCount == 0) {
			return null;
		}
		int[] sorted = Arrays.copyOf(this.gaps, this.gapCount);
		Arrays.sort(sorted);
		return new int[] { sorted[(sorted.length - 1) / 4], sorted[(sorted.length - 1) / 2],
				sorted[3 * (sorted.length - 1) / 4] };
	}

	private void addGap(int days) {
		if (this.gapCount == this.gaps.length) {
			this.gaps = Arrays.copyOf(this.gaps, this.gapCount * 2);
		}
		this.gaps[this.gapCount++] = days;
	}

	private void grow() {
		if (this.size < this.person.length) {
			return;
		}
		int capacity = this.person.length * 2;
		this.person = Arrays.copyOf(this.person, capacity);
		this.firstDay = Arrays.copyOf(this.firstDay, capacity);
		this.lastDay = Arrays.copyOf(this.lastDay, capacity);
		this.purchaseDays = Arrays.copyOf(this.purchaseDays, capacity);
		this.orders = Arrays.copyOf(this.orders, capacity);
		this.spend = Arrays.copyOf(this.spend, capacity);
		this.firstDaySpend = Arrays.copyOf(this.firstDaySpend, capacity);
	}

}
