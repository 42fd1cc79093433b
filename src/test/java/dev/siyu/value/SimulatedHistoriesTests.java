package dev.siyu.value;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

/**
 * Data drawn from known parameters: the fits must find them again, on data nobody tuned
 * them on.
 */
class SimulatedHistoriesTests {

	@Test
	void bgNbdAndGammaGammaRecoverTheParametersTheHistoriesWereDrawnFrom() {
		BgNbd truth = new BgNbd(0.4, 30, 0.7, 3.0);
		GammaGamma spend = new GammaGamma(5, 3.5, 40);
		Purchases purchases = new PurchaseSimulation(truth, spend, 11).draw(60_000, (customer, day, value) -> {
		});

		BgNbd fitted = BgNbd.fit(purchases).model();
		GammaGamma fittedSpend = GammaGamma.fit(purchases).model();

		assertThat(fitted.r()).isCloseTo(truth.r(), withinPercentage(10));
		assertThat(fitted.alpha()).isCloseTo(truth.alpha(), withinPercentage(10));
		assertThat(fitted.a()).isCloseTo(truth.a(), withinPercentage(15));
		assertThat(fitted.b()).isCloseTo(truth.b(), withinPercentage(15));
		assertThat(fittedSpend.p()).isCloseTo(spend.p(), withinPercentage(10));
		assertThat(fittedSpend.q()).isCloseTo(spend.q(), withinPercentage(10));
	}

	@Test
	void scoringEveryoneAtOnceAgreesWithScoringOneByOne() {
		Purchases purchases = new PurchaseSimulation(5).draw(5_000, (customer, day, value) -> {
		});
		ValueModels models = ValueModels.fit(purchases, false);
		CustomerValue value = models.scoring(365, 0.1, TimeUnit.DAY);

		CustomerValue.Scores all = value.scoreAll(purchases);

		for (int i = 0; i < purchases.size(); i += 97) {
			CustomerValue.Score one = value.score(purchases.repeats(i), purchases.lastPurchase(i), purchases.age(i),
					purchases.meanRepeatValue(i));
			assertThat(all.probabilityAlive(i)).isEqualTo(one.probabilityAlive());
			assertThat(all.expectedPurchases(i)).isEqualTo(one.expectedPurchases());
			assertThat(all.clv(i)).isCloseTo(one.clv(), withinPercentage(1e-9));
		}
	}

}
