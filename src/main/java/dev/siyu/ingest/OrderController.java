package dev.siyu.ingest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.siyu.shared.TenantId;
import dev.siyu.tenant.ApiAuthentication;
import tools.jackson.databind.JsonNode;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Orders pushed by another system, up to 10,000 per call, and the tenant's counts. */
@RestController
class OrderController {

	private final Imports imports;

	private final TenantStatistics statistics;

	OrderController(Imports imports, TenantStatistics statistics) {
		this.imports = imports;
		this.statistics = statistics;
	}

	@PostMapping("/api/v1/orders:batch")
	Map<String, Object> batch(@RequestAttribute(ApiAuthentication.TENANT) TenantId tenant, @RequestBody JsonNode body) {
		List<Map<String, Object>> results = this.imports.importBatch(tenant, body);
		Map<String, Object> answer = new LinkedHashMap<>();
		for (String outcome : List.of("imported", "updated", "unchanged", "rejected")) {
			answer.put(outcome, results.stream().filter(r -> outcome.equals(r.get("result"))).count());
		}
		answer.put("results", results);
		return answer;
	}

	@GetMapping("/api/v1/stats")
	Map<String, Object> stats(@RequestAttribute(ApiAuthentication.TENANT) TenantId tenant) {
		TenantStatistics.Counts counts = this.statistics.of(tenant);
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("orders", counts.orders());
		answer.put("orderItems", counts.orderItems());
		answer.put("accounts", counts.accounts());
		answer.put("persons", counts.persons());
		answer.put("gmv", counts.gmv().toPlainString());
		return answer;
	}

}
