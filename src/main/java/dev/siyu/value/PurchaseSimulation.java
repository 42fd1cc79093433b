package dev.siyu.value;

import java.util.SplittableRandom;

/**
 * Purchase histories drawn from the models themselves: each customer buys at a Poisson
 * rate drawn from Gamma(r, alpha), drops out after a purchase with a probability drawn
 * from Beta(a, b), and spends Gamma(p, nu) per purchase with nu drawn from Gamma(q,
 * gamma). Time is in days; first purchases fall in the first year of a two-year window.
 * Purchases on one day are one purchase.
 */
public final class PurchaseSimulation {

	public static final int DAYS = 730;

	private final BgNbd purchases;

	private final GammaGamma spend;

	private final SplittableRandom random;

	public PurchaseSimulation(long seed) {
		this(new BgNbd(0.25, 20, 0.8, 2.5), new GammaGamma(6, 4, 30), seed);
	}

	PurchaseSimulation(BgNbd purchases, GammaGamma spend, long seed) {
		this.purchases = purchases;
		this.spend = spend;
		this.random = new SplittableRandom(seed);
	}

	/** Receives each purchase: customer, day (0 to 729) and value. */
	@FunctionalInterface
	public interface Orders {

		void order(long customer, int day, double value);

	}

	/**
	 * Draws the customers, hands every purchase to orders and returns their summaries.
	 */
	public Purchases draw(int customers, Orders orders) {
		Purchases summaries = new Purchases(customers);
		for (int c = 0; c < customers; c++) {
			double rate = gamma(this.purchases.r()) / this.purchases.alpha();
			double ga = gamma(this.purchases.a());
			double dropout = ga / (ga + gamma(this.purchases.b()));
			double nu = gamma(this.spend.q()) / this.spend.gamma();
			int first = this.random.nextInt(DAYS / 2);
			int day = first;
			double dayValue = gamma(this.spend.p()) / nu;
			int repeats = 0;
			double repeatValue = 0;
			int last = first;
			double t = first;
			// alive at the first purchase; after each repeat purchase it may drop out
			while (true) {
				t += -Math.log(1 - this.random.nextDouble()) / rate;
				if (t >= DAYS) {
					break;
				}
				double value = gamma(this.spend.p()) / nu;
				if ((int) t == day) {
					dayValue += value;
				}
				else {
					orders.order(c, day, dayValue);
					if (day != first) {
						repeatValue += dayValue;
					}
					day = (int) t;
					dayValue = value;
					repeats++;
					last = day;
				}
				if (this.random.nextDouble() < dropout) {
					break;
				}
			}
			orders.order(c, day, dayValue);
			if (day != first) {
				repeatValue += dayValue;
			}
			summaries.add(repeats, last - first, DAYS - first, repeats > 0 ? repeatValue / repeats : 0);
		}
		return summaries;
	}

	/** Gamma(shape, 1) by Marsaglia and Tsang, boosted for shapes below one. */
	private double gamma(double shape) {
		if (shape < 1) {
			return gamma(shape + 1) * Math.pow(this.random.nextDouble(), 1 / shape);
		}
		double d = shape - 1.0 / 3;
		double c = 1 / Math.sqrt(9 * d);
		while (true) {
			double x;
			double v;
			do {
				x = normal();
				v = 1 + c * x;
			}
			while (v <= 0);
			v = v * v * v;
			double u = this.random.nextDouble();
			if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
				return d * v;
			}
		}
	}

	private double normal() {
		double u;
		double v;
		double s;
		do {
			u = 2 * this.random.nextDouble() - 1;
			v = 2 * this.random.nextDouble() - 1;
			s = u * u + v * v;
		}
		while (s >= 1 || s == 0);
		return u * Math.sqrt(-2 * Math.log(s) / s);
	}

}
