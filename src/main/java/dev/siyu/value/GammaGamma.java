package dev.siyu.value;

import java.util.function.IntToDoubleFunction;

import org.hipparchus.special.Gamma;

/**
 * The Gamma-Gamma spend model (Fader and Hardie): a customer's purchase values are
 * Gamma(p, nu) with nu drawn from Gamma(q, gamma). Fitted on customers with repeat
 * purchases and the mean value of those repeats.
 */
public record GammaGamma(double p, double q, double gamma) {

	/**
	 * Fits the model on the customers with repeat purchases; null when there are none.
	 */
	public static Fitted<GammaGamma> fit(Purchases purchases) {
		Purchases repeaters = repeaters(purchases);
		if (repeaters.size() == 0) {
			return null;
		}
		double mean = 0;
		for (int i = 0; i < repeaters.size(); i++) {
			mean += repeaters.meanRepeatValue[i];
		}
		mean /= repeaters.size();
		Repeaters prepared = new Repeaters(repeaters);
		MaximumLikelihood.CustomerLikelihood likelihood = parameters -> new GammaGamma(parameters[0], parameters[1],
				parameters[2])
			.likelihoodOf(prepared);
		double[] best;
		if (repeaters.size() > 2 * MaximumLikelihood.PILOT_SAMPLE) {
			GammaGamma pilot = fit(repeaters.sample(MaximumLikelihood.PILOT_SAMPLE)).model();
			best = NewtonPolish.maximise(repeaters.size(), new double[] { pilot.p, pilot.q, pilot.gamma },
					parameters -> new GammaGamma(parameters[0], parameters[1], parameters[2]).gradientOf(prepared));
			if (best == null) {
				best = MaximumLikelihood.polish(repeaters.size(), new double[] { pilot.p, pilot.q, pilot.gamma, 0 },
						likelihood);
			}
		}
		else {
			best = MaximumLikelihood.maximise(repeaters.size(), new double[] { 1, 1, mean }, likelihood);
		}
		return new Fitted<>(new GammaGamma(best[0], best[1], best[2]), best[3]);
	}

	/**
	 * Customers with repeat purchases of positive mean value, the ones the model
	 * describes.
	 */
	static Purchases repeaters(Purchases purchases) {
		int count = 0;
		for (int i = 0; i < purchases.size(); i++) {
			if (purchases.x[i] > 0 && purchases.meanRepeatValue[i] > 0) {
				count++;
			}
		}
		Purchases repeaters = new Purchases(count);
		for (int i = 0; i < purchases.size(); i++) {
			if (purchases.x[i] > 0 && purchases.meanRepeatValue[i] > 0) {
				repeaters.add(purchases.x[i], purchases.tx[i], purchases.age[i], purchases.meanRepeatValue[i]);
			}
		}
		return repeaters;
	}

	/**
	 * The likelihood; the log-gamma terms depend on x only and are computed once per x,
	 * the logarithms of x and m once per fit.
	 */
	private IntToDoubleFunction likelihoodOf(Repeaters repeaters) {
		double[] byRepeats = new double[repeaters.maxRepeats + 1];
		double constant = -Gamma.logGamma(this.q) + this.q * Math.log(this.gamma);
		for (int x = 1; x <= repeaters.maxRepeats; x++) {
			double px = this.p * x;
			byRepeats[x] = constant + Gamma.logGamma(px + this.q) - Gamma.logGamma(px);
		}
		return i -> {
			int x = repeaters.x[i];
			double px = this.p * x;
			return byRepeats[x] + (px - 1) * repeaters.logMean[i] + px * repeaters.logX[i]
					- (px + this.q) * Math.log(x * repeaters.mean[i] + this.gamma);
		};
	}

	/** Newton's method from a start; null when it gives up. */
	static double[] newtonFrom(Purchases purchases, GammaGamma start) {
		Purchases repeaters = repeaters(purchases);
		Repeaters prepared = new Repeaters(repeaters);
		return NewtonPolish.maximise(repeaters.size(), new double[] { start.p, start.q, start.gamma },
				parameters -> new GammaGamma(parameters[0], parameters[1], parameters[2]).gradientOf(prepared));
	}

	/** The likelihood and its gradient in (p, q, gamma). */
	private NewtonPolish.Gradient gradientOf(Repeaters repeaters) {
		int max = repeaters.maxRepeats;
		double[] byRepeats = new double[max + 1];
		double[] dp = new double[max + 1];
		double[] dq = new double[max + 1];
		double logGamma = Math.log(this.gamma);
		double constant = -Gamma.logGamma(this.q) + this.q * logGamma;
		double psiQ = Gamma.digamma(this.q);
		for (int x = 1; x <= max; x++) {
			double px = this.p * x;
			byRepeats[x] = constant + Gamma.logGamma(px + this.q) - Gamma.logGamma(px);
			double psiPxq = Gamma.digamma(px + this.q);
			dp[x] = x * (psiPxq - Gamma.digamma(px));
			dq[x] = -psiQ + logGamma + psiPxq;
		}
		return (i, into) -> {
			int x = repeaters.x[i];
			double px = this.p * x;
			double total = x * repeaters.mean[i] + this.gamma;
			double logTotal = Math.log(total);
			into[0] += byRepeats[x] + (px - 1) * repeaters.logMean[i] + px * repeaters.logX[i]
					- (px + this.q) * logTotal;
			into[1] += dp[x] + x * (repeaters.logMean[i] + repeaters.logX[i] - logTotal);
			into[2] += dq[x] - logTotal;
			into[3] += this.q / this.gamma - (px + this.q) / total;
		};
	}

	/** Customers with repeats, with the logarithms the likelihood needs at every step. */
	private static final class Repeaters {

		final int[] x;

		final double[] mean;

		final double[] logMean;

		final double[] logX;

		final int maxRepeats;

		Repeaters(Purchases repeaters) {
			int n = repeaters.size();
			this.x = java.util.Arrays.copyOf(repeaters.x, n);
			this.mean = java.util.Arrays.copyOf(repeaters.meanRepeatValue, n);
			this.logMean = new double[n];
			this.logX = new double[n];
			int max = 0;
			for (int i = 0; i < n; i++) {
				this.logMean[i] = Math.log(this.mean[i]);
				this.logX[i] = Math.log(this.x[i]);
				max = Math.max(max, this.x[i]);
			}
			this.maxRepeats = max;
		}

	}

	/** Expected value of a purchase by a customer with x repeats of mean value m. */
	public double expectedSpend(int x, double meanRepeatValue) {
		double population = this.p * this.gamma / (this.q - 1);
		if (x == 0 || meanRepeatValue <= 0) {
			return population;
		}
		double weight = this.p * x / (this.p * x + this.q - 1);
		return (1 - weight) * population + weight * meanRepeatValue;
	}

}
