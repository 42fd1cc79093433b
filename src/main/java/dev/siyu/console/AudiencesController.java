package dev.siyu.console;

import dev.siyu.audience.Engine;
import dev.siyu.audience.Expressions;
import dev.siyu.audience.Segments;
import dev.siyu.tenant.Permission;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audience builder: an expression typed as text, counted live as the operator types.
 */
@Controller
class AudiencesController {

	private final Segments segments;

	AudiencesController(Segments segments) {
		this.segments = segments;
	}

	@GetMapping("/audiences")
	String audiences(Workspace workspace) {
		workspace.require(Permission.VIEW_OVERVIEW);
		return "audiences";
	}

	@PostMapping("/audiences/count")
	String count(Workspace workspace, @RequestParam(defaultValue = "") String expression, Model model) {
		workspace.require(Permission.VIEW_OVERVIEW);
		if (!expression.isBlank()) {
			try {
				model.addAttribute("count", this.segments.count(workspace.tenant().identityScope().value(),
						Expressions.parse(expression), Engine.BITMAP));
			}
			catch (IllegalArgumentException ex) {
				model.addAttribute("error", ex.getMessage());
			}
		}
		return "audiences :: count";
	}

}
