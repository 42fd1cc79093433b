package dev.siyu.value;

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
		double before = 0;
		double discounted = 0;
		double expected = 0;
		for (int k = 0; k < this.stepEnds.length; k++) {
			expected = this.purchases.expectedPurchases(this.stepEnds[k], x, tx, age);
			discounted += (expected - before) * this.discounts[k];
			before = expected;
		}
		return new Score(alive, expected, value, this.spend == null ? Double.NaN : discounted * value);
	}

	/**
	 * One customer's scores; spend and CLV are NaN when no spend model could be fitted.
	 */
	public record Score(double probabilityAlive, double expectedPurchases, double expectedSpend, double clv) {
	}

}
