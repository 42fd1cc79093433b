package dev.siyu.console;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.siyu.tags.Tag;
import dev.siyu.tags.TagCatalog;
import dev.siyu.tags.TagKind;
import dev.siyu.tags.Tagging;
import dev.siyu.tenant.Permission;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The tag catalog: groups, tags with how many persons carry them, and a new manual tag.
 */
@Controller
class TagsController {

	private final TagCatalog catalog;

	private final Tagging tagging;

	TagsController(TagCatalog catalog, Tagging tagging) {
		this.catalog = catalog;
		this.tagging = tagging;
	}

	@GetMapping("/tags")
	String tags(Workspace workspace, Model model) {
		workspace.require(Permission.VIEW_OVERVIEW);
		long scope = scope(workspace);
		Map<Long, Long> members = this.tagging.memberCounts(scope);
		List<TagCatalog.TagGroup> groups = this.catalog.groups(scope);
		Map<Long, String> groupNames = groups.stream()
			.collect(Collectors.toMap(TagCatalog.TagGroup::id, TagCatalog.TagGroup::name));
		List<TagRow> rows = this.catalog.tags(scope)
			.stream()
			.map(tag -> new TagRow(tag, (tag.groupId() == null) ? "" : groupNames.getOrDefault(tag.groupId(), ""),
					members.getOrDefault(tag.id(), 0L)))
			.toList();
		model.addAttribute("groups", groups);
		model.addAttribute("tags", rows);
		return "tags";
	}

	/** Creates a manual tag, and its group when the group is new. */
	@PostMapping("/tags")
	String create(Workspace workspace, @RequestParam String name, @RequestParam(defaultValue = "") String group,
			@RequestParam(defaultValue = "") String description, Model model) {
		workspace.require(Permission.MANAGE_AUDIENCES);
		try {
			if (!group.isBlank() && this.catalog.groups(scope(workspace))
				.stream()
				.noneMatch(known -> known.name().equals(group.strip()))) {
				this.catalog.createGroup(scope(workspace), group.strip(), null, workspace.username(),
						workspace.username());
			}
			this.catalog.create(scope(workspace),
					new TagCatalog.TagDefinition(group.isBlank() ? null : group.strip(), name.strip(),
							description.isBlank() ? null : description.strip(), workspace.username(), TagKind.MANUAL,
							null, null),
					workspace.username());
		}
		catch (RuntimeException ex) {
			model.addAttribute("error", ex.getMessage());
			model.addAttribute("name", name);
			return tags(workspace, model);
		}
		return "redirect:/tags";
	}

	private static long scope(Workspace workspace) {
		return workspace.tenant().identityScope().value();
	}

	/** A tag and how many persons carry it. */
	record TagRow(Tag tag, String group, long persons) {
	}

}
