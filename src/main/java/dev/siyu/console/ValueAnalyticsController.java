package dev.siyu.console;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.siyu.tenant.Permission;
import dev.siyu.value.RfmClass;
import dev.siyu.value.ValueDashboard;
import dev.siyu.value.ValueFigures;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Customer value: the eight RFM classes and the R × F grid, lifecycle stages, cohort
 * retention, the lifetime-value distribution and repurchase cycles per category, all read
 * from the figures the value module stores with the scores.
 */
@Controller
class ValueAnalyticsController {

	private final ValueDashboard dashboard;

	private final MessageSource messages;

	ValueAnalyticsController(ValueDashboard dashboard, MessageSource messages) {
		this.dashboard = dashboard;
		this.messages = messages;
	}

	@GetMapping("/value")
	String value(Workspace workspace, Model model, Locale locale) {
		workspace.require(Permission.VIEW_OVERVIEW);
		ValueFigures figures = this.dashboard.figures(workspace.tenantId());
		List<Map<String, Object>> rfm = new ArrayList<>();
		for (RfmClass rfmClass : RfmClass.values()) {
			rfm.add(Map.of("code", rfmClass.name(), "name", text("rfm." + rfmClass.name(), locale), "persons",
					figures.rfmClasses().getOrDefault(rfmClass.label(), 0L)));
		}
		List<Map<String, Object>> stages = new ArrayList<>();
		figures.stages()
			.forEach((code, persons) -> stages.add(Map.of("code", code, "name",
					this.messages.getMessage("lifecycle." + code, null, code, locale), "value", persons)));
		model.addAttribute("rfm", rfm);
		model.addAttribute("stages", stages);
		model.addAttribute("cohorts", figures.cohorts());
		model.addAttribute("cycles", figures.cycles());
		model.addAttribute("clv", figures.clv());
		model.addAttribute("figures", figures);
		model.addAttribute("fit", this.dashboard.latestFit(workspace.tenantId()).orElse(null));
		Map<String, Object> charts = new LinkedHashMap<>();
		charts.put("rfm", rfm);
		charts.put("grid", grid(figures.rfmGrid()));
		charts.put("stages", stages);
		charts.put("cohorts", heatmap(figures.cohorts()));
		charts.put("clv", figures.clv()
			.stream()
			.map(band -> Map.of("name", Math.round(band.from()) + "–" + Math.round(band.to()), "value", band.persons()))
			.toList());
		charts.put("cycles",
				figures.cycles()
					.stream()
					.map(cycle -> Map.of("name", cycle.key(), "value", cycle.medianGap()))
					.toList());
		charts.put("labels",
				Map.of("persons", text("value.persons", locale), "retention", text("value.retention", locale), "median",
						text("value.medianGap", locale), "recency", text("value.rScore", locale), "frequency",
						text("value.fScore", locale)));
		model.addAttribute("charts", charts);
		return "value";
	}

	/** Persons per R score (columns) and F score (rows), summed over M. */
	private static Map<String, Object> grid(List<ValueFigures.RfmCell> cells) {
		long[][] persons = new long[6][6];
		long most = 0;
		for (ValueFigures.RfmCell cell : cells) {
			if (cell.r() >= 1 && cell.r() <= 5 && cell.f() >= 1 && cell.f() <= 5) {
				persons[cell.r()][cell.f()] += cell.persons();
				most = Math.max(most, persons[cell.r()][cell.f()]);
			}
		}
		List<List<Object>> data = new ArrayList<>();
		for (int r = 1; r <= 5; r++) {
			for (int f = 1; f <= 5; f++) {
				data.add(List.of(r - 1, f - 1, persons[r][f]));
			}
		}
		return Map.of("scores", List.of("1", "2", "3", "4", "5"), "cells", data, "max", most);
	}

	private static Map<String, Object> heatmap(List<ValueFigures.Cohort> cohorts) {
		List<String> names = new ArrayList<>();
		List<List<Object>> cells = new ArrayList<>();
		int months = 0;
		for (ValueFigures.Cohort cohort : cohorts) {
			int row = names.size();
			names.add(cohort.cohort());
			for (ValueFigures.CohortMonth month : cohort.months()) {
				months = Math.max(months, month.month() + 1);
				cells.add(List.of(month.month(), row, Math.round(month.retention() * 1000) / 10.0));
			}
		}
		List<String> offsets = new ArrayList<>();
		for (int k = 0; k < months; k++) {
			offsets.add("M" + k);
		}
		return Map.of("cohorts", names, "months", offsets, "cells", cells);
	}

	private String text(String key, Locale locale) {
		return this.messages.getMessage(key, null, locale);
	}

}
