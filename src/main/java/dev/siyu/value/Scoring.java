package dev.siyu.value;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scores the buyers of one scope as of a day: RFM against quintiles or the tenant's cut
 * points, the lifecycle stage, lifetime value from BG/NBD and Gamma-Gamma fitted on these
 * buyers (in days), and the expected window of the next purchase from the scope's gaps
 * between purchases.
 */
final class Scoring {

	private static final Logger log = LoggerFactory.getLogger(Scoring.class);

	private final ValueSettings.Settings settings;

	private final LocalDate today;

	Scoring(ValueSettings.Settings settings, LocalDate today) {
		this.settings = settings;
		this.today = today;
	}

	Result score(Buyers buyers) {
		int n = buyers.size();
		int end = (int) this.today.toEpochDay();
		double[] recency = new double[n];
		double[] frequency = new double[n];
		double[] monetary = new double[n];
		for (int i = 0; i < n; i++) {
			recency[i] = -Math.max(0, end - buyers.lastDay[i]);
			frequency[i] = buyers.orders[i];
			monetary[i] = buyers.spend[i];
		}
		byte[] r = RfmScores.score(recency, negatedReversed(this.settings.recencyBounds()));
		byte[] f = RfmScores.score(frequency, this.settings.frequencyBounds());
		byte[] m = RfmScores.score(monetary, this.settings.monetaryBounds());
		Result result = new Result(r, f, m, RfmScores.mean(r), RfmScores.mean(f), RfmScores.mean(m), n, end);
		Purchases purchases = buyers.purchases(this.today);
		CustomerValue value = fit(purchases);
		int[] gaps = buyers.gapQuartiles();
		CustomerValue.Scores scores = value == null ? null : value.scoreAll(purchases);
		for (int i = 0; i < n; i++) {
			double alive = Double.NaN;
			if (scores != null) {
				alive = scores.probabilityAlive(i);
				result.alive[i] = alive;
				result.expected[i] = scores.expectedPurchases(i);
				result.spend[i] = scores.expectedSpend(i);
				result.clv[i] = scores.clv(i);
			}
			result.positions[i] = this.settings.lifecycle()
				.position(this.today, LocalDate.ofEpochDay(buyers.firstDay[i]), LocalDate.ofEpochDay(buyers.lastDay[i]),
						buyers.purchaseDays[i], alive);
			if (gaps != null) {
				double scale = 1;
				if (purchases.x[i] >= 2 && gaps[1] > 0) {
					scale = purchases.tx[i] / purchases.x[i] / gaps[1];
				}
				result.nextFrom[i] = buyers.lastDay[i] + (int) Math.round(gaps[0] * scale);
				result.nextTo[i] = buyers.lastDay[i] + (int) Math.round(gaps[2] * scale);
			}
		}
		result.fitted = value != null;
		return result;
	}

	private CustomerValue fit(Purchases purchases) {
		if (purchases.size() < CustomerScores.MIN_BUYERS_TO_FIT) {
			return null;
		}
		try {
			ValueModels models = ValueModels.fit(purchases, false);
			if (models.gammaGamma() == null) {
				return null;
			}
			return models.scoring(this.settings.horizonDays(), this.settings.annualDiscount(), TimeUnit.DAY);
		}
		catch (RuntimeException ex) {
			log.warn("lifetime-value models could not be fitted on {} buyers: {}", purchases.size(), ex.getMessage());
			return null;
		}
	}

	private static double[] negatedReversed(double[] bounds) {
		if (bounds == null) {
			return null;
		}
		double[] result = new double[bounds.length];
		for (int i = 0; i < bounds.length; i++) {
			result[i] = -bounds[bounds.length - 1 - i];
		}
		return result;
	}

	/** Scores of every buyer, by the buyer's index. */
	static final class Result {

		final byte[] r;

		final byte[] f;

		final byte[] m;

		final double meanR;

		final double meanF;

		final double meanM;

		final double[] alive;

		final double[] expected;

		final double[] spend;

		final double[] clv;

		final LifecycleRules.Position[] positions;

		final int[] nextFrom;

		final int[] nextTo;

		final int today;

		boolean fitted;

		Result(byte[] r, byte[] f, byte[] m, double meanR, double meanF, double meanM, int n, int today) {
			this.today = today;
			this.r = r;
			this.f = f;
			this.m = m;
			this.meanR = meanR;
			this.meanF = meanF;
			this.meanM = meanM;
			this.alive = nans(n);
			this.expected = nans(n);
			this.spend = nans(n);
			this.clv = nans(n);
			this.positions = new LifecycleRules.Position[n];
			this.nextFrom = new int[n];
			this.nextTo = new int[n];
			Arrays.fill(this.nextFrom, Integer.MIN_VALUE);
		}

		boolean fitted() {
			return this.fitted;
		}

		RfmClass rfmClass(int i) {
			return RfmClass.of(this.r[i] > this.meanR, this.f[i] > this.meanF, this.m[i] > this.meanM);
		}

		/** One row of COPY text in the column order of table new_score. */
		void appendRow(int i, Buyers buyers, StringBuilder row) {
			LocalDate last = LocalDate.ofEpochDay(buyers.lastDay[i]);
			row.append(buyers.person[i]).append('\t');
			row.append(Math.max(0, this.today - buyers.lastDay[i])).append('\t');
			row.append(buyers.orders[i]).append('\t');
			row.append(money(buyers.spend[i])).append('\t');
			row.append(this.r[i]).append('\t').append(this.f[i]).append('\t').append(this.m[i]).append('\t');
			row.append(rfmClass(i).label()).append('\t');
			row.append(this.positions[i].stage().code()).append('\t').append(this.positions[i].since()).append('\t');
			row.append(real(this.alive[i])).append('\t').append(real(this.expected[i])).append('\t');
			row.append(money(this.spend[i])).append('\t').append(money(this.clv[i])).append('\t');
			row.append(buyers.purchaseDays[i]).append('\t');
			row.append(LocalDate.ofEpochDay(buyers.firstDay[i])).append('\t').append(last).append('\t');
			if (this.nextFrom[i] == Integer.MIN_VALUE) {
				row.append("\\N\t\\N\n");
			}
			else {
				row.append(LocalDate.ofEpochDay(this.nextFrom[i]))
					.append('\t')
					.append(LocalDate.ofEpochDay(this.nextTo[i]))
					.append('\n');
			}
		}

		private static String real(double value) {
			if (Double.isNaN(value)) {
				return "\\N";
			}
			// a column of type real cannot hold what is below its smallest normal value
			return (Math.abs(value) < Float.MIN_NORMAL) ? "0" : String.format(Locale.ROOT, "%.6g", value);
		}

		private static String money(double value) {
			return Double.isNaN(value) ? "\\N" : String.format(Locale.ROOT, "%.2f", value);
		}

		private static double[] nans(int n) {
			double[] values = new double[n];
			Arrays.fill(values, Double.NaN);
			return values;
		}

	}

}
