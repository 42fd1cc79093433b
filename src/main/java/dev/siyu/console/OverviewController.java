package dev.siyu.console;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.siyu.tenant.Permission;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The overview: headline numbers with their trend and the charts behind them. */
@Controller
class OverviewController {

	private final Overviews overviews;

	private final MessageSource messages;

	OverviewController(Overviews overviews, MessageSource messages) {
		this.overviews = overviews;
		this.messages = messages;
	}

	@GetMapping("/")
	String overview(Workspace workspace, Model model, Locale locale) {
		if (!workspace.may(Permission.VIEW_OVERVIEW)) {
			return "redirect:/customers";
		}
		OverviewFigures figures = this.overviews.of(workspace);
		model.addAttribute("figures", figures);
		Map<String, Object> charts = new LinkedHashMap<>();
		charts.put("platforms", slices(figures.gmvByPlatform(), "platform.", locale));
		charts.put("lifecycle", slices(figures.lifecycle(), "lifecycle.", locale));
		charts.put("channels", slices(figures.channels(), "channel.", locale));
		charts.put("months", figures.months().stream().map(OverviewFigures.Month::month).toList());
		charts.put("gmv", figures.months().stream().map(OverviewFigures.Month::gmv).toList());
		charts.put("buyers", figures.months().stream().map(OverviewFigures.Month::buyers).toList());
		charts.put("newCustomers", figures.months().stream().map(OverviewFigures.Month::newCustomers).toList());
		charts.put("labels", Map.of("gmv", text("overview.gmv", locale), "buyers", text("overview.buyers", locale),
				"newCustomers", text("overview.newCustomers", locale)));
		model.addAttribute("charts", charts);
		return "overview";
	}

	private List<Map<String, Object>> slices(List<OverviewFigures.Slice> slices, String prefix, Locale locale) {
		return slices.stream()
			.map(slice -> Map.<String, Object>of("name", label(prefix, slice.key(), locale), "value", slice.value()))
			.toList();
	}

	private String label(String prefix, String key, Locale locale) {
		return this.messages.getMessage(prefix + key, null, key, locale);
	}

	private String text(String key, Locale locale) {
		return this.messages.getMessage(key, null, locale);
	}

}
