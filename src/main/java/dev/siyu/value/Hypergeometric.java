package dev.siyu.value;

/**
 * The Gauss hypergeometric function 2F1(a, b; c; z) for 0 <= z < 1, summed as its power
 * series in log space so that large parameters neither overflow nor lose the sign of a
 * term.
 */
final class Hypergeometric {

	private static final int MAX_TERMS = 200_000;

	private static final double TOLERANCE = 1e-14;

	private static final double RESCALE_ABOVE = 1e250;

	private static final double LOG_RESCALE = Math.log(RESCALE_ABOVE);

	private Hypergeometric() {
	}

	/**
	 * log 2F1(a, b; c; z) for a positive value, summed with a running scale so that terms
	 * far beyond the range of a double (large a or b) neither overflow nor stop the sum.
	 */
	static double logF21(double a, double b, double c, double z) {
		if (z < 0 || z >= 1) {
			throw new IllegalArgumentException("2F1 is summed only for 0 <= z < 1, not z = " + z);
		}
		double logScale = 0;
		double sum = 1;
		double term = 1;
		for (int k = 0; k < MAX_TERMS; k++) {
			double ratio = (a + k) * (b + k) / ((c + k) * (k + 1)) * z;
			term *= ratio;
			sum += term;
			if (Math.abs(sum) > RESCALE_ABOVE) {
				sum /= RESCALE_ABOVE;
				term /= RESCALE_ABOVE;
				logScale += LOG_RESCALE;
			}
			if (Math.abs(term) <= TOLERANCE * Math.abs(sum) && Math.abs(ratio) < 1) {
				if (sum <= 0) {
					throw new ArithmeticException("2F1(" + a + ", " + b + "; " + c + "; " + z + ") is not positive");
				}
				return logScale + Math.log(sum);
			}
		}
		throw new ArithmeticException("2F1(" + a + ", " + b + "; " + c + "; " + z + ") did not converge");
	}

	static double f21(double a, double b, double c, double z) {
		if (z < 0 || z >= 1) {
			throw new IllegalArgumentException("2F1 is summed only for 0 <= z < 1, not z = " + z);
		}
		if (z == 0) {
			return 1;
		}
		double sum = 1;
		double term = 1;
		for (int k = 0; k < MAX_TERMS; k++) {
			term *= (a + k) * (b + k) / ((c + k) * (k + 1)) * z;
			sum += term;
			if (Math.abs(term) <= TOLERANCE * Math.abs(sum)) {
				if (k > 0 && (a + k) * (b + k) / ((c + k) * (k + 1)) < 1) {
					return sum;
				}
			}
			if (!Double.isFinite(sum)) {
				throw new ArithmeticException("2F1(" + a + ", " + b + "; " + c + "; " + z + ") overflows");
			}
		}
		throw new ArithmeticException("2F1(" + a + ", " + b + "; " + c + "; " + z + ") did not converge");
	}

}
