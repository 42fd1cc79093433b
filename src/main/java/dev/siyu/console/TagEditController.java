package dev.siyu.console;

import dev.siyu.tags.Tag;
import dev.siyu.tags.TagCatalog;
import dev.siyu.tags.Tagging;
import dev.siyu.tenant.Permission;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * One tag of the catalog: change its name, group, description and how long an assignment
 * lasts; end every assignment now; delete it. Every change is audited by the tags module.
 */
@Controller
class TagEditController {

	private final TagCatalog catalog;

	private final Tagging tagging;

	TagEditController(TagCatalog catalog, Tagging tagging) {
		this.catalog = catalog;
		this.tagging = tagging;
	}

	@GetMapping("/tags/{id}")
	String tag(Workspace workspace, @PathVariable long id, Model model) {
		workspace.require(Permission.VIEW_OVERVIEW);
		long scope = scope(workspace);
		Tag tag = this.catalog.find(scope, id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no tag " + id));
		model.addAttribute("tag", tag);
		model.addAttribute("group",
				this.catalog.groups(scope)
					.stream()
					.filter(group -> tag.groupId() != null && group.id() == tag.groupId())
					.map(TagCatalog.TagGroup::name)
					.findFirst()
					.orElse(""));
		model.addAttribute("groups", this.catalog.groups(scope));
		model.addAttribute("persons", this.tagging.memberCounts(scope).getOrDefault(id, 0L));
		model.addAttribute("audit", this.catalog.audit(scope, id));
		return "tag";
	}

	@PostMapping("/tags/{id}")
	String save(Workspace workspace, @PathVariable long id, @RequestParam String name,
			@RequestParam(defaultValue = "") String group, @RequestParam(defaultValue = "") String description,
			@RequestParam(defaultValue = "") String validDays, Model model) {
		workspace.require(Permission.MANAGE_AUDIENCES);
		try {
			Integer days = validDays.isBlank() ? null : parseDays(validDays);
			this.catalog.update(scope(workspace), id, new TagCatalog.TagDefinition(group.strip(), name.strip(),
					description.strip(), null, null, null, days), workspace.username());
		}
		catch (IllegalArgumentException ex) {
			model.addAttribute("error", ex.getMessage());
			return tag(workspace, id, model);
		}
		return "redirect:/tags/" + id + "?saved";
	}

	/** Every person leaves the tag now; the tag stays in the catalog. */
	@PostMapping("/tags/{id}/expire")
	String expire(Workspace workspace, @PathVariable long id) {
		workspace.require(Permission.MANAGE_AUDIENCES);
		this.catalog.require(scope(workspace), id);
		this.tagging.removeAll(scope(workspace), id, workspace.username(), "expired in the console");
		return "redirect:/tags/" + id + "?expired";
	}

	@PostMapping("/tags/{id}/delete")
	String delete(Workspace workspace, @PathVariable long id) {
		workspace.require(Permission.MANAGE_AUDIENCES);
		this.catalog.delete(scope(workspace), id, this.tagging, workspace.username());
		return "redirect:/tags";
	}

	private static Integer parseDays(String text) {
		try {
			return Integer.valueOf(text.strip());
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("valid days must be a whole number of days, not '" + text + "'");
		}
	}

	private static long scope(Workspace workspace) {
		return workspace.tenant().identityScope().value();
	}

}
