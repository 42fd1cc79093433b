package dev.siyu.wecom;

import java.util.List;
import java.util.Map;

import dev.siyu.shared.TenantId;
import dev.siyu.tenant.ApiAuthentication;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Corp tags marked on contacts, and group message statistics, through the API. */
@RestController
@RequestMapping("/api/v1/wecom")
class TagAndStatisticsController {

	private final ContactTagPush tags;

	private final TagMarks marks;

	private final GroupStatistics statistics;

	TagAndStatisticsController(ContactTagPush tags, TagMarks marks, GroupStatistics statistics) {
		this.tags = tags;
		this.marks = marks;
		this.statistics = statistics;
	}

	@GetMapping("/tag-marks")
	List<Map<String, Object>> marks(@RequestAttribute(ApiAuthentication.TENANT) TenantId tenant,
			@RequestParam(required = false) String status, @RequestParam(defaultValue = "200") int limit) {
		return this.marks.list(tenant, status, Math.max(1, Math.min(1000, limit)));
	}

	/** Which failed marks to queue again; none named: all of them. */
	record Retry(List<Long> ids) {
	}

	@PostMapping("/tag-marks/retry")
	Map<String, Object> retry(@RequestAttribute(ApiAuthentication.TENANT) TenantId tenant,
			@RequestBody(required = false) Retry retry) {
		return this.marks.retry(tenant, (retry != null) ? retry.ids() : null);
	}

	@PostMapping("/tag-marks/push")
	Map<String, Object> push(@RequestAttribute(ApiAuthentication.TENANT) TenantId tenant) {
		return Map.of("relations", this.tags.push(tenant));
	}

	@GetMapping("/groups/statistics")
	List<Map<String, Object>> statistics(@RequestAttribute(ApiAuthentication.TENANT) TenantId tenant,
			@RequestParam(defaultValue = "14") int days) {
		return this.statistics.list(tenant, days);
	}

	@PostMapping("/groups/statistics/fetch")
	Map<String, Object> fetch(@RequestAttribute(ApiAuthentication.TENANT) TenantId tenant,
			@RequestParam(defaultValue = "7") int days) {
		return Map.of("ownerDays", this.statistics.fetch(tenant, days));
	}

}
