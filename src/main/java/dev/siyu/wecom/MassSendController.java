package dev.siyu.wecom;

import java.util.List;
import java.util.Map;

import dev.siyu.shared.TenantId;
import dev.siyu.tenant.ApiAuthentication;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Mass sends (群发) through the API: create (repeatable by request id), list, results. */
@RestController
@RequestMapping("/api/v1/wecom/mass-sends")
class MassSendController {

	private final MassSends sends;

	MassSendController(MassSends sends) {
		this.sends = sends;
	}

	@PostMapping
	Map<String, Object> create(@RequestAttribute(ApiAuthentication.TENANT) TenantId tenant,
			@RequestBody MassSends.NewSend send) {
		return this.sends.create(tenant, send, "api");
	}

	@GetMapping
	List<Map<String, Object>> list(@RequestAttribute(ApiAuthentication.TENANT) TenantId tenant,
			@RequestParam(defaultValue = "50") int limit) {
		return this.sends.list(tenant, Math.max(1, Math.min(500, limit)));
	}

	@GetMapping("/{id}")
	Map<String, Object> get(@RequestAttribute(ApiAuthentication.TENANT) TenantId tenant, @PathVariable long id) {
		return this.sends.get(tenant, id);
	}

	@PostMapping("/poll")
	Map<String, Object> poll(@RequestAttribute(ApiAuthentication.TENANT) TenantId tenant) {
		return Map.of("changed", this.sends.pollResults(tenant));
	}

}
