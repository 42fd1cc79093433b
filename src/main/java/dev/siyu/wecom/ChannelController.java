package dev.siyu.wecom;

import java.util.List;
import java.util.Map;

import dev.siyu.shared.TenantId;
import dev.siyu.tenant.ApiAuthentication;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The WeCom channel through the API: sync, channel codes and cards, welcomes, consent,
 * handover, groups.
 */
@RestController
@RequestMapping("/api/v1/wecom")
class ChannelController {

	private final CorpSync sync;

	private final ChannelCodes codes;

	private final Consent consent;

	private final Handover handover;

	private final Groups groups;

	private final Assignment assignment;

	private final JdbcClient jdbc;

	private final WeComDirectory directory;

	ChannelController(CorpSync sync, ChannelCodes codes, Consent consent, Handover handover, Groups groups,
			Assignment assignment, JdbcClient jdbc, WeComDirectory directory) {
		this.directory = directory;
		this.assignment = assignment;
		this.sync = sync;
		this.codes = codes;
		this.consent = consent;
		this.handover = handover;
		this.groups = groups;
		this.jdbc = jdbc;
	}

	@PostMapping("/sync")
	Map<String, Object> sync(@RequestAttribute(ApiAuthentication.TENANT) TenantId tenant) {
		return this.sync.full(tenant);
	}

	@PostMapping("/channel-codes")
	Map<String, Object> createCode(@RequestAttribute(ApiAuthentication.TENANT) TenantId tenant,
			@RequestBody ChannelCodes.NewCode code) {
		return this.codes.create(tenant, code);
	}

	@GetMapping("/channel-codes")
	List<Map<String, Object>> codes(@RequestAttribute(ApiAuthentication.TENANT) TenantId tenant) {
		return this.codes.list(tenant);
	}

	record CardRequest(List<String> orderNos) {
	}

	@PostMapping("/channel-codes/{state}/cards")
	List<Map<String, String>> cards(@RequestAttribute(ApiAuthentication.TENANT) TenantId tenant,
			@PathVariable String state, @RequestBody CardRequest request) {
		return this.codes.issueCards(tenant, state, (request.orderNos() != null) ? request.orderNos() : List.of());
	}

	record Claim(String externalUserId) {
	}

	@PostMapping("/cards/{code}/claim")
	Map<String, Object> claim(@RequestAttribute(ApiAuthentication.TENANT) TenantId tenant, @PathVariable String code,
			@RequestBody Claim claim) {
		return this.codes.claimCard(tenant, code, claim.externalUserId());
	}

	@GetMapping("/welcomes")
	List<Map<String, Object>> welcomes(@RequestAttribute(ApiAuthentication.TENANT) TenantId tenant) {
		return this.directory.welcomes(tenant, 200);
	}

	@PostMapping("/contacts/{externalUserId}/opt-out")
	Map<String, Object> optOut(@RequestAttribute(ApiAuthentication.TENANT) TenantId tenant,
			@PathVariable String externalUserId) {
		this.consent.set(tenant, externalUserId, true);
		return Map.of("externalUserId", externalUserId, "marketingOptOut", true);
	}

	@PostMapping("/contacts/{externalUserId}/opt-in")
	Map<String, Object> optIn(@RequestAttribute(ApiAuthentication.TENANT) TenantId tenant,
			@PathVariable String externalUserId) {
		this.consent.set(tenant, externalUserId, false);
		return Map.of("externalUserId", externalUserId, "marketingOptOut", false);
	}

	record HandoverRequest(String from, String to, List<String> externalUserIds, Boolean resigned) {
	}

	@PostMapping("/handover")
	Map<String, Object> handover(@RequestAttribute(ApiAuthentication.TENANT) TenantId tenant,
			@RequestBody HandoverRequest request) {
		return this.handover.customers(tenant, request.from(), request.to(), request.externalUserIds(),
				Boolean.TRUE.equals(request.resigned()));
	}

	@GetMapping("/handover")
	List<Map<String, Object>> handovers(@RequestAttribute(ApiAuthentication.TENANT) TenantId tenant) {
		return this.handover.list(tenant);
	}

	record GroupTransfer(List<String> chatIds, String newOwner) {
	}

	@PostMapping("/groups/transfer")
	Map<String, Object> transferGroups(@RequestAttribute(ApiAuthentication.TENANT) TenantId tenant,
			@RequestBody GroupTransfer request) {
		return this.handover.groups(tenant, request.chatIds(), request.newOwner());
	}

	@GetMapping("/groups")
	List<Map<String, Object>> groups(@RequestAttribute(ApiAuthentication.TENANT) TenantId tenant,
			@RequestParam(defaultValue = "14") int days) {
		return this.groups.list(tenant, days);
	}

	record Target(int members) {
	}

	@PutMapping("/groups/{chatId}/target")
	Map<String, Object> target(@RequestAttribute(ApiAuthentication.TENANT) TenantId tenant, @PathVariable String chatId,
			@RequestBody Target target) {
		this.groups.setTarget(tenant, chatId, target.members());
		return Map.of("chatId", chatId, "memberTarget", target.members());
	}

	@GetMapping("/assignment-rules")
	List<Assignment.Rule> rules(@RequestAttribute(ApiAuthentication.TENANT) TenantId tenant) {
		return this.assignment.rules(tenant);
	}

	@PutMapping("/assignment-rules")
	Map<String, Object> rules(@RequestAttribute(ApiAuthentication.TENANT) TenantId tenant,
			@RequestBody List<Assignment.Rule> rules) {
		this.assignment.replaceRules(tenant, rules);
		return Map.of("rules", rules.size());
	}

	record AssignRequest(String externalUserId, String store) {
	}

	@PostMapping("/assign")
	Map<String, Object> assign(@RequestAttribute(ApiAuthentication.TENANT) TenantId tenant,
			@RequestBody AssignRequest request) {
		return this.assignment.assign(tenant, request.externalUserId(), request.store());
	}

	record StaffStore(String store) {
	}

	@PutMapping("/staff/{userId}/store")
	Map<String, Object> store(@RequestAttribute(ApiAuthentication.TENANT) TenantId tenant, @PathVariable String userId,
			@RequestBody StaffStore store) {
		int updated = this.jdbc.sql("update wecom_staff set store = ? where tenant_id = ? and userid = ?")
			.params(store.store(), tenant.value(), userId)
			.update();
		if (updated == 0) {
			throw new IllegalArgumentException("no staff member '" + userId + "'");
		}
		return Map.of("userId", userId, "store", store.store());
	}

	@GetMapping("/staff")
	List<Map<String, Object>> staff(@RequestAttribute(ApiAuthentication.TENANT) TenantId tenant) {
		return this.directory.staff(tenant);
	}

}
