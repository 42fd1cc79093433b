package dev.siyu.identity;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.siyu.api.NotFound;
import dev.siyu.shared.TenantId;
import dev.siyu.tenant.ApiAuthentication;
import dev.siyu.tenant.Tenant;
import dev.siyu.tenant.Tenants;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** One ID over HTTP: explain, probabilistic matching, review queue, splits, rules. */
@RestController
class IdentityController {

	private final PersonIdentity identity;

	private final ReviewQueue reviews;

	private final IdentityRules rules;

	private final Tenants tenants;

	private final IdentitySettings settings;

	private final MatchQueue matches;

	private final MatchJobs matchJobs;

	IdentityController(PersonIdentity identity, MatchQueue matches, MatchJobs matchJobs, ReviewQueue reviews,
			IdentityRules rules, Tenants tenants, IdentitySettings settings) {
		this.settings = settings;
		this.identity = identity;
		this.matches = matches;
		this.matchJobs = matchJobs;
		this.reviews = reviews;
		this.rules = rules;
		this.tenants = tenants;
	}

	/**
	 * The identity graph a tenant's buyers belong to: its own, or its group's when
	 * shared.
	 */
	private TenantId scope(TenantId tenant) {
		return this.tenants.byId(tenant).map(Tenant::identityScope).orElse(tenant);
	}

	@GetMapping("/api/v1/persons/{id}/identity")
	Map<String, Object> explain(@RequestAttribute(ApiAuthentication.TENANT) TenantId tenant, @PathVariable long id) {
		return this.identity.explain(scope(tenant), id);
	}

	/**
	 * Starts a probabilistic match in the background and answers at once with its job (or
	 * with the job already running for the identity scope).
	 */
	@PostMapping("/api/v1/identity/match")
	ResponseEntity<Map<String, Object>> match(@RequestAttribute(ApiAuthentication.TENANT) TenantId tenant,
			@RequestParam(required = false) Double autoLinkProbability,
			@RequestParam(required = false) Double reviewProbability) {
		MatchJobs.Job job = this.matches.submit(scope(tenant), "api", autoLinkProbability, reviewProbability).job();
		return ResponseEntity.status(HttpStatus.ACCEPTED)
			.location(URI.create("/api/v1/identity/match/" + job.id()))
			.body(view(job));
	}

	@GetMapping("/api/v1/identity/match/{id}")
	Map<String, Object> matchJob(@RequestAttribute(ApiAuthentication.TENANT) TenantId tenant, @PathVariable long id) {
		return view(this.matchJobs.find(scope(tenant).value(), id)
			.orElseThrow(() -> new NotFound("no identity match " + id)));
	}

	@GetMapping("/api/v1/identity/match")
	List<Map<String, Object>> matchJobs(@RequestAttribute(ApiAuthentication.TENANT) TenantId tenant) {
		return this.matchJobs.recent(scope(tenant).value(), 50).stream().map(IdentityController::view).toList();
	}

	private static Map<String, Object> view(MatchJobs.Job job) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("id", job.id());
		view.put("status", job.status());
		view.put("autoLinkProbability", job.autoLinkProbability());
		view.put("reviewProbability", job.reviewProbability());
		view.put("persons", job.persons());
		view.put("candidatePairs", job.candidatePairs());
		view.put("autoLinked", job.autoLinked());
		view.put("queuedForReview", job.queuedForReview());
		view.put("forbidden", job.forbidden());
		view.put("failure", job.failure());
		view.put("startedAt", job.startedAt());
		view.put("finishedAt", job.finishedAt());
		return view;
	}

	@GetMapping("/api/v1/identity/reviews")
	List<ReviewQueue.Review> reviews(@RequestAttribute(ApiAuthentication.TENANT) TenantId tenant,
			@RequestParam(defaultValue = "pending") String status) {
		return this.reviews.list(scope(tenant), status);
	}

	@PostMapping("/api/v1/identity/reviews/{id}/approve")
	Map<String, Object> approve(@RequestAttribute(ApiAuthentication.TENANT) TenantId tenant, @PathVariable long id,
			@RequestBody(required = false) JsonNode body) {
		return this.reviews.approve(scope(tenant), id, by(body));
	}

	@PostMapping("/api/v1/identity/reviews/{id}/reject")
	Map<String, Object> reject(@RequestAttribute(ApiAuthentication.TENANT) TenantId tenant, @PathVariable long id,
			@RequestBody(required = false) JsonNode body) {
		return this.reviews.reject(scope(tenant), id, by(body));
	}

	@PostMapping("/api/v1/persons/{id}/split")
	Map<String, Object> split(@RequestAttribute(ApiAuthentication.TENANT) TenantId tenant, @PathVariable long id,
			@RequestBody JsonNode body) {
		List<Long> accounts = new ArrayList<>();
		JsonNode list = body.path("accounts");
		if (!list.isArray() || list.isEmpty()) {
			throw new IllegalArgumentException("accounts: expected a non-empty list of account ids to split off");
		}
		for (JsonNode account : list) {
			if (!account.canConvertToLong()) {
				throw new IllegalArgumentException("accounts: '" + account + "' is not an account id");
			}
			accounts.add(account.asLong());
		}
		return this.identity.split(scope(tenant), id, accounts, by(body));
	}

	@PostMapping("/api/v1/accounts/{id}/detach")
	Map<String, Object> detach(@RequestAttribute(ApiAuthentication.TENANT) TenantId tenant, @PathVariable long id,
			@RequestBody(required = false) JsonNode body) {
		return this.identity.detach(scope(tenant), id, by(body));
	}

	@PostMapping("/api/v1/identity/splits/{id}/reverse")
	Map<String, Object> reverse(@RequestAttribute(ApiAuthentication.TENANT) TenantId tenant, @PathVariable long id,
			@RequestBody(required = false) JsonNode body) {
		return this.identity.reverseSplit(scope(tenant), id, by(body));
	}

	@GetMapping("/api/v1/identity/rules")
	List<IdentityRules.Rule> rules(@RequestAttribute(ApiAuthentication.TENANT) TenantId tenant) {
		return this.rules.of(scope(tenant));
	}

	@PutMapping("/api/v1/identity/rules")
	List<IdentityRules.Rule> configure(@RequestAttribute(ApiAuthentication.TENANT) TenantId tenant,
			@RequestBody JsonNode body) {
		List<IdentityRules.Rule> rules = new ArrayList<>();
		JsonNode list = body.path("rules");
		if (!list.isArray()) {
			throw new IllegalArgumentException("rules: expected a list of {kind, links, priority}");
		}
		for (JsonNode rule : list) {
			rules.add(new IdentityRules.Rule(rule.path("kind").asString(null), rule.path("links").asBoolean(true),
					rule.path("priority").asInt(50), true));
		}
		return this.rules.configure(scope(tenant), rules);
	}

	@GetMapping("/api/v1/identity/settings")
	Map<String, Object> settings(@RequestAttribute(ApiAuthentication.TENANT) TenantId tenant) {
		return Map.of("autoMatch", this.settings.autoMatch(scope(tenant)));
	}

	@PutMapping("/api/v1/identity/settings")
	Map<String, Object> configureSettings(@RequestAttribute(ApiAuthentication.TENANT) TenantId tenant,
			@RequestBody JsonNode body) {
		JsonNode autoMatch = body.path("autoMatch");
		if (!autoMatch.isBoolean()) {
			throw new IllegalArgumentException("autoMatch: expected true or false, got " + autoMatch);
		}
		this.settings.autoMatch(scope(tenant), autoMatch.asBoolean());
		return settings(tenant);
	}

	private static String by(JsonNode body) {
		String by = (body != null) ? body.path("by").asString("") : "";
		return by.isBlank() ? "api" : "api:" + by.strip();
	}

}
