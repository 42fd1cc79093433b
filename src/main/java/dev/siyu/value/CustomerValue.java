package dev.siyu.value;

import java.util.stream.IntStream;

/**
 * What one customer is worth: probability of being alive and expected purchases (BG/NBD),
 * expected value per purchase (Gamma-Gamma) and the discounted lifetime value over a
 * horizon. The horizon is cut into steps of about a month; each step's expected purchases
 * are discounted to its end.
 */
public final class CustomerValue {

	private final BgNbd purchases;

	private final GammaGamma spend;

	private final double[] stepEnds;

	private final double[] discounts;

	CustomerValue(BgNbd purchases, GammaGamma spend, double horizon, double annualDiscount, TimeUnit unit) {
		if (!(horizon > 0)) {
			throw new IllegalArgumentException("the horizon must be positive, not " + horizon);
		}
		this.purchases = purchases;
		this.spend = spend;
		double month = unit.perYear() / 12;
		int steps = Math.max(1, (int) Math.ceil(horizon / month - 1e-9));
		this.stepEnds = new double[steps];
		this.discounts = new double[steps];
		for (int k = 0; k < steps; k++) {
			this.stepEnds[k] = Math.min(horizon, (k + 1) * month);
			this.discounts[k] = Math.pow(1 + annualDiscount, -this.stepEnds[k] / unit.perYear());
		}
	}

	public Score score(int x, double tx, double age, double meanRepeatValue) {
		double alive = this.purchases.probabilityAlive(x, tx, age);
		double value = this.spend == null ? Double.NaN : this.spend.expectedSpend(x, meanRepeatValue);
		double[] expectedAndDiscounted = expectedAndDiscounted(x, tx, age);
		return new Score(alive, expectedAndDiscounted[0], value,
				this.spend == null ? Double.NaN : expectedAndDiscounted[1] * value);
	}

	/** Expected purchases over the horizon, and the same discounted step by step. */
	private double[] expectedAndDiscounted(int x, double tx, double age) {
		double before = 0;
		double discounted = 0;
		double expected = 0;
		for (int k = 0; k < this.stepEnds.length; k++) {
			expected = this.purchases.expectedPurchases(this.stepEnds[k], x, tx, age);
			discounted += (expected - before) * this.discounts[k];
			before = expected;
		}
		return new double[] { expected, discounted };
	}

	/**
	 * Scores every customer on all cores. The purchase scores depend on the history (x,
	 * t_x, T) alone, so they are computed once per distinct history; spend and CLV per
	 * customer.
	 */
	public Scores scoreAll(Purchases customers) {
		Histories histories = Histories.of(customers);
		Purchases distinct = histories.distinct;
		int n = distinct.size();
		double[] alive = new double[n];
		double[] expected = new double[n];
		double[] discounted = new double[n];
		int chunk = 1 << 12;
		IntStream.range(0, (n + chunk - 1) / chunk).parallel().forEach(c -> {
			for (int e = c * chunk; e < Math.min(n, (c + 1) * chunk); e++) {
				alive[e] = this.purchases.probabilityAlive(distinct.x[e], distinct.tx[e], distinct.age[e]);
				double[] both = expectedAndDiscounted(distinct.x[e], distinct.tx[e], distinct.age[e]);
				expected[e] = both[0];
				discounted[e] = both[1];
			}
		});
		return new Scores(customers, histories.entryOf, alive, expected, discounted, this.spend);
	}

	/** The scores of many customers, by their index. */
	public static final class Scores {

		private final Purchases customers;

		private final int[] entryOf;

		private final double[] alive;

		private final double[] expected;

		private final double[] discounted;

		private final GammaGamma spend;

		Scores(Purchases customers, int[] entryOf, double[] alive, double[] expected, double[] discounted,
				GammaGamma spend) {
			this.customers = customers;
			this.entryOf = entryOf;
			this.alive = alive;
			this.expected = expected;
			this.discounted = discounted;
			this.spend = spend;
		}

		public double probabilityAlive(int i) {
			return this.alive[this.entryOf[i]];
		}

		public double expectedPurchases(int i) {
			return this.expected[this.entryOf[i]];
		}

		/** NaN without a spend model. */
		public double expectedSpend(int i) {
			return this.spend == null ? Double.NaN
					: this.spend.expectedSpend(this.customers.x[i], this.customers.meanRepeatValue[i]);
		}

		/** NaN without a spend model. */
		public double clv(int i) {
			return expectedSpend(i) * this.discounted[this.entryOf[i]];
		}

	}

	/**
	 * One customer's scores; spend and CLV are NaN when no spend model could be fitted.
	 */
	public record Score(double probabilityAlive, double expectedPurchases, double expectedSpend, double clv) {
	}

}
