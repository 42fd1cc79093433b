package dev.siyu.console;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.siyu.tenant.Permission;
import dev.siyu.wecom.Assignment;
import dev.siyu.wecom.WeComDirectory;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Which guide serves a new customer: the WeCom assignment rules in the order they are
 * tried, added, changed and removed one at a time (the wecom module replaces the list).
 */
@Controller
class AssignmentRulesController {

	private final Assignment assignment;

	private final WeComDirectory directory;

	AssignmentRulesController(Assignment assignment, WeComDirectory directory) {
		this.assignment = assignment;
		this.directory = directory;
	}

	@GetMapping("/channels/wecom/assignment")
	String rules(Workspace workspace, Model model) {
		workspace.require(Permission.VIEW_OVERVIEW);
		model.addAttribute("rules", this.assignment.rules(workspace.tenantId()));
		model.addAttribute("staff", this.directory.staff(workspace.tenantId()));
		model.addAttribute("kinds", List.of("existing", "store", "round_robin"));
		return "assignment";
	}

	@PostMapping("/channels/wecom/assignment")
	String create(Workspace workspace, @RequestParam String kind, @RequestParam(defaultValue = "") String store,
			@RequestParam(defaultValue = "") String userIds, Model model) {
		workspace.require(Permission.MANAGE_WECOM);
		List<Assignment.Rule> rules = new ArrayList<>(this.assignment.rules(workspace.tenantId()));
		rules.add(rule(rules.size(), kind, store, userIds));
		return replace(workspace, rules, model);
	}

	@PostMapping("/channels/wecom/assignment/{index}")
	String change(Workspace workspace, @PathVariable int index, @RequestParam String kind,
			@RequestParam(defaultValue = "") String store, @RequestParam(defaultValue = "") String userIds,
			@RequestParam(required = false) Integer position, Model model) {
		workspace.require(Permission.MANAGE_WECOM);
		List<Assignment.Rule> rules = new ArrayList<>(this.assignment.rules(workspace.tenantId()));
		if (index < 0 || index >= rules.size()) {
			return "redirect:/channels/wecom/assignment";
		}
		rules.remove(index);
		int at = (position == null) ? index : Math.max(0, Math.min(position - 1, rules.size()));
		rules.add(at, rule(at, kind, store, userIds));
		return replace(workspace, rules, model);
	}

	@PostMapping("/channels/wecom/assignment/{index}/delete")
	String delete(Workspace workspace, @PathVariable int index, Model model) {
		workspace.require(Permission.MANAGE_WECOM);
		List<Assignment.Rule> rules = new ArrayList<>(this.assignment.rules(workspace.tenantId()));
		if (index >= 0 && index < rules.size()) {
			rules.remove(index);
		}
		return replace(workspace, rules, model);
	}

	/** Stores the rules in this order, numbered from 1. */
	private String replace(Workspace workspace, List<Assignment.Rule> rules, Model model) {
		List<Assignment.Rule> numbered = new ArrayList<>();
		for (int i = 0; i < rules.size(); i++) {
			Assignment.Rule rule = rules.get(i);
			numbered.add(new Assignment.Rule(i + 1, rule.kind(), rule.store(), rule.userIds()));
		}
		try {
			this.assignment.replaceRules(workspace.tenantId(), numbered);
		}
		catch (IllegalArgumentException ex) {
			model.addAttribute("error", ex.getMessage());
			return rules(workspace, model);
		}
		return "redirect:/channels/wecom/assignment";
	}

	private static Assignment.Rule rule(int priority, String kind, String store, String userIds) {
		List<String> ids = Arrays.stream(userIds.split("[,，\\s]+")).filter(id -> !id.isBlank()).toList();
		return new Assignment.Rule(priority, kind.strip(), store.isBlank() ? null : store.strip(), ids);
	}

}
