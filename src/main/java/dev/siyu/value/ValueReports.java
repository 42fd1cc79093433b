package dev.siyu.value;

import org.springframework.stereotype.Component;

/** The tenant-level reports: repurchase cycles, cohorts and headline metrics. */
@Component
record ValueReports(RepurchaseCycles cycles, Cohorts cohorts, HeadlineMetrics metrics) {
}
