package dev.siyu.wecom;

import java.util.Map;

import dev.siyu.api.NotFound;
import dev.siyu.shared.TenantId;
import dev.siyu.tenant.ApiAuthentication;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Connecting a tenant to its corp, and how the channel stands. */
@RestController
@RequestMapping("/api/v1/wecom")
class CorpController {

	private final Corps corps;

	private final WeComStatus status;

	CorpController(Corps corps, WeComStatus status) {
		this.corps = corps;
		this.status = status;
	}

	@PutMapping("/corp")
	Map<String, Object> configure(@RequestAttribute(ApiAuthentication.TENANT) TenantId tenant,
			@RequestBody CorpSettings settings) {
		return this.corps.configure(tenant, settings).summary();
	}

	@GetMapping("/corp")
	Map<String, Object> corp(@RequestAttribute(ApiAuthentication.TENANT) TenantId tenant) {
		return this.corps.find(tenant)
			.orElseThrow(() -> new NotFound("this tenant is not connected to WeCom: PUT /api/v1/wecom/corp"))
			.summary();
	}

	@GetMapping("/status")
	Map<String, Object> status(@RequestAttribute(ApiAuthentication.TENANT) TenantId tenant) {
		return this.status.of(tenant);
	}

}
