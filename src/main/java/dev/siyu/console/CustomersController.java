package dev.siyu.console;

import dev.siyu.tenant.Permission;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** Finding customers and their 360 page. */
@Controller
class CustomersController {

	private final CustomerDirectory directory;

	private final CustomerProfiles profiles;

	private final PersonTags tags;

	CustomersController(CustomerDirectory directory, CustomerProfiles profiles, PersonTags tags) {
		this.directory = directory;
		this.profiles = profiles;
		this.tags = tags;
	}

	@GetMapping("/customers")
	String list(Workspace workspace, @RequestParam(name = "q", required = false) String query, Model model) {
		workspace.require(Permission.VIEW_CUSTOMERS);
		model.addAttribute("q", (query == null) ? "" : query);
		model.addAttribute("rows", this.directory.search(workspace, query));
		return "customers";
	}

	@GetMapping("/customers/{id}")
	String profile(Workspace workspace, @PathVariable long id, Model model) {
		workspace.require(Permission.VIEW_CUSTOMERS);
		long person = person(workspace, id);
		if (person != id) {
			return "redirect:/customers/" + person;
		}
		model.addAttribute("c", this.profiles.of(workspace, person));
		model.addAttribute("tags", this.tags.of(person));
		return "customer";
	}

	@PostMapping("/customers/{id}/reveal")
	String reveal(Workspace workspace, @PathVariable long id, Model model) {
		workspace.require(Permission.VIEW_CUSTOMERS);
		model.addAttribute("revealed", this.profiles.reveal(workspace, person(workspace, id)));
		return "customer :: revealed";
	}

	private long person(Workspace workspace, long id) {
		return this.profiles.resolve(workspace, id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no customer " + id));
	}

}
