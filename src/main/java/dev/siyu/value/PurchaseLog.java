package dev.siyu.value;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Transactions of customers, gathered in any order and summarised for the models. Several
 * transactions of one customer on one day are one purchase whose value is their sum.
 */
public final class PurchaseLog {

	private final Map<String, Days> customers = new LinkedHashMap<>();

	public void add(String customer, LocalDate date, double amount) {
		this.customers.computeIfAbsent(customer, key -> new Days()).add((int) date.toEpochDay(), amount);
	}

	public int customers() {
		return this.customers.size();
	}

	/**
	 * Summarises purchases up to and including the calibration end, and counts the
	 * purchases after it up to the holdout end (when given). Customers whose first
	 * purchase falls after the calibration end are not part of the calibration.
	 */
	public Calibration summarise(LocalDate calibrationEnd, LocalDate holdoutEnd, TimeUnit unit) {
		if (holdoutEnd != null && !holdoutEnd.isAfter(calibrationEnd)) {
			throw new IllegalArgumentException(
					"the holdout end " + holdoutEnd + " must come after the calibration end " + calibrationEnd);
		}
		int end = (int) calibrationEnd.toEpochDay();
		int holdout = holdoutEnd == null ? end : (int) holdoutEnd.toEpochDay();
		List<String> ids = new ArrayList<>();
		Purchases purchases = new Purchases(this.customers.size());
		int[] holdoutPurchases = new int[this.customers.size()];
		for (Map.Entry<String, Days> customer : this.customers.entrySet()) {
			Days days = customer.getValue().merged();
			if (days.size == 0 || days.day[0] > end) {
				continue;
			}
			int first = days.day[0];
			int last = first;
			int repeats = 0;
			double repeatValue = 0;
			int later = 0;
			for (int k = 1; k < days.size; k++) {
				if (days.day[k] <= end) {
					repeats++;
					repeatValue += days.amount[k];
					last = days.day[k];
				}
				else if (days.day[k] <= holdout) {
					later++;
				}
			}
			int index = purchases.add(repeats, unit.of(last - first), unit.of(end - first),
					repeats > 0 ? repeatValue / repeats : 0);
			holdoutPurchases[index] = later;
			ids.add(customer.getKey());
		}
		double holdoutLength = holdoutEnd == null ? 0 : unit.of(holdout - end);
		return new Calibration(ids, purchases, Arrays.copyOf(holdoutPurchases, ids.size()), holdoutLength);
	}

	/** The purchase days of one customer, with the value bought on each. */
	private static final class Days {

		int[] day = new int[2];

		double[] amount = new double[2];

		int size;

		void add(int epochDay, double value) {
			if (this.size == this.day.length) {
				this.day = Arrays.copyOf(this.day, this.size * 2);
				this.amount = Arrays.copyOf(this.amount, this.size * 2);
			}
			this.day[this.size] = epochDay;
			this.amount[this.size] = value;
			this.size++;
		}

		/** Sorted by day, one entry per day. */
		Days merged() {
			Integer[] order = new Integer[this.size];
			for (int i = 0; i < this.size; i++) {
				order[i] = i;
			}
			Arrays.sort(order, (i, j) -> Integer.compare(this.day[i], this.day[j]));
			Days merged = new Days();
			for (int i : order) {
				if (merged.size > 0 && merged.day[merged.size - 1] == this.day[i]) {
					merged.amount[merged.size - 1] += this.amount[i];
				}
				else {
					merged.add(this.day[i], this.amount[i]);
				}
			}
			return merged;
		}

	}

	/**
	 * Customers summarised for the calibration period, and their purchases in the holdout
	 * period.
	 */
	public record Calibration(List<String> customers, Purchases purchases, int[] holdoutPurchases,
			double holdoutLength) {
	}

}
