package dev.siyu.value;

import java.util.function.IntToDoubleFunction;

import org.hipparchus.special.Gamma;

/**
 * The BG/NBD model (Fader, Hardie and Lee 2005): while alive a customer buys at a Poisson
 * rate drawn from Gamma(r, alpha) and after each purchase drops out with a probability
 * drawn from Beta(a, b).
 */
public record BgNbd(double r, double alpha, double a, double b) {

	/** Fits the model by maximum likelihood; returns it with its log-likelihood. */
	public static Fitted<BgNbd> fit(Purchases purchases) {
		double[] best = MaximumLikelihood.maximise(purchases.size(), new double[] { 1, purchases.meanAge() / 4, 1, 1 },
				parameters -> new BgNbd(parameters[0], parameters[1], parameters[2], parameters[3])
					.likelihoodOf(purchases));
		return new Fitted<>(new BgNbd(best[0], best[1], best[2], best[3]), best[4]);
	}

	/** The log-likelihood of all customers. */
	public double logLikelihood(Purchases purchases) {
		return MaximumLikelihood.sum(purchases.size(), likelihoodOf(purchases));
	}

	private IntToDoubleFunction likelihoodOf(Purchases purchases) {
		ByRepeats byRepeats = new ByRepeats(maxRepeats(purchases));
		double logAlpha = Math.log(this.alpha);
		return i -> {
			int x = purchases.x[i];
			double a3 = -(this.r + x) * Math.log(this.alpha + purchases.age[i]);
			double sum;
			if (x > 0) {
				double a4 = Math.log(this.a) - Math.log(this.b + x - 1)
						- (this.r + x) * Math.log(this.alpha + purchases.tx[i]);
				double max = Math.max(a3, a4);
				sum = max + Math.log(Math.exp(a3 - max) + Math.exp(a4 - max));
			}
			else {
				sum = a3;
			}
			return byRepeats.value(x) + this.r * logAlpha + sum;
		};
	}

	/** Probability that a customer with this history is still alive at the end of it. */
	public double probabilityAlive(int x, double tx, double age) {
		if (x == 0) {
			return 1;
		}
		double log = Math.log(this.a) - Math.log(this.b + x - 1)
				+ (this.r + x) * Math.log((this.alpha + age) / (this.alpha + tx));
		return 1 / (1 + Math.exp(log));
	}

	/** Expected purchases in the next t for a customer with this history. */
	public double expectedPurchases(double t, int x, double tx, double age) {
		double z = t / (this.alpha + age + t);
		// Euler's transformation keeps the series' terms bounded for any number of
		// repeats:
		// ((alpha+T)/(alpha+T+t))^(r+x) 2F1(r+x, b+x; a+b+x-1; z)
		// = (1-z)^(a-1) 2F1(a+b-1-r, a-1; a+b+x-1; z)
		double tail = Math.exp((this.a - 1) * Math.log1p(-z)
				+ Hypergeometric.logF21(this.a + this.b - 1 - this.r, this.a - 1, this.a + this.b + x - 1, z));
		double numerator = (this.a + this.b + x - 1) / (this.a - 1) * (1 - tail);
		double denominator = 1;
		if (x > 0) {
			denominator += this.a / (this.b + x - 1) * Math.pow((this.alpha + age) / (this.alpha + tx), this.r + x);
		}
		return numerator / denominator;
	}

	/** Expected purchases of a new customer in a period of length t, E[X(t)]. */
	public double expectedPurchasesOfNewCustomer(double t) {
		double z = t / (this.alpha + t);
		double tail = Math.exp((this.a - 1) * Math.log1p(-z)
				+ Hypergeometric.logF21(this.a + this.b - 1 - this.r, this.a - 1, this.a + this.b - 1, z));
		return (this.a + this.b - 1) / (this.a - 1) * (1 - tail);
	}

	static int maxRepeats(Purchases purchases) {
		int max = 0;
		for (int i = 0; i < purchases.size(); i++) {
			max = Math.max(max, purchases.x[i]);
		}
		return max;
	}

	/** The terms that depend on x only, computed once per parameter vector. */
	private final class ByRepeats {

		private final double[] values;

		ByRepeats(int maxRepeats) {
			this.values = new double[maxRepeats + 1];
			double constant = Gamma.logGamma(a + b) - Gamma.logGamma(r) - Gamma.logGamma(b);
			for (int x = 0; x <= maxRepeats; x++) {
				this.values[x] = constant + Gamma.logGamma(r + x) + Gamma.logGamma(b + x) - Gamma.logGamma(a + b + x);
			}
		}

		double value(int x) {
			return this.values[x];
		}

	}

}
