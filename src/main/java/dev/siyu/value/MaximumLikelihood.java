package dev.siyu.value;

import java.util.function.IntToDoubleFunction;
import java.util.stream.IntStream;

import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.PointValuePair;
import org.hipparchus.optim.SimpleBounds;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;

/**
 * Maximises a log-likelihood summed over customers. Parameters are positive, so the
 * search runs over their logarithms (BOBYQA, bounded); the sum is split over the
 * available cores.
 */
final class MaximumLikelihood {

	private static final double LOG_BOUND = 12;

	private static final int CHUNK = 1 << 14;

	private MaximumLikelihood() {
	}

	/** A log-likelihood of one customer under given parameters. */
	interface CustomerLikelihood {

		/**
		 * Prepares for one parameter vector; the returned function gives one customer's
		 * term.
		 */
		IntToDoubleFunction at(double[] parameters);

	}

	/** Customers beyond which a fit starts from a pilot fit on a sample of them. */
	static final int PILOT_SAMPLE = 100_000;

	/** Returns the maximising parameters followed by the maximum log-likelihood. */
	static double[] maximise(int customers, double[] start, CustomerLikelihood likelihood) {
		return maximise(customers, start, 0.5, likelihood);
	}

	/**
	 * Maximises from a start known to be close (a pilot fit): a small first trust region
	 * saves most of the evaluations over all customers.
	 */
	static double[] polish(int customers, double[] pilot, CustomerLikelihood likelihood) {
		return maximise(customers, java.util.Arrays.copyOf(pilot, pilot.length - 1), 0.05, likelihood);
	}

	private static double[] maximise(int customers, double[] start, double initialRadius,
			CustomerLikelihood likelihood) {
		int n = start.length;
		double[] logStart = new double[n];
		double[] lower = new double[n];
		double[] upper = new double[n];
		for (int i = 0; i < n; i++) {
			logStart[i] = Math.log(start[i]);
			lower[i] = -LOG_BOUND;
			upper[i] = LOG_BOUND;
		}
		ObjectiveFunction objective = new ObjectiveFunction(logParameters -> {
			try {
				double value = sum(customers, likelihood.at(exp(logParameters)));
				return Double.isFinite(value) ? value : -1e300;
			}
			catch (ArithmeticException ex) {
				// a series that cannot be summed at these parameters: far from the
				// maximum
				return -1e300;
			}
		});
		BOBYQAOptimizer optimizer = new BOBYQAOptimizer(2 * n + 1, initialRadius, initialRadius < 0.1 ? 1e-7 : 1e-9);
		PointValuePair best = optimizer.optimize(new MaxEval(20_000), objective, GoalType.MAXIMIZE,
				new InitialGuess(logStart), new SimpleBounds(lower, upper));
		double[] result = new double[n + 1];
		System.arraycopy(exp(best.getPoint()), 0, result, 0, n);
		result[n] = best.getValue();
		return result;
	}

	static double sum(int customers, IntToDoubleFunction term) {
		int chunks = (customers + CHUNK - 1) / CHUNK;
		IntStream range = IntStream.range(0, chunks);
		if (chunks > 1) {
			range = range.parallel();
		}
		return range.mapToDouble(chunk -> {
			double sum = 0;
			int end = Math.min(customers, (chunk + 1) * CHUNK);
			for (int i = chunk * CHUNK; i < end; i++) {
				sum += term.applyAsDouble(i);
			}
			return sum;
		}).sum();
	}

	private static double[] exp(double[] logs) {
		double[] values = new double[logs.length];
		for (int i = 0; i < logs.length; i++) {
			values[i] = Math.exp(logs[i]);
		}
		return values;
	}

}
