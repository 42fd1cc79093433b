package dev.siyu.value;

/**
 * The three lifetime-value models fitted on one set of purchase histories.
 *
 * @param paretoNbd null when not asked for
 * @param gammaGamma null when nobody bought twice
 */
public record ValueModels(Fitted<BgNbd> bgNbd, Fitted<ParetoNbd> paretoNbd, Fitted<GammaGamma> gammaGamma,
		long fitMillis) {

	public static ValueModels fit(Purchases purchases, boolean withParetoNbd) {
		if (purchases.size() == 0) {
			throw new IllegalArgumentException("no customer bought in the calibration period: nothing to fit");
		}
		long start = System.nanoTime();
		Fitted<BgNbd> bgNbd = BgNbd.fit(purchases);
		Fitted<ParetoNbd> paretoNbd = withParetoNbd ? ParetoNbd.fit(purchases) : null;
		Fitted<GammaGamma> gammaGamma = GammaGamma.fit(purchases);
		return new ValueModels(bgNbd, paretoNbd, gammaGamma, (System.nanoTime() - start) / 1_000_000);
	}

	/**
	 * Scores customers with these models over a horizon, discounting at an annual rate.
	 */
	public CustomerValue scoring(double horizon, double annualDiscount, TimeUnit unit) {
		return new CustomerValue(this.bgNbd.model(), this.gammaGamma == null ? null : this.gammaGamma.model(), horizon,
				annualDiscount, unit);
	}

}
