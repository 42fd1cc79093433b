package dev.siyu.value;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

/**
 * Newton's polish with the analytic gradients lands on the maximum the derivative-free
 * search finds: it could not if a derivative were wrong.
 */
class NewtonPolishTests {

	static final Purchases PURCHASES = new PurchaseSimulation(13).draw(30_000, (customer, day, value) -> {
	});

	@Test
	void bgNbdFromANearbyStartReachesTheMaximum() {
		Fitted<BgNbd> searched = BgNbd.fit(PURCHASES);
		BgNbd m = searched.model();

		double[] polished = BgNbd.newtonFrom(PURCHASES,
				new BgNbd(m.r() * 1.1, m.alpha() * 0.9, m.a() * 1.1, m.b() * 0.9));

		assertThat(polished).isNotNull();
		assertThat(polished[0]).isCloseTo(m.r(), withinPercentage(0.01));
		assertThat(polished[1]).isCloseTo(m.alpha(), withinPercentage(0.01));
		assertThat(polished[2]).isCloseTo(m.a(), withinPercentage(0.01));
		assertThat(polished[3]).isCloseTo(m.b(), withinPercentage(0.01));
		assertThat(polished[4]).isCloseTo(searched.logLikelihood(), within(1e-3));
	}

	@Test
	void gammaGammaFromANearbyStartReachesTheMaximum() {
		Fitted<GammaGamma> searched = GammaGamma.fit(PURCHASES);
		GammaGamma m = searched.model();

		double[] polished = GammaGamma.newtonFrom(PURCHASES,
				new GammaGamma(m.p() * 1.02, m.q() * 0.98, m.gamma() * 1.02));

		assertThat(polished).isNotNull();
		assertThat(polished[0]).isCloseTo(m.p(), withinPercentage(0.01));
		assertThat(polished[1]).isCloseTo(m.q(), withinPercentage(0.01));
		assertThat(polished[2]).isCloseTo(m.gamma(), withinPercentage(0.01));
		assertThat(polished[3]).isCloseTo(searched.logLikelihood(), within(1e-3));
	}

}
