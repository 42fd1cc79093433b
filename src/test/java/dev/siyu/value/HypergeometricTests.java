package dev.siyu.value;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Reference values computed with mpmath at 30 digits. */
class HypergeometricTests {

	@Test
	void sumsTheSeriesToDoublePrecision() {
		assertThat(Hypergeometric.f21(0.5, 1.5, 2.5, 0.3)).isCloseTo(1.10806255105693198, within(1e-13));
		assertThat(Hypergeometric.f21(1, 3.2, 40.5, 0.95)).isCloseTo(1.08325208923890165, within(1e-13));
	}

	@Test
	void aNegativeParameterGivesTermsOfOneSign() {
		assertThat(Hypergeometric.f21(2.0179, -0.207, 8.2186, 0.9)).isCloseTo(0.94728608406107870, within(1e-13));
	}

	@Test
	void hugeParametersAreSummedInLogSpaceWithoutOverflow() {
		double log = Hypergeometric.logF21(198182.70645384674, 35429.11427935907, 198186.35556404828,
				0.18432097868378328);
		assertThat(log).isCloseTo(7217.98332840686, within(1e-6));
	}

	@Test
	void onlyTheUnitIntervalIsSummed() {
		assertThatThrownBy(() -> Hypergeometric.f21(1, 1, 2, 1.0)).isInstanceOf(IllegalArgumentException.class);
	}

}
