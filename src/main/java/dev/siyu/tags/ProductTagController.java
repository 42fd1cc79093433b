package dev.siyu.tags;

import java.util.List;
import java.util.Map;

import dev.siyu.shared.TenantId;
import dev.siyu.tenant.ApiAuthentication;
import dev.siyu.tenant.Tenants;
import tools.jackson.databind.JsonNode;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Product tags and the two person-goods lookups. */
@RestController
class ProductTagController {

	private final ProductMatching matching;

	private final Tenants tenants;

	ProductTagController(ProductMatching matching, Tenants tenants) {
		this.matching = matching;
		this.tenants = tenants;
	}

	/** {"tagId": 1, "sku": "A1"} or {"tagId": 1, "category": "面霜"}. */
	@PostMapping("/api/v1/product-tags")
	Map<String, Object> tag(@RequestAttribute(ApiAuthentication.TENANT) TenantId tenant, @RequestBody JsonNode body) {
		String kind = body.has("sku") ? "sku" : "category";
		if (!body.path("tagId").canConvertToLong() || !body.hasNonNull(kind)) {
			throw new IllegalArgumentException("the body needs tagId (a product tag's id) and sku or category");
		}
		this.matching.tagProduct(scope(tenant), body.path("tagId").asLong(), kind, body.path(kind).asString(null));
		return Map.of("tagId", body.path("tagId").asLong(), kind, body.path(kind).asString());
	}

	@GetMapping("/api/v1/persons/{id}/affinities")
	List<Map<String, Object>> affinities(@RequestAttribute(ApiAuthentication.TENANT) TenantId tenant,
			@PathVariable long id) {
		return this.matching.affinities(scope(tenant), id);
	}

	@GetMapping("/api/v1/persons/{id}/best-products")
	List<Map<String, Object>> bestProducts(@RequestAttribute(ApiAuthentication.TENANT) TenantId tenant,
			@PathVariable long id, @RequestParam(defaultValue = "10") int limit) {
		return this.matching.productsFor(scope(tenant), id, Math.min(100, Math.max(1, limit)));
	}

	@GetMapping("/api/v1/products/{sku}/best-persons")
	List<Map<String, Object>> bestPersons(@RequestAttribute(ApiAuthentication.TENANT) TenantId tenant,
			@PathVariable String sku, @RequestParam(defaultValue = "10") int limit) {
		return this.matching.personsFor(scope(tenant), sku, Math.min(1000, Math.max(1, limit)));
	}

	private long scope(TenantId tenant) {
		return this.tenants.byId(tenant).orElseThrow().identityScope().value();
	}

}
