package dev.siyu.console;

import java.util.Optional;

import dev.siyu.tenant.Permission;
import dev.siyu.wecom.Corp;
import dev.siyu.wecom.CorpSettings;
import dev.siyu.wecom.Corps;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Connects the tenant to its WeCom corp from Settings. Token, AES key and secret are
 * never shown again; left empty, they keep their stored values.
 */
@Controller
class WeComSettingsController {

	private final Corps corps;

	WeComSettingsController(Corps corps) {
		this.corps = corps;
	}

	@PostMapping("/settings/wecom")
	String configure(Workspace workspace, @RequestParam String corpId, @RequestParam(defaultValue = "") String token,
			@RequestParam(defaultValue = "") String aesKey, @RequestParam(defaultValue = "") String secret,
			@RequestParam(defaultValue = "") String agentId, @RequestParam(defaultValue = "") String apiBase,
			@RequestParam(defaultValue = "") String callsPerMinute, RedirectAttributes redirect) {
		workspace.require(Permission.MANAGE_TENANT);
		Optional<Corp> before = this.corps.find(workspace.tenantId());
		try {
			this.corps.configure(workspace.tenant().name(),
					new CorpSettings(corpId, keep(token, before.map(Corp::token)),
							keep(aesKey, before.map(Corp::aesKey)), secret.isBlank() ? null : secret.strip(),
							whole("agent id", agentId), apiBase, whole("calls per minute", callsPerMinute)));
			redirect.addFlashAttribute("wecomSaved", true);
		}
		catch (IllegalArgumentException ex) {
			redirect.addFlashAttribute("wecomError", ex.getMessage());
		}
		return "redirect:/settings#wecom";
	}

	private static String keep(String entered, Optional<String> stored) {
		return entered.isBlank() ? stored.orElse(null) : entered;
	}

	private static Integer whole(String field, String text) {
		if (text.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(text.strip());
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(field + " must be a whole number, not '" + text + "'");
		}
	}

}
