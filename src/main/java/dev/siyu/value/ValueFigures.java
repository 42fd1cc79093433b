package dev.siyu.value;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * The value analytics of one identity scope as of a day: persons per RFM class (by the
 * class's Chinese label) and per R/F/M score, per lifecycle stage, per band of lifetime
 * value, cohorts by first-purchase month and repurchase cycles per category.
 */
public record ValueFigures(LocalDate day, Map<String, Long> rfmClasses, List<RfmCell> rfmGrid, Map<String, Long> stages,
		List<ClvBand> clv, List<Cohort> cohorts, List<Cycle> cycles, OffsetDateTime computedAt) {

	/** Persons with these R, F and M scores. */
	public record RfmCell(int r, int f, int m, long persons) {
	}

	/** Persons whose lifetime value lies from {@code from} up to {@code to}. */
	public record ClvBand(double from, double to, long persons) {
	}

	/** Buyers whose first purchase fell in one month, and their following months. */
	public record Cohort(String cohort, long persons, List<CohortMonth> months) {
	}

	/**
	 * Month {@code month} after the first: buyers who bought, the share of the cohort
	 * they are, the share who had bought again by then, and the net GMV.
	 */
	public record CohortMonth(int month, long active, double retention, double repurchaseRate, BigDecimal gmv) {
	}

	/**
	 * Repurchases of one category: purchases, buyers, repeat purchases and buyers, the
	 * quartiles of days between purchases (null entries without repeats), the hazard
	 * bands and the band where buying again is likeliest (null without).
	 */
	public record Cycle(String key, long purchases, long persons, long repurchases, long repurchasers,
			List<Integer> gapDaysQuartiles, List<Band> bands, Integer sweetPeriodFromDay) {

		/** The median days between purchases, or zero without repeats. */
		public int medianGap() {
			Integer median = (this.gapDaysQuartiles.size() == 3) ? this.gapDaysQuartiles.get(1) : null;
			return (median != null) ? median : 0;
		}

	}

	/** Of the gaps that reached {@code fromDay}, those closed before {@code toDay}. */
	public record Band(int fromDay, Integer toDay, long atRisk, long repurchased, Double hazard) {
	}

}
