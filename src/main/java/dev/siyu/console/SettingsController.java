package dev.siyu.console;

import dev.siyu.privacy.Reveals;
import dev.siyu.tenant.ApiKeys;
import dev.siyu.tenant.Permission;
import dev.siyu.tenant.Role;
import dev.siyu.tenant.Users;
import dev.siyu.wecom.Corp;
import dev.siyu.wecom.Corps;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Settings of the tenant: its users and roles, API keys, WeCom connection, and the audit
 * log of personal data revealed.
 */
@Controller
class SettingsController {

	private final Users users;

	private final ApiKeys apiKeys;

	private final Reveals reveals;

	private final Corps corps;

	SettingsController(Users users, ApiKeys apiKeys, Reveals reveals, Corps corps) {
		this.users = users;
		this.apiKeys = apiKeys;
		this.reveals = reveals;
		this.corps = corps;
	}

	@GetMapping("/settings")
	String settings(Workspace workspace, Model model) {
		workspace.require(Permission.MANAGE_TENANT);
		model.addAttribute("members", this.users.members(workspace.tenantId()));
		model.addAttribute("keys", this.apiKeys.list(workspace.tenantId()));
		model.addAttribute("roles", Role.values());
		model.addAttribute("corp", this.corps.find(workspace.tenantId()).map(Corp::summary).orElse(null));
		if (workspace.may(Permission.VIEW_AUDIT_LOG)) {
			model.addAttribute("reveals", this.reveals.recent(workspace.tenantId(), 100));
		}
		return "settings";
	}

	@PostMapping("/settings/users")
	String addUser(Workspace workspace, @RequestParam String username, @RequestParam String displayName,
			@RequestParam String password, @RequestParam String role, Model model) {
		workspace.require(Permission.MANAGE_TENANT);
		Role granted = Role.of(role);
		if (granted == Role.OWNER && workspace.role() != Role.OWNER) {
			model.addAttribute("error", "settings.ownerOnly");
			return settings(workspace, model);
		}
		try {
			if (this.users.credentials(username).isEmpty()) {
				this.users.create(username, displayName, password);
			}
			this.users.grant(username, workspace.tenantId(), granted);
		}
		catch (IllegalArgumentException ex) {
			model.addAttribute("error", "settings.userRefused");
			model.addAttribute("reason", ex.getMessage());
			return settings(workspace, model);
		}
		return "redirect:/settings";
	}

	@PostMapping("/settings/keys")
	String issueKey(Workspace workspace, @RequestParam String name, Model model) {
		workspace.require(Permission.MANAGE_TENANT);
		String key = this.apiKeys.issue(workspace.tenantId(), name.isBlank() ? "console" : name.strip());
		model.addAttribute("newKey", key);
		return settings(workspace, model);
	}

}
