package dev.siyu.console;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import dev.siyu.tenant.Permission;
import dev.siyu.value.LifecycleRules;
import dev.siyu.value.ValueSettings;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The value settings of the workspace's identity scope (RFM cut points or quintiles,
 * lifecycle days, CLV horizon and discount), for owners and admins. Saving recomputes the
 * scores with them.
 */
@Controller
class ValueSettingsController {

	private final ValueSettings settings;

	ValueSettingsController(ValueSettings settings) {
		this.settings = settings;
	}

	@GetMapping("/settings/value")
	String show(Workspace workspace, Model model) {
		workspace.require(Permission.MANAGE_TENANT);
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", form(this.settings.of(workspace.tenant().identityScope())));
		}
		return "value-settings";
	}

	@PostMapping("/settings/value")
	String save(Workspace workspace, @RequestParam Map<String, String> form, Model model) {
		workspace.require(Permission.MANAGE_TENANT);
		try {
			ValueSettings.Settings parsed = new ValueSettings.Settings(bounds(form, "recencyBounds"),
					bounds(form, "frequencyBounds"), bounds(form, "monetaryBounds"),
					new LifecycleRules(whole(form, "newDays"), whole(form, "activeDays"), whole(form, "silentDays"),
							whole(form, "lostDays"), number(form, "atRiskPAlive")),
					whole(form, "horizonDays"), number(form, "annualDiscount"));
			this.settings.save(workspace.tenant().identityScope(), parsed);
		}
		catch (IllegalArgumentException ex) {
			model.addAttribute("error", ex.getMessage());
			model.addAttribute("form", form);
			return show(workspace, model);
		}
		return "redirect:/settings/value?saved";
	}

	private static Map<String, String> form(ValueSettings.Settings settings) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("recencyBounds", text(settings.recencyBounds()));
		form.put("frequencyBounds", text(settings.frequencyBounds()));
		form.put("monetaryBounds", text(settings.monetaryBounds()));
		LifecycleRules rules = settings.lifecycle();
		form.put("newDays", String.valueOf(rules.newDays()));
		form.put("activeDays", String.valueOf(rules.activeDays()));
		form.put("silentDays", String.valueOf(rules.silentDays()));
		form.put("lostDays", String.valueOf(rules.lostDays()));
		form.put("atRiskPAlive", String.valueOf(rules.atRiskAlive()));
		form.put("horizonDays", String.valueOf(settings.horizonDays()));
		form.put("annualDiscount", String.valueOf(settings.annualDiscount()));
		return form;
	}

	private static String text(double[] bounds) {
		if (bounds == null) {
			return "";
		}
		return Arrays.stream(bounds)
			.mapToObj(bound -> (bound == Math.rint(bound)) ? String.valueOf((long) bound) : String.valueOf(bound))
			.collect(Collectors.joining(", "));
	}

	/** Four cut points separated by commas, or nothing for quintiles. */
	private static double[] bounds(Map<String, String> form, String field) {
		String text = form.getOrDefault(field, "").strip();
		if (text.isEmpty()) {
			return null;
		}
		String[] parts = text.split("[,，\\s]+");
		double[] bounds = new double[parts.length];
		for (int i = 0; i < parts.length; i++) {
			try {
				bounds[i] = Double.parseDouble(parts[i]);
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException(field + ": '" + parts[i] + "' is not a number");
			}
		}
		return bounds;
	}

	private static int whole(Map<String, String> form, String field) {
		String text = form.getOrDefault(field, "").strip();
		try {
			return Integer.parseInt(text);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(field + ": '" + text + "' is not a whole number");
		}
	}

	private static double number(Map<String, String> form, String field) {
		String text = form.getOrDefault(field, "").strip();
		try {
			return Double.parseDouble(text);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(field + ": '" + text + "' is not a number");
		}
	}

}
