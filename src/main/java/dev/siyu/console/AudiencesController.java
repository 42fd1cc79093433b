package dev.siyu.console;

import java.io.IOException;

import dev.siyu.audience.Engine;
import dev.siyu.audience.Expression;
import dev.siyu.audience.Expressions;
import dev.siyu.audience.MemberExport;
import dev.siyu.audience.Segments;
import dev.siyu.tenant.Permission;
import jakarta.servlet.http.HttpServletResponse;

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

	private static final int SAMPLE = 20;

	private final Segments segments;

	private final MemberExport export;

	AudiencesController(Segments segments, MemberExport export) {
		this.segments = segments;
		this.export = export;
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

	/** The count and the first persons of the audience, with masked personal fields. */
	@PostMapping("/audiences/preview")
	String preview(Workspace workspace, @RequestParam(defaultValue = "") String expression, Model model) {
		workspace.require(Permission.VIEW_OVERVIEW);
		long scope = workspace.tenant().identityScope().value();
		try {
			Expression parsed = Expressions.parse(expression);
			model.addAttribute("count", this.segments.count(scope, parsed, Engine.BITMAP));
			model.addAttribute("sample",
					this.export.rows(scope, this.segments.page(scope, parsed, Engine.BITMAP, 0, SAMPLE)));
			model.addAttribute("expression", expression);
		}
		catch (IllegalArgumentException ex) {
			model.addAttribute("error", ex.getMessage());
		}
		return "audiences :: preview";
	}

	/**
	 * Every member as CSV, personal fields masked as stored; with {@code unmasked=true},
	 * for a role that may reveal personal data, names and phones in clear, the export
	 * recorded in the reveal audit log first.
	 */
	@GetMapping("/audiences/export")
	void export(Workspace workspace, @RequestParam String expression,
			@RequestParam(defaultValue = "false") boolean unmasked, HttpServletResponse response) throws IOException {
		workspace.require(Permission.MANAGE_AUDIENCES);
		if (unmasked) {
			workspace.require(Permission.REVEAL_PERSONAL_DATA);
		}
		long scope = workspace.tenant().identityScope().value();
		Expression parsed = Expressions.parse(expression);
		long[] members = this.segments.members(scope, parsed);
		response.setContentType("text/csv; charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"audience.csv\"");
		if (unmasked) {
			this.export.csvInClear(scope, members, new MemberExport.Viewer(workspace.tenantId(), workspace.username(),
					"audience export: " + expression), response.getOutputStream());
		}
		else {
			this.export.csv(scope, members, response.getOutputStream());
		}
	}

}
