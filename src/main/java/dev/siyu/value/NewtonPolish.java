package dev.siyu.value;

import java.util.function.Function;
import java.util.stream.IntStream;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.RealVector;

/**
 * Newton's method on the log-parameters from a start already close to the maximum (a
 * pilot fit): the analytic gradient over all customers, the Hessian from differences of
 * gradients, the step solved with Hipparchus's Cholesky decomposition of minus the
 * Hessian. A few gradient passes replace the hundred likelihood passes a derivative-free
 * search would spend there. Gives up (returns null) when the curvature is not that of a
 * maximum or a step does not climb, and the caller falls back to the derivative-free
 * search.
 */
final class NewtonPolish {

	private static final int MAX_STEPS = 12;

	private static final double H = 1e-5;

	private NewtonPolish() {
	}

	/** The log-likelihood and its gradient in the parameters, summed over customers. */
	interface Gradient {

		/** Fills into[0] with the customer's term and into[1..n] with its derivatives. */
		void add(int customer, double[] into);

	}

	/**
	 * @param prepare gives, for a parameter vector, the per-customer value-and-gradient
	 * function
	 * @return the parameters followed by the log-likelihood, or null
	 */
	static double[] maximise(int customers, double[] start, Function<double[], Gradient> prepare) {
		int n = start.length;
		double[] theta = new double[n];
		for (int i = 0; i < n; i++) {
			theta[i] = Math.log(start[i]);
		}
		double[] here = logGradient(customers, theta, prepare);
		for (int step = 0; step < MAX_STEPS; step++) {
			double[][] hessian = new double[n][n];
			for (int j = 0; j < n; j++) {
				double[] moved = theta.clone();
				moved[j] += H;
				double[] there = logGradient(customers, moved, prepare);
				for (int i = 0; i < n; i++) {
					hessian[i][j] = -(there[i + 1] - here[i + 1]) / H;
				}
			}
			for (int i = 0; i < n; i++) {
				for (int j = 0; j < i; j++) {
					double mean = (hessian[i][j] + hessian[j][i]) / 2;
					hessian[i][j] = mean;
					hessian[j][i] = mean;
				}
			}
			RealVector delta;
			try {
				delta = new CholeskyDecomposition(new Array2DRowRealMatrix(hessian, false)).getSolver()
					.solve(new ArrayRealVector(java.util.Arrays.copyOfRange(here, 1, n + 1)));
			}
			catch (RuntimeException notAMaximum) {
				return null;
			}
			double largest = 0;
			for (int i = 0; i < n; i++) {
				largest = Math.max(largest, Math.abs(delta.getEntry(i)));
			}
			// a step longer than 0.5 in log space is cut to it; a step that does not
			// climb is halved
			double scale = Math.min(1, 0.5 / largest);
			double[] next = null;
			double[] there = null;
			for (int halving = 0; halving < 8; halving++, scale /= 2) {
				double[] candidate = theta.clone();
				for (int i = 0; i < n; i++) {
					candidate[i] += scale * delta.getEntry(i);
				}
				double[] value = logGradient(customers, candidate, prepare);
				if (value[0] >= here[0] - 1e-12 * Math.abs(here[0])) {
					next = candidate;
					there = value;
					break;
				}
			}
			if (next == null) {
				return null;
			}
			largest *= scale;
			theta = next;
			here = there;
			if (largest < 1e-8) {
				break;
			}
		}
		double[] result = new double[n + 1];
		for (int i = 0; i < n; i++) {
			result[i] = Math.exp(theta[i]);
		}
		result[n] = here[0];
		return result;
	}

	/** The log-likelihood and its gradient in the log-parameters. */
	private static double[] logGradient(int customers, double[] theta, Function<double[], Gradient> prepare) {
		int n = theta.length;
		double[] parameters = new double[n];
		for (int i = 0; i < n; i++) {
			parameters[i] = Math.exp(theta[i]);
		}
		Gradient gradient = prepare.apply(parameters);
		int chunk = 1 << 14;
		int chunks = (customers + chunk - 1) / chunk;
		double[] total = IntStream.range(0, chunks).parallel().mapToObj(c -> {
			double[] sum = new double[n + 1];
			for (int i = c * chunk; i < Math.min(customers, (c + 1) * chunk); i++) {
				gradient.add(i, sum);
			}
			return sum;
		}).reduce(new double[n + 1], (left, right) -> {
			double[] sum = new double[n + 1];
			for (int i = 0; i <= n; i++) {
				sum[i] = left[i] + right[i];
			}
			return sum;
		});
		for (int i = 0; i < n; i++) {
			total[i + 1] *= parameters[i];
		}
		return total;
	}

}
