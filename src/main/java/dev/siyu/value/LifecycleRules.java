package dev.siyu.value;

import java.time.LocalDate;

/**
 * A tenant's definitions of the lifecycle stages, in days since the last purchase:
 * <ul>
 * <li>new: a single purchase day, no older than {@code newDays}</li>
 * <li>active: last purchase within {@code activeDays}</li>
 * <li>silent: within {@code silentDays}, unless the model gives it less than
 * {@code atRiskAlive} chance of being alive</li>
 * <li>at risk: within {@code lostDays}</li>
 * <li>lost: longer ago</li>
 * </ul>
 * A stage reached by time passing starts on the day its threshold was crossed, so the
 * date of a transition does not depend on when the scores were computed.
 */
public record LifecycleRules(int newDays, int activeDays, int silentDays, int lostDays, double atRiskAlive) {

	public static final LifecycleRules DEFAULT = new LifecycleRules(30, 90, 180, 365, 0.3);

	public LifecycleRules {
		if (!(0 < newDays && newDays <= activeDays && activeDays < silentDays && silentDays < lostDays)) {
			throw new IllegalArgumentException("lifecycle days must satisfy 0 < new <= active < silent < lost, not "
					+ newDays + ", " + activeDays + ", " + silentDays + ", " + lostDays);
		}
		if (!(atRiskAlive >= 0 && atRiskAlive <= 1)) {
			throw new IllegalArgumentException("the at-risk probability must lie in [0, 1], not " + atRiskAlive);
		}
	}

	/**
	 * The stage of a buyer and the day it began. pAlive may be NaN when no model was
	 * fitted.
	 */
	public Position position(LocalDate today, LocalDate firstPurchase, LocalDate lastPurchase, int purchaseDays,
			double pAlive) {
		long since = lastPurchase.until(today, java.time.temporal.ChronoUnit.DAYS);
		if (since > this.lostDays) {
			return new Position(LifecycleStage.LOST, lastPurchase.plusDays(this.lostDays + 1));
		}
		if (since > this.silentDays) {
			return new Position(LifecycleStage.AT_RISK, lastPurchase.plusDays(this.silentDays + 1));
		}
		if (since > this.activeDays) {
			if (pAlive < this.atRiskAlive) {
				return new Position(LifecycleStage.AT_RISK, today);
			}
			return new Position(LifecycleStage.SILENT, lastPurchase.plusDays(this.activeDays + 1));
		}
		if (purchaseDays == 1 && since <= this.newDays) {
			return new Position(LifecycleStage.NEW, firstPurchase);
		}
		return new Position(LifecycleStage.ACTIVE,
				purchaseDays == 1 ? firstPurchase.plusDays(this.newDays + 1) : lastPurchase);
	}

	/** A stage and the day it began. */
	public record Position(LifecycleStage stage, LocalDate since) {
	}

}
