package dev.siyu.value;

import java.io.IOException;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

/** Known answers: the published fits of the CDNOW 39-week calibration summary. */
class PublishedModelFitsTests {

	static Purchases summary;

	@BeforeAll
	static void read() throws IOException {
		summary = Cdnow.calibrationSummary();
	}

	@Test
	void bgNbdFitReproducesFaderHardieLee() {
		Fitted<BgNbd> fitted = BgNbd.fit(summary);
		BgNbd model = fitted.model();
		assertThat(model.r()).isCloseTo(0.243, withinPercentage(0.5));
		assertThat(model.alpha()).isCloseTo(4.414, withinPercentage(0.5));
		assertThat(model.a()).isCloseTo(0.793, withinPercentage(0.5));
		assertThat(model.b()).isCloseTo(2.426, withinPercentage(0.5));
		assertThat(fitted.logLikelihood()).isCloseTo(-9582.4, within(0.1));
	}

	@Test
	void paretoNbdFitReproducesThePublishedValues() {
		Fitted<ParetoNbd> fitted = ParetoNbd.fit(summary);
		ParetoNbd model = fitted.model();
		assertThat(model.r()).isCloseTo(0.553, withinPercentage(0.5));
		assertThat(model.alpha()).isCloseTo(10.578, withinPercentage(0.5));
		assertThat(model.s()).isCloseTo(0.606, withinPercentage(0.5));
		assertThat(model.beta()).isCloseTo(11.669, withinPercentage(0.5));
		assertThat(fitted.logLikelihood()).isCloseTo(-9595.0, within(0.1));
	}

	@Test
	void bgNbdConditionalExpectationOfThePaper() {
		BgNbd fitted = BgNbd.fit(summary).model();
		assertThat(fitted.expectedPurchases(39, 2, 30.43, 38.86)).isCloseTo(1.226, within(0.0005));
	}

	@Test
	void bgNbdExpectedPurchasesOfANewCustomerIn78Weeks() {
		BgNbd fitted = BgNbd.fit(summary).model();
		assertThat(fitted.expectedPurchasesOfNewCustomer(78)).isCloseTo(1.8576, within(0.0005));
	}

}
