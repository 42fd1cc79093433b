package dev.siyu.console;

import java.security.Principal;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Sign-in page and switching the tenant a session works in. */
@Controller
class ShellController {

	private final Workspaces workspaces;

	ShellController(Workspaces workspaces) {
		this.workspaces = workspaces;
	}

	@GetMapping("/login")
	String login() {
		return "login";
	}

	@PostMapping("/workspace/tenant")
	String switchTenant(HttpServletRequest request, Principal user, @RequestParam long tenant) {
		this.workspaces.choose(request, user.getName(), tenant);
		return "redirect:/";
	}

}
