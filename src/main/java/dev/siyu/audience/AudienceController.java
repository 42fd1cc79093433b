package dev.siyu.audience;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.siyu.shared.TenantId;
import dev.siyu.tenant.ApiAuthentication;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.JsonNode;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Counting, previewing and listing who is in an expression; saved audiences, snapshots
 * and export.
 */
@RestController
class AudienceController {

	private final Segments segments;

	private final Audiences audiences;

	private final MemberExport export;

	private final AudienceRequests requests;

	AudienceController(Segments segments, Audiences audiences, MemberExport export, AudienceRequests requests) {
		this.segments = segments;
		this.audiences = audiences;
		this.export = export;
		this.requests = requests;
	}

	@PostMapping("/api/v1/audiences:count")
	Map<String, Object> count(@RequestAttribute(ApiAuthentication.TENANT) TenantId tenant, @RequestBody JsonNode body) {
		Engine engine = body.has("engine") ? Engine.ofCode(body.get("engine").asString()) : Engine.BITMAP;
		Segments.Count count = this.segments.count(this.requests.scope(tenant), AudienceRequests.expression(body, true),
				engine);
		return countJson(count);
	}

	@PostMapping("/api/v1/audiences:preview")
	Map<String, Object> preview(@RequestAttribute(ApiAuthentication.TENANT) TenantId tenant,
			@RequestBody JsonNode body) {
		long scope = this.requests.scope(tenant);
		Expression expression = AudienceRequests.expression(body, true);
		int size = body.has("size") ? Math.min(100, Math.max(1, body.get("size").asInt())) : 20;
		Map<String, Object> answer = countJson(this.segments.count(scope, expression, Engine.BITMAP));
		answer.put("sample", this.export.rows(scope, this.segments.page(scope, expression, Engine.BITMAP, 0, size)));
		return answer;
	}

	@PostMapping("/api/v1/audiences:members")
	Map<String, Object> members(@RequestAttribute(ApiAuthentication.TENANT) TenantId tenant,
			@RequestBody JsonNode body) {
		long scope = this.requests.scope(tenant);
		Expression expression = AudienceRequests.expression(body, true);
		long offset = body.has("offset") ? Math.max(0, body.get("offset").asLong()) : 0;
		int limit = body.has("limit") ? Math.min(10_000, Math.max(1, body.get("limit").asInt())) : 100;
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("offset", offset);
		answer.put("personIds", this.segments.page(scope, expression, Engine.BITMAP, offset, limit));
		return answer;
	}

	@PostMapping("/api/v1/audiences")
	Map<String, Object> create(@RequestAttribute(ApiAuthentication.TENANT) TenantId tenant,
			@RequestHeader(name = "X-Siyu-Actor", required = false) String actor, @RequestBody JsonNode body) {
		long scope = this.requests.scope(tenant);
		Audience audience = this.audiences.create(scope, body.path("name").asString(null),
				AudienceRequests.expression(body, true), body.path("dynamic").asBoolean(false),
				AudienceRequests.actor(actor));
		return json(audience);
	}

	@GetMapping("/api/v1/audiences")
	List<Map<String, Object>> all(@RequestAttribute(ApiAuthentication.TENANT) TenantId tenant) {
		return this.audiences.all(this.requests.scope(tenant)).stream().map(this::json).toList();
	}

	@GetMapping("/api/v1/audiences/{id}")
	Map<String, Object> one(@RequestAttribute(ApiAuthentication.TENANT) TenantId tenant, @PathVariable long id) {
		return json(this.audiences.require(this.requests.scope(tenant), id));
	}

	@PutMapping("/api/v1/audiences/{id}")
	Map<String, Object> update(@RequestAttribute(ApiAuthentication.TENANT) TenantId tenant,
			@RequestHeader(name = "X-Siyu-Actor", required = false) String actor, @PathVariable long id,
			@RequestBody JsonNode body) {
		return json(this.audiences.update(this.requests.scope(tenant), id, body.path("name").asString(null),
				AudienceRequests.expression(body, false), AudienceRequests.actor(actor)));
	}

	@DeleteMapping("/api/v1/audiences/{id}")
	Map<String, Object> delete(@RequestAttribute(ApiAuthentication.TENANT) TenantId tenant, @PathVariable long id) {
		this.audiences.delete(this.requests.scope(tenant), id);
		return Map.of("deleted", id);
	}

	@GetMapping("/api/v1/audiences/{id}/members")
	Map<String, Object> audienceMembers(@RequestAttribute(ApiAuthentication.TENANT) TenantId tenant,
			@PathVariable long id, @RequestParam(defaultValue = "0") long offset,
			@RequestParam(defaultValue = "100") int limit) {
		long scope = this.requests.scope(tenant);
		Audience audience = this.audiences.require(scope, id);
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("offset", offset);
		answer.put("personIds", this.segments.page(scope, audience.parsed(), Engine.BITMAP, Math.max(0, offset),
				Math.min(10_000, Math.max(1, limit))));
		return answer;
	}

	@GetMapping("/api/v1/audiences/{id}/export")
	void exportCsv(@RequestAttribute(ApiAuthentication.TENANT) TenantId tenant, @PathVariable long id,
			HttpServletResponse response) throws java.io.IOException {
		long scope = this.requests.scope(tenant);
		Audience audience = this.audiences.require(scope, id);
		response.setContentType("text/csv; charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"audience-" + id + ".csv\"");
		this.export.csv(scope, this.segments.members(scope, audience.parsed()), response.getOutputStream());
	}

	@PostMapping("/api/v1/audiences/{id}/snapshots")
	Audiences.Snapshot snapshot(@RequestAttribute(ApiAuthentication.TENANT) TenantId tenant,
			@RequestHeader(name = "X-Siyu-Actor", required = false) String actor, @PathVariable long id) {
		return this.audiences.snapshot(this.requests.scope(tenant), id, AudienceRequests.actor(actor));
	}

	@GetMapping("/api/v1/audiences/{id}/snapshots")
	List<Audiences.Snapshot> snapshots(@RequestAttribute(ApiAuthentication.TENANT) TenantId tenant,
			@PathVariable long id) {
		return this.audiences.snapshots(this.requests.scope(tenant), id);
	}

	@GetMapping("/api/v1/audiences/{id}/snapshots/{snapshot}/members")
	List<Long> snapshotMembers(@RequestAttribute(ApiAuthentication.TENANT) TenantId tenant, @PathVariable long id,
			@PathVariable long snapshot) {
		return this.audiences.snapshotMembers(this.requests.scope(tenant), id, snapshot);
	}

	@GetMapping("/api/v1/audiences/{id}/changes")
	List<Map<String, Object>> changes(@RequestAttribute(ApiAuthentication.TENANT) TenantId tenant,
			@PathVariable long id, @RequestParam(defaultValue = "100") int limit) {
		return this.audiences.changes(this.requests.scope(tenant), id, Math.min(1000, Math.max(1, limit)));
	}

	private Map<String, Object> json(Audience audience) {
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("id", audience.id());
		answer.put("name", audience.name());
		answer.put("expression", audience.expression());
		answer.put("tree", Expressions.toJson(audience.parsed()));
		answer.put("dynamic", audience.dynamic());
		answer.put("createdBy", audience.createdBy());
		answer.put("count", this.segments.count(audience.scope(), audience.parsed(), Engine.BITMAP).count());
		return answer;
	}

	private static Map<String, Object> countJson(Segments.Count count) {
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("count", count.count());
		answer.put("millis", count.millis());
		answer.put("engine", count.engine().code());
		return answer;
	}

}
