package dev.siyu.console;

import dev.siyu.tenant.Permission;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Manual tagging from the 360 page: a tag added or removed is recorded with who did it
 * and when, and the tags card is drawn again.
 */
@Controller
class CustomerTagsController {

	private final CustomerProfiles profiles;

	private final PersonTags tags;

	CustomerTagsController(CustomerProfiles profiles, PersonTags tags) {
		this.profiles = profiles;
		this.tags = tags;
	}

	@PostMapping("/customers/{id}/tags")
	String add(Workspace workspace, @PathVariable long id, @RequestParam(required = false) Long tag, Model model) {
		workspace.require(Permission.TAG_PERSONS);
		long person = person(workspace, id);
		try {
			if (tag == null) {
				throw new IllegalArgumentException("choose a tag to add");
			}
			model.addAttribute("tags", this.tags.add(workspace, person, tag));
		}
		catch (IllegalArgumentException ex) {
			model.addAttribute("tags", this.tags.refused(person, ex.getMessage()));
		}
		return "customer :: tags";
	}

	@PostMapping("/customers/{id}/tags/{tag}/remove")
	String remove(Workspace workspace, @PathVariable long id, @PathVariable long tag, Model model) {
		workspace.require(Permission.TAG_PERSONS);
		long person = person(workspace, id);
		try {
			model.addAttribute("tags", this.tags.remove(workspace, person, tag));
		}
		catch (IllegalArgumentException ex) {
			model.addAttribute("tags", this.tags.refused(person, ex.getMessage()));
		}
		return "customer :: tags";
	}

	private long person(Workspace workspace, long id) {
		return this.profiles.resolve(workspace, id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no customer " + id));
	}

}
