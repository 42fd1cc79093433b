package dev.siyu.console;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The numbers of a tenant's overview, as precomputed by {@link Overviews}: the three
 * headline numbers of a private domain and the series behind the charts. {@code referred}
 * is null until referrals are recorded.
 */
record OverviewFigures(long customers, long orders, BigDecimal gmv, long repeatCustomers, long reachable, Long referred,
		List<Slice> gmvByPlatform, List<Slice> lifecycle, List<Slice> channels, List<Month> months,
		OffsetDateTime computedAt) {

	public BigDecimal valuePerCustomer() {
		return (this.customers == 0) ? BigDecimal.ZERO
				: this.gmv.divide(BigDecimal.valueOf(this.customers), 2, RoundingMode.HALF_UP);
	}

	public double reachShare() {
		return share(this.reachable);
	}

	public double repurchaseShare() {
		return share(this.repeatCustomers);
	}

	public Double referredShare() {
		return (this.referred == null) ? null : share(this.referred);
	}

	private double share(long part) {
		return (this.customers == 0) ? 0 : (double) part / this.customers;
	}

	/** One category of a chart and its value. */
	record Slice(String key, BigDecimal value) {
	}

	/**
	 * One month of the trend: net GMV, buyers, and customers who bought for the first
	 * time.
	 */
	record Month(String month, BigDecimal gmv, long buyers, long newCustomers) {
	}

}
