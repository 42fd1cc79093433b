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
		Histories histories = Histories.of(purchases);
		MaximumLikelihood.CustomerLikelihood likelihood = parameters -> new BgNbd(parameters[0], parameters[1],
				parameters[2], parameters[3])
			.likelihoodOf(histories);
		double[] best;
		if (histories.distinct.size() > 2 * MaximumLikelihood.PILOT_SAMPLE) {
			BgNbd pilot = fit(purchases.sample(MaximumLikelihood.PILOT_SAMPLE)).model();
			best = NewtonPolish.maximise(histories.distinct.size(),
					new double[] { pilot.r, pilot.alpha, pilot.a, pilot.b },
					parameters -> new BgNbd(parameters[0], parameters[1], parameters[2], parameters[3])
						.gradientOf(histories));
			if (best == null) {
				best = MaximumLikelihood.polish(histories.distinct.size(),
						new double[] { pilot.r, pilot.alpha, pilot.a, pilot.b, 0 }, likelihood);
			}
		}
		else {
			best = MaximumLikelihood.maximise(histories.distinct.size(),
					new double[] { 1, histories.distinct.meanAge() / 4, 1, 1 }, likelihood);
		}
		return new Fitted<>(new BgNbd(best[0], best[1], best[2], best[3]), best[4]);
	}

	/** The log-likelihood of all customers. */
	public double logLikelihood(Purchases purchases) {
		Histories histories = Histories.of(purchases);
		return MaximumLikelihood.sum(histories.distinct.size(), likelihoodOf(histories));
	}

	/**
	 * The likelihood per distinct history: terms that depend on x alone and the
	 * logarithms of alpha plus each distinct time are computed once per parameter vector.
	 */
	private IntToDoubleFunction likelihoodOf(Histories histories) {
		int maxRepeats = histories.maxRepeats;
		double[] byRepeats = new double[maxRepeats + 1];
		double[] logDropout = new double[maxRepeats + 1];
		double constant = Gamma.logGamma(this.a + this.b) - Gamma.logGamma(this.r) - Gamma.logGamma(this.b)
				+ this.r * Math.log(this.alpha);
		for (int x = 0; x <= maxRepeats; x++) {
			byRepeats[x] = constant + Gamma.logGamma(this.r + x) + Gamma.logGamma(this.b + x)
					- Gamma.logGamma(this.a + this.b + x);
			logDropout[x] = x == 0 ? 0 : Math.log(this.a) - Math.log(this.b + x - 1);
		}
		double[] logTime = new double[histories.times.length];
		for (int k = 0; k < logTime.length; k++) {
			logTime[k] = Math.log(this.alpha + histories.times[k]);
		}
		Purchases distinct = histories.distinct;
		int[] ageIndex = histories.ageIndex;
		int[] txIndex = histories.txIndex;
		return i -> {
			int x = distinct.x[i];
			double alive = -(this.r + x) * logTime[ageIndex[i]];
			double sum = alive;
			if (x > 0) {
				double dropped = logDropout[x] - (this.r + x) * logTime[txIndex[i]];
				double max = Math.max(alive, dropped);
				sum = max + Math.log1p(Math.exp(Math.min(alive, dropped) - max));
			}
			return distinct.weight[i] * (byRepeats[x] + sum);
		};
	}

	/** Newton's method from a start; null when it gives up. */
	static double[] newtonFrom(Purchases purchases, BgNbd start) {
		Histories histories = Histories.of(purchases);
		return NewtonPolish.maximise(histories.distinct.size(), new double[] { start.r, start.alpha, start.a, start.b },
				parameters -> new BgNbd(parameters[0], parameters[1], parameters[2], parameters[3])
					.gradientOf(histories));
	}

	/** The likelihood and its gradient in (r, alpha, a, b), per distinct history. */
	NewtonPolish.Gradient gradientOf(Histories histories) {
		int maxRepeats = histories.maxRepeats;
		double[] byRepeats = new double[maxRepeats + 1];
		double[] logDropout = new double[maxRepeats + 1];
		double[] dr = new double[maxRepeats + 1];
		double[] da = new double[maxRepeats + 1];
		double[] db = new double[maxRepeats + 1];
		double[] inverseB = new double[maxRepeats + 1];
		double logAlpha = Math.log(this.alpha);
		double constant = Gamma.logGamma(this.a + this.b) - Gamma.logGamma(this.r) - Gamma.logGamma(this.b)
				+ this.r * logAlpha;
		double psiR = Gamma.digamma(this.r);
		double psiAb = Gamma.digamma(this.a + this.b);
		double psiB = Gamma.digamma(this.b);
		for (int x = 0; x <= maxRepeats; x++) {
			byRepeats[x] = constant + Gamma.logGamma(this.r + x) + Gamma.logGamma(this.b + x)
					- Gamma.logGamma(this.a + this.b + x);
			logDropout[x] = x == 0 ? 0 : Math.log(this.a) - Math.log(this.b + x - 1);
			double psiAbx = Gamma.digamma(this.a + this.b + x);
			dr[x] = Gamma.digamma(this.r + x) - psiR + logAlpha;
			da[x] = psiAb - psiAbx;
			db[x] = psiAb - psiB + Gamma.digamma(this.b + x) - psiAbx;
			inverseB[x] = x == 0 ? 0 : 1 / (this.b + x - 1);
		}
		double[] logTime = new double[histories.times.length];
		double[] inverseTime = new double[histories.times.length];
		for (int k = 0; k < logTime.length; k++) {
			logTime[k] = Math.log(this.alpha + histories.times[k]);
			inverseTime[k] = 1 / (this.alpha + histories.times[k]);
		}
		Purchases distinct = histories.distinct;
		return (i, into) -> {
			int x = distinct.x[i];
			double w = distinct.weight[i];
			int age = histories.ageIndex[i];
			int tx = histories.txIndex[i];
			double alive = -(this.r + x) * logTime[age];
			double sum = alive;
			double wAlive = 1;
			double wDropped = 0;
			if (x > 0) {
				double dropped = logDropout[x] - (this.r + x) * logTime[tx];
				double max = Math.max(alive, dropped);
				sum = max + Math.log1p(Math.exp(Math.min(alive, dropped) - max));
				wAlive = Math.exp(alive - sum);
				wDropped = Math.exp(dropped - sum);
			}
			into[0] += w * (byRepeats[x] + sum);
			into[1] += w * (dr[x] - wAlive * logTime[age] - wDropped * logTime[tx]);
			into[2] += w
					* (this.r / this.alpha - (this.r + x) * (wAlive * inverseTime[age] + wDropped * inverseTime[tx]));
			into[3] += w * (da[x] + wDropped / this.a);
			into[4] += w * (db[x] - wDropped * inverseB[x]);
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

}
