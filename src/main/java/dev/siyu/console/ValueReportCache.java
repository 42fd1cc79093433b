package dev.siyu.console;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.siyu.ingest.OrdersImported;
import dev.siyu.shared.TenantId;
import dev.siyu.value.ValueDashboard;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Cohorts and repurchase cycles scan a tenant's orders, so a page view reuses the last
 * computation for ten minutes, or until orders are imported.
 */
@Component
class ValueReportCache {

	private static final Duration FRESH = Duration.ofMinutes(10);

	private final ValueDashboard dashboard;

	private final Map<TenantId, Reports> reports = new ConcurrentHashMap<>();

	ValueReportCache(ValueDashboard dashboard) {
		this.dashboard = dashboard;
	}

	Reports of(TenantId tenant) {
		Reports cached = this.reports.get(tenant);
		if (cached != null && cached.computedAt().plus(FRESH).isAfter(Instant.now())) {
			return cached;
		}
		Reports computed = new Reports(this.dashboard.cohorts(tenant, 12), this.dashboard.cycles(tenant, 20),
				Instant.now());
		this.reports.put(tenant, computed);
		return computed;
	}

	@EventListener
	void on(OrdersImported imported) {
		this.reports.clear();
	}

	record Reports(List<Map<String, Object>> cohorts, List<Map<String, Object>> cycles, Instant computedAt) {
	}

}
