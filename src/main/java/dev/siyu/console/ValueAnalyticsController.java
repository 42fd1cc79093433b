package dev.siyu.console;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.siyu.tenant.Permission;
import dev.siyu.value.RfmClass;
import dev.siyu.value.ValueDashboard;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Customer value: the eight RFM classes, lifecycle stages, cohort retention, the
 * lifetime-value distribution and repurchase cycles per category.
 */
@Controller
class ValueAnalyticsController {

	private final ValueDashboard dashboard;

	private final ValueReportCache reports;

	private final MessageSource messages;

	ValueAnalyticsController(ValueDashboard dashboard, ValueReportCache reports, MessageSource messages) {
		this.dashboard = dashboard;
		this.reports = reports;
		this.messages = messages;
	}

	@GetMapping("/value")
	String value(Workspace workspace, Model model, Locale locale) {
		workspace.require(Permission.VIEW_OVERVIEW);
		Map<String, Long> byLabel = this.dashboard.rfmClasses(workspace.tenantId());
		List<Map<String, Object>> rfm = new ArrayList<>();
		for (RfmClass rfmClass : RfmClass.values()) {
			rfm.add(Map.of("code", rfmClass.name(), "name", text("rfm." + rfmClass.name(), locale), "persons",
					byLabel.getOrDefault(rfmClass.label(), 0L)));
		}
		List<Map<String, Object>> stages = new ArrayList<>();
		this.dashboard.stages(workspace.tenantId())
			.forEach((code, persons) -> stages.add(Map.of("code", code, "name",
					this.messages.getMessage("lifecycle." + code, null, code, locale), "value", persons)));
		ValueReportCache.Reports computed = this.reports.of(workspace.tenantId());
		List<ValueDashboard.ClvBand> clv = this.dashboard.clvBands(workspace.tenantId());
		model.addAttribute("rfm", rfm);
		model.addAttribute("stages", stages);
		model.addAttribute("cohorts", computed.cohorts());
		model.addAttribute("cycles", computed.cycles());
		model.addAttribute("clv", clv);
		model.addAttribute("fit", this.dashboard.latestFit(workspace.tenantId()).orElse(null));
		Map<String, Object> charts = new LinkedHashMap<>();
		charts.put("rfm", rfm);
		charts.put("stages", stages);
		charts.put("cohorts", heatmap(computed.cohorts()));
		charts.put("clv", clv.stream()
			.map(band -> Map.of("name", Math.round(band.from()) + "–" + Math.round(band.to()), "value", band.persons()))
			.toList());
		charts.put("cycles",
				computed.cycles()
					.stream()
					.map(cycle -> Map.of("name", String.valueOf(cycle.get("key")), "value",
							median(cycle.get("gapDaysQuartiles"))))
					.toList());
		charts.put("labels", Map.of("persons", text("value.persons", locale), "retention",
				text("value.retention", locale), "median", text("value.medianGap", locale)));
		model.addAttribute("charts", charts);
		return "value";
	}

	private static Map<String, Object> heatmap(List<Map<String, Object>> cohorts) {
		List<String> names = new ArrayList<>();
		List<List<Object>> cells = new ArrayList<>();
		int months = 0;
		for (Map<String, Object> cohort : cohorts) {
			int row = names.size();
			names.add(String.valueOf(cohort.get("cohort")));
			@SuppressWarnings("unchecked")
			List<Map<String, Object>> perMonth = (List<Map<String, Object>>) cohort.get("months");
			for (Map<String, Object> month : perMonth) {
				int k = ((Number) month.get("month")).intValue();
				months = Math.max(months, k + 1);
				double retention = ((Number) month.get("retention")).doubleValue();
				cells.add(List.of(k, row, Math.round(retention * 1000) / 10.0));
			}
		}
		List<String> offsets = new ArrayList<>();
		for (int k = 0; k < months; k++) {
			offsets.add("M" + k);
		}
		return Map.of("cohorts", names, "months", offsets, "cells", cells);
	}

	private static Object median(Object quartiles) {
		if (quartiles instanceof List<?> list && list.size() == 3 && list.get(1) != null) {
			return list.get(1);
		}
		return 0;
	}

	private String text(String key, Locale locale) {
		return this.messages.getMessage(key, null, locale);
	}

}
