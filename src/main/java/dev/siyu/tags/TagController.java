package dev.siyu.tags;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.siyu.shared.TenantId;
import dev.siyu.tenant.ApiAuthentication;
import dev.siyu.tenant.Tenants;
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
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The tag catalog and manual tagging. Rule tags are defined at /api/v1/rule-tags. */
@RestController
class TagController {

	private final TagCatalog catalog;

	private final Tagging tagging;

	private final PersonLookup lookup;

	private final Tenants tenants;

	TagController(TagCatalog catalog, Tagging tagging, PersonLookup lookup, Tenants tenants) {
		this.catalog = catalog;
		this.tagging = tagging;
		this.lookup = lookup;
		this.tenants = tenants;
	}

	@PostMapping("/api/v1/tag-groups")
	TagCatalog.TagGroup createGroup(@RequestAttribute(ApiAuthentication.TENANT) TenantId tenant,
			@RequestHeader(name = "X-Siyu-Actor", required = false) String actor, @RequestBody JsonNode body) {
		return this.catalog.createGroup(scope(tenant), body.path("name").asString(null),
				body.path("description").asString(null), body.path("owner").asString(null), actor(actor));
	}

	@GetMapping("/api/v1/tag-groups")
	List<TagCatalog.TagGroup> groups(@RequestAttribute(ApiAuthentication.TENANT) TenantId tenant) {
		return this.catalog.groups(scope(tenant));
	}

	@PostMapping("/api/v1/tags")
	Tag create(@RequestAttribute(ApiAuthentication.TENANT) TenantId tenant,
			@RequestHeader(name = "X-Siyu-Actor", required = false) String actor, @RequestBody JsonNode body) {
		TagCatalog.TagDefinition definition = definition(body);
		if (definition.kind() == TagKind.RULE) {
			throw new IllegalArgumentException("define rule tags at /api/v1/rule-tags");
		}
		return this.catalog.create(scope(tenant), definition, actor(actor));
	}

	@GetMapping("/api/v1/tags")
	List<Tag> all(@RequestAttribute(ApiAuthentication.TENANT) TenantId tenant) {
		return this.catalog.tags(scope(tenant));
	}

	@GetMapping("/api/v1/tags/{id}")
	Tag one(@RequestAttribute(ApiAuthentication.TENANT) TenantId tenant, @PathVariable long id) {
		return this.catalog.require(scope(tenant), id);
	}

	@PutMapping("/api/v1/tags/{id}")
	Tag update(@RequestAttribute(ApiAuthentication.TENANT) TenantId tenant,
			@RequestHeader(name = "X-Siyu-Actor", required = false) String actor, @PathVariable long id,
			@RequestBody JsonNode body) {
		return this.catalog.update(scope(tenant), id, definition(body), actor(actor));
	}

	@DeleteMapping("/api/v1/tags/{id}")
	Map<String, Object> delete(@RequestAttribute(ApiAuthentication.TENANT) TenantId tenant,
			@RequestHeader(name = "X-Siyu-Actor", required = false) String actor, @PathVariable long id) {
		this.catalog.delete(scope(tenant), id, this.tagging, actor(actor));
		return Map.of("deleted", id);
	}

	@GetMapping("/api/v1/tags/{id}/audit")
	List<Map<String, Object>> audit(@RequestAttribute(ApiAuthentication.TENANT) TenantId tenant,
			@PathVariable long id) {
		return this.catalog.audit(scope(tenant), id);
	}

	@GetMapping("/api/v1/tags/{id}/history")
	List<Map<String, Object>> history(@RequestAttribute(ApiAuthentication.TENANT) TenantId tenant,
			@PathVariable long id, @RequestParam(defaultValue = "100") int limit) {
		long scope = scope(tenant);
		this.catalog.require(scope, id);
		return this.tagging.history(scope, id, null, Math.min(1000, Math.max(1, limit)));
	}

	@GetMapping("/api/v1/persons/{id}/tag-history")
	List<Map<String, Object>> personHistory(@RequestAttribute(ApiAuthentication.TENANT) TenantId tenant,
			@PathVariable long id, @RequestParam(defaultValue = "100") int limit) {
		return this.tagging.history(scope(tenant), null, id, Math.min(1000, Math.max(1, limit)));
	}

	/** Tags persons given by id ("personIds") or by identifiers ("identifiers"). */
	@PostMapping("/api/v1/tags/{id}/persons")
	Map<String, Object> add(@RequestAttribute(ApiAuthentication.TENANT) TenantId tenant,
			@RequestHeader(name = "X-Siyu-Actor", required = false) String actor, @PathVariable long id,
			@RequestBody JsonNode body) {
		long scope = scope(tenant);
		PersonLookup.Found found = persons(scope, body);
		Tagging.Change change = this.tagging.add(scope, id, found.persons(), actor(actor),
				body.path("reason").asString(null));
		return answer(change, found, change.added().size());
	}

	@PostMapping("/api/v1/tags/{id}/persons:remove")
	Map<String, Object> remove(@RequestAttribute(ApiAuthentication.TENANT) TenantId tenant,
			@RequestHeader(name = "X-Siyu-Actor", required = false) String actor, @PathVariable long id,
			@RequestBody JsonNode body) {
		long scope = scope(tenant);
		PersonLookup.Found found = persons(scope, body);
		Tagging.Change change = this.tagging.remove(scope, id, found.persons(), actor(actor),
				body.path("reason").asString(null));
		return answer(change, found, change.removed().size());
	}

	/** Tags the persons of an uploaded file of identifiers, one per line. */
	@PostMapping("/api/v1/tags/{id}/persons:upload")
	Map<String, Object> upload(@RequestAttribute(ApiAuthentication.TENANT) TenantId tenant,
			@RequestHeader(name = "X-Siyu-Actor", required = false) String actor, @PathVariable long id,
			@RequestPart("file") MultipartFile file) throws IOException {
		long scope = scope(tenant);
		List<String> lines = new String(file.getBytes(), StandardCharsets.UTF_8).replace("\uFEFF", "").lines().toList();
		PersonLookup.Found found = this.lookup.find(scope, lines);
		Tagging.Change change = this.tagging.add(scope, id, found.persons(), actor(actor),
				"upload " + file.getOriginalFilename());
		return answer(change, found, change.added().size());
	}

	private PersonLookup.Found persons(long scope, JsonNode body) {
		List<Long> ids = new ArrayList<>();
		for (JsonNode id : body.path("personIds")) {
			ids.add(id.asLong());
		}
		List<String> identifiers = new ArrayList<>();
		for (JsonNode identifier : body.path("identifiers")) {
			identifiers.add(identifier.asString());
		}
		if (ids.isEmpty() && identifiers.isEmpty()) {
			throw new IllegalArgumentException("give personIds or identifiers");
		}
		PersonLookup.Found found = this.lookup.find(scope, identifiers);
		ids.addAll(found.persons());
		return new PersonLookup.Found(ids, found.misses());
	}

	private static Map<String, Object> answer(Tagging.Change change, PersonLookup.Found found, int changed) {
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("changed", changed);
		answer.put("unchanged", found.persons().stream().distinct().count() - changed - change.unknown());
		answer.put("unknownPersons", change.unknown());
		Map<String, String> misses = new LinkedHashMap<>();
		found.misses().forEach((line, why) -> misses.put(Integer.toString(line), why));
		answer.put("notFound", misses);
		return answer;
	}

	private static TagCatalog.TagDefinition definition(JsonNode body) {
		return new TagCatalog.TagDefinition(body.path("group").asString(null), body.path("name").asString(null),
				body.path("description").asString(null), body.path("owner").asString(null),
				body.has("kind") ? TagKind.ofCode(body.get("kind").asString()) : null, null,
				body.has("validDays") ? body.get("validDays").asInt() : null);
	}

	private long scope(TenantId tenant) {
		return this.tenants.byId(tenant).orElseThrow().identityScope().value();
	}

	private static String actor(String header) {
		return (header != null && !header.isBlank()) ? "api:" + header.strip() : "api";
	}

}
