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
		double[] best = MaximumLikelihood.maximise(repeaters.size(), new double[] { 1, 1, mean },
				parameters -> new GammaGamma(parameters[0], parameters[1], parameters[2]).likelihoodOf(repeaters));
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

	private IntToDoubleFunction likelihoodOf(Purchases repeaters) {
		double constant = -Gamma.logGamma(this.q) + this.q * Math.log(this.gamma);
		return i -> {
			int x = repeaters.x[i];
			double m = repeaters.meanRepeatValue[i];
			double px = this.p * x;
			return constant + Gamma.logGamma(px + this.q) - Gamma.logGamma(px) + (px - 1) * Math.log(m)
					+ px * Math.log(x) - (px + this.q) * Math.log(x * m + this.gamma);
		};
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
