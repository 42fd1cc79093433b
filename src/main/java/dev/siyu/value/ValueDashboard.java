package dev.siyu.value;

import java.util.Map;
import java.util.Optional;

import dev.siyu.shared.TenantId;

import org.springframework.stereotype.Component;

/**
 * The value figures a screen shows for a tenant, precomputed with the scores (RFM classes
 * and grid, lifecycle stages, lifetime-value distribution, cohorts and repurchase
 * cycles), and the latest model fit.
 */
@Component
public class ValueDashboard {

	private final ValueAnalytics analytics;

	private final ClvFits fits;

	ValueDashboard(ValueAnalytics analytics, ClvFits fits) {
		this.analytics = analytics;
		this.fits = fits;
	}

	/**
	 * The stored figures of the tenant's scope (computed now only if none are stored).
	 */
	public ValueFigures figures(TenantId tenant) {
		return this.analytics.of(tenant);
	}

	public Optional<Map<String, Object>> latestFit(TenantId tenant) {
		return this.fits.latest(tenant);
	}

}
