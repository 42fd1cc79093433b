package dev.siyu.console;

import java.util.ArrayList;
import java.util.List;

import dev.siyu.identity.PersonIdentity;
import dev.siyu.identity.ReviewQueue;
import dev.siyu.shared.TenantId;
import dev.siyu.tenant.Permission;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The identity review queue: pairs the matching model was unsure about, field by field
 * with the weight each comparison added, to approve (merge) or reject (never link); and
 * detaching an account that was linked to the wrong person.
 */
@Controller
class IdentityReviewsController {

	private final ReviewQueue reviews;

	private final PersonIdentity identity;

	IdentityReviewsController(ReviewQueue reviews, PersonIdentity identity) {
		this.reviews = reviews;
		this.identity = identity;
	}

	@GetMapping("/identity/reviews")
	String reviews(Workspace workspace, Model model) {
		workspace.require(Permission.REVIEW_IDENTITIES);
		List<Pair> pairs = this.reviews.list(scope(workspace), "pending").stream().map(Pair::of).toList();
		model.addAttribute("pairs", pairs);
		return "reviews";
	}

	@PostMapping("/identity/reviews/{id}/approve")
	String approve(Workspace workspace, @PathVariable long id, Model model) {
		workspace.require(Permission.REVIEW_IDENTITIES);
		try {
			this.reviews.approve(scope(workspace), id, workspace.username());
		}
		catch (IllegalArgumentException ex) {
			model.addAttribute("error", ex.getMessage());
			return reviews(workspace, model);
		}
		return "redirect:/identity/reviews";
	}

	@PostMapping("/identity/reviews/{id}/reject")
	String reject(Workspace workspace, @PathVariable long id, Model model) {
		workspace.require(Permission.REVIEW_IDENTITIES);
		try {
			this.reviews.reject(scope(workspace), id, workspace.username());
		}
		catch (IllegalArgumentException ex) {
			model.addAttribute("error", ex.getMessage());
			return reviews(workspace, model);
		}
		return "redirect:/identity/reviews";
	}

	@PostMapping("/customers/{person}/accounts/{account}/detach")
	String detach(Workspace workspace, @PathVariable long person, @PathVariable long account) {
		workspace.require(Permission.REVIEW_IDENTITIES);
		this.identity.detach(scope(workspace), account, workspace.username());
		return "redirect:/customers/" + person;
	}

	private static TenantId scope(Workspace workspace) {
		return workspace.tenant().identityScope();
	}

	/** A pending review with its field comparisons. */
	record Pair(ReviewQueue.Review review, List<Field> fields, double priorWeight) {

		static Pair of(ReviewQueue.Review review) {
			List<Field> fields = new ArrayList<>();
			for (JsonNode field : review.comparison().path("fields")) {
				fields.add(new Field(field.path("field").asString(""), field.path("level").asString(""),
						field.path("weight").asDouble()));
			}
			return new Pair(review, fields, review.comparison().path("priorWeight").asDouble());
		}

	}

	/** How one field compared and the weight it added to the match. */
	record Field(String name, String level, double weight) {
	}

}
