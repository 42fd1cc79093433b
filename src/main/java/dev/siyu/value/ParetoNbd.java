package dev.siyu.value;

import java.util.function.IntToDoubleFunction;

import org.hipparchus.special.Gamma;

/**
 * The Pareto/NBD model (Schmittlein, Morrison and Colombo 1987): while alive a customer
 * buys at a Poisson rate drawn from Gamma(r, alpha) and lives an exponential time whose
 * rate is drawn from Gamma(s, beta).
 */
public record ParetoNbd(double r, double alpha, double s, double beta) {

	/** Fits the model by maximum likelihood; returns it with its log-likelihood. */
	public static Fitted<ParetoNbd> fit(Purchases customers) {
		Histories histories = Histories.of(customers);
		Purchases purchases = histories.distinct;
		double scale = purchases.meanAge();
		double[] best = MaximumLikelihood.maximise(purchases.size(), new double[] { 1, scale / 4, 1, scale / 4 },
				parameters -> new ParetoNbd(parameters[0], parameters[1], parameters[2], parameters[3])
					.likelihoodOf(purchases, histories.maxRepeats));
		return new Fitted<>(new ParetoNbd(best[0], best[1], best[2], best[3]), best[4]);
	}

	/** The log-likelihood of all customers. */
	public double logLikelihood(Purchases purchases) {
		Histories histories = Histories.of(purchases);
		return MaximumLikelihood.sum(histories.distinct.size(), likelihoodOf(histories.distinct, histories.maxRepeats));
	}

	private IntToDoubleFunction likelihoodOf(Purchases purchases, int maxRepeats) {
		double[] byRepeats = new double[maxRepeats + 1];
		double constant = -Gamma.logGamma(this.r) + this.r * Math.log(this.alpha) + this.s * Math.log(this.beta);
		for (int x = 0; x <= maxRepeats; x++) {
			byRepeats[x] = constant + Gamma.logGamma(this.r + x);
		}
		return i -> purchases.weight(i)
				* (byRepeats[purchases.x[i]] + logA2(purchases.x[i], purchases.tx[i], purchases.age[i]));
	}

	private double logA2(int x, double tx, double age) {
		double alive = -(this.r + x) * Math.log(this.alpha + age) - this.s * Math.log(this.beta + age);
		double died = Math.log(this.s) + logA0(x, tx, age) - Math.log(this.r + this.s + x);
		return logAddExp(alive, died);
	}

	/**
	 * log of the integral over the time of death between t_x and T, as in the lifetimes
	 * package, with both hypergeometric functions taken through Euler's transformation so
	 * that their series terms stay below one for any number of repeats.
	 */
	private double logA0(int x, double tx, double age) {
		double min;
		double max;
		double t;
		if (this.alpha < this.beta) {
			min = this.alpha;
			max = this.beta;
			t = this.r + x;
		}
		else {
			min = this.beta;
			max = this.alpha;
			t = this.s + 1;
		}
		double rsx = this.r + this.s + x;
		double atLast = logF21(rsx, t, max - min, max + tx) - rsx * Math.log(max + tx);
		double atEnd = logF21(rsx, t, max - min, max + age) - rsx * Math.log(max + age);
		if (atEnd >= atLast) {
			return Double.NEGATIVE_INFINITY;
		}
		return atLast + Math.log1p(-Math.exp(atEnd - atLast));
	}

	/**
	 * log 2F1(rsx, t; rsx + 1; d / q) = (1 - t) log(1 - z) + log 2F1(1, rsx + 1 - t; rsx
	 * + 1; z).
	 */
	private static double logF21(double rsx, double t, double d, double q) {
		double z = d / q;
		return (1 - t) * Math.log1p(-z) + Math.log(Hypergeometric.f21(1, rsx + 1 - t, rsx + 1, z));
	}

	/** Probability that a customer with this history is still alive at the end of it. */
	public double probabilityAlive(int x, double tx, double age) {
		double log = Math.log(this.s) - Math.log(this.r + this.s + x) + (this.r + x) * Math.log(this.alpha + age)
				+ this.s * Math.log(this.beta + age) + logA0(x, tx, age);
		return 1 / (1 + Math.exp(log));
	}

	/** Expected purchases in the next t for a customer with this history. */
	public double expectedPurchases(double t, int x, double tx, double age) {
		double likelihood = Gamma.logGamma(this.r + x) - Gamma.logGamma(this.r) + this.r * Math.log(this.alpha)
				+ this.s * Math.log(this.beta) + logA2(x, tx, age);
		double first = Gamma.logGamma(this.r + x) - Gamma.logGamma(this.r) + this.r * Math.log(this.alpha)
				+ this.s * Math.log(this.beta) - (this.r + x) * Math.log(this.alpha + age)
				- this.s * Math.log(this.beta + age);
		double second = Math.log(this.r + x) + Math.log(this.beta + age) - Math.log(this.alpha + age);
		double third;
		if (Math.abs(this.s - 1) < 1e-9) {
			third = Math.log(Math.log((this.beta + age + t) / (this.beta + age)));
		}
		else {
			third = Math.log((1 - Math.pow((this.beta + age) / (this.beta + age + t), this.s - 1)) / (this.s - 1));
		}
		return Math.exp(first + second + third - likelihood);
	}

	private static double logAddExp(double u, double v) {
		double max = Math.max(u, v);
		if (max == Double.NEGATIVE_INFINITY) {
			return max;
		}
		return max + Math.log(Math.exp(u - max) + Math.exp(v - max));
	}

}
