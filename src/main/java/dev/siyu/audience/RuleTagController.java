package dev.siyu.audience;

import java.util.Map;

import dev.siyu.shared.TenantId;
import dev.siyu.tags.Tag;
import dev.siyu.tags.Tagging;
import dev.siyu.tenant.ApiAuthentication;
import tools.jackson.databind.JsonNode;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Rule tags (members from an expression) and tagging everyone an expression or audience
 * selects.
 */
@RestController
class RuleTagController {

	private final RuleTags ruleTags;

	private final Tagging tagging;

	private final Segments segments;

	private final Audiences audiences;

	private final AudienceRequests requests;

	RuleTagController(RuleTags ruleTags, Tagging tagging, Segments segments, Audiences audiences,
			AudienceRequests requests) {
		this.ruleTags = ruleTags;
		this.tagging = tagging;
		this.segments = segments;
		this.audiences = audiences;
		this.requests = requests;
	}

	@PostMapping("/api/v1/rule-tags")
	Tag define(@RequestAttribute(ApiAuthentication.TENANT) TenantId tenant,
			@RequestHeader(name = "X-Siyu-Actor", required = false) String actor, @RequestBody JsonNode body) {
		return this.ruleTags.define(this.requests.scope(tenant), body.path("group").asString(null),
				body.path("name").asString(null), body.path("description").asString(null),
				body.path("owner").asString(null), AudienceRequests.expression(body, true),
				AudienceRequests.actor(actor));
	}

	@PutMapping("/api/v1/rule-tags/{id}")
	Tag redefine(@RequestAttribute(ApiAuthentication.TENANT) TenantId tenant,
			@RequestHeader(name = "X-Siyu-Actor", required = false) String actor, @PathVariable long id,
			@RequestBody JsonNode body) {
		return this.ruleTags.redefine(this.requests.scope(tenant), id, AudienceRequests.expression(body, true),
				AudienceRequests.actor(actor));
	}

	/** Tags everyone in a saved audience ("audience": id) or an expression. */
	@PostMapping("/api/v1/tags/{id}/persons:from-audience")
	Map<String, Object> tagAudience(@RequestAttribute(ApiAuthentication.TENANT) TenantId tenant,
			@RequestHeader(name = "X-Siyu-Actor", required = false) String actor, @PathVariable long id,
			@RequestBody JsonNode body) {
		long scope = this.requests.scope(tenant);
		Expression expression = body.has("audience")
				? this.audiences.require(scope, body.get("audience").asLong()).parsed()
				: AudienceRequests.expression(body, true);
		long[] members = this.segments.members(scope, expression);
		Tagging.Change change = this.tagging.add(scope, id, java.util.Arrays.stream(members).boxed().toList(),
				AudienceRequests.actor(actor), "audience: " + Expressions.toText(expression));
		return Map.of("members", members.length, "changed", change.added().size());
	}

}
