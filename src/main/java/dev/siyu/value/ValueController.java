package dev.siyu.value;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.siyu.api.NotFound;
import dev.siyu.shared.TenantId;
import dev.siyu.tenant.ApiAuthentication;
import tools.jackson.databind.JsonNode;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Customer value over HTTP: scores, RFM, lifecycle, lifetime-value fits and settings. */
@RestController
class ValueController {

	private final CustomerScores scores;

	private final ScoreQueries queries;

	private final ClvFits fits;

	private final ValueSettings settings;

	private final ValueReports reports;

	ValueController(CustomerScores scores, ScoreQueries queries, ClvFits fits, ValueSettings settings,
			ValueReports reports) {
		this.scores = scores;
		this.queries = queries;
		this.fits = fits;
		this.settings = settings;
		this.reports = reports;
	}

	@GetMapping("/api/v1/value/repurchase-cycles")
	List<Map<String, Object>> cycles(@RequestAttribute(ApiAuthentication.TENANT) TenantId tenant,
			@RequestParam(defaultValue = "category") String by, @RequestParam(defaultValue = "50") int limit) {
		return this.reports.cycles().of(tenant, by, LocalDate.now(CustomerScores.CHINA), limit);
	}

	@GetMapping("/api/v1/value/cohorts")
	List<Map<String, Object>> cohorts(@RequestAttribute(ApiAuthentication.TENANT) TenantId tenant,
			@RequestParam(defaultValue = "month") String by, @RequestParam(defaultValue = "12") int months) {
		return this.reports.cohorts().of(tenant, by, months);
	}

	@GetMapping("/api/v1/value/metrics")
	Map<String, Object> metrics(@RequestAttribute(ApiAuthentication.TENANT) TenantId tenant,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String platform) {
		LocalDate end = to == null ? LocalDate.now(CustomerScores.CHINA) : to;
		return this.reports.metrics().of(tenant, from == null ? end.minusDays(364) : from, end, platform);
	}

	@PostMapping("/api/v1/value/refresh")
	CustomerScores.Refresh refresh(@RequestAttribute(ApiAuthentication.TENANT) TenantId tenant) {
		return this.scores.refresh(tenant);
	}

	@GetMapping("/api/v1/value/persons/{personId}")
	Map<String, Object> person(@RequestAttribute(ApiAuthentication.TENANT) TenantId tenant,
			@PathVariable long personId) {
		return this.queries.person(tenant, personId)
			.orElseThrow(() -> new NotFound("no scores for person " + personId));
	}

	@GetMapping("/api/v1/value/rfm")
	Map<String, Object> rfm(@RequestAttribute(ApiAuthentication.TENANT) TenantId tenant) {
		return this.queries.rfm(tenant);
	}

	@GetMapping("/api/v1/value/lifecycle")
	Map<String, Long> lifecycle(@RequestAttribute(ApiAuthentication.TENANT) TenantId tenant) {
		return this.queries.stages(tenant);
	}

	@GetMapping("/api/v1/value/lifecycle/transitions")
	Map<String, Object> transitions(@RequestAttribute(ApiAuthentication.TENANT) TenantId tenant,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate since,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate until,
			@RequestParam(defaultValue = "100") int limit) {
		LocalDate end = until == null ? LocalDate.now(CustomerScores.CHINA) : until;
		LocalDate start = since == null ? end.minusDays(7) : since;
		return this.queries.transitions(tenant, from, to, start, end, limit);
	}

	@GetMapping("/api/v1/value/clv")
	Map<String, Object> clv(@RequestAttribute(ApiAuthentication.TENANT) TenantId tenant) {
		return this.fits.latest(tenant)
			.orElseThrow(() -> new NotFound("no lifetime-value fit yet: POST /api/v1/value/clv/fit"));
	}

	@PostMapping("/api/v1/value/clv/fit")
	Map<String, Object> fit(@RequestAttribute(ApiAuthentication.TENANT) TenantId tenant) {
		return this.fits.fit(tenant, LocalDate.now(CustomerScores.CHINA));
	}

	@GetMapping("/api/v1/value/settings")
	Map<String, Object> settings(@RequestAttribute(ApiAuthentication.TENANT) TenantId tenant) {
		return view(this.settings.of(tenant));
	}

	/**
	 * Replaces the settings; absent fields take their defaults. RFM bounds are four
	 * ascending cut points (recency in days), or null for quintiles.
	 */
	@PutMapping("/api/v1/value/settings")
	Map<String, Object> saveSettings(@RequestAttribute(ApiAuthentication.TENANT) TenantId tenant,
			@RequestBody JsonNode body) {
		ValueSettings.Settings defaults = ValueSettings.Settings.DEFAULT;
		LifecycleRules rules = defaults.lifecycle();
		JsonNode lifecycle = body.path("lifecycle");
		ValueSettings.Settings settings = new ValueSettings.Settings(bounds(body, "recencyBounds"),
				bounds(body, "frequencyBounds"), bounds(body, "monetaryBounds"),
				new LifecycleRules(lifecycle.path("newDays").asInt(rules.newDays()),
						lifecycle.path("activeDays").asInt(rules.activeDays()),
						lifecycle.path("silentDays").asInt(rules.silentDays()),
						lifecycle.path("lostDays").asInt(rules.lostDays()),
						lifecycle.path("atRiskPAlive").asDouble(rules.atRiskAlive())),
				body.path("horizonDays").asInt(defaults.horizonDays()),
				body.path("annualDiscount").asDouble(defaults.annualDiscount()));
		this.settings.save(tenant, settings);
		return view(settings);
	}

	private static double[] bounds(JsonNode body, String field) {
		JsonNode node = body.get(field);
		if (node == null || node.isNull()) {
			return null;
		}
		if (!node.isArray()) {
			throw new IllegalArgumentException(field + " must be an array of four numbers or null");
		}
		double[] bounds = new double[node.size()];
		for (int i = 0; i < node.size(); i++) {
			if (!node.get(i).isNumber()) {
				throw new IllegalArgumentException(field + "[" + i + "] is not a number: " + node.get(i));
			}
			bounds[i] = node.get(i).asDouble();
		}
		return bounds;
	}

	private static Map<String, Object> view(ValueSettings.Settings settings) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("recencyBounds", list(settings.recencyBounds()));
		view.put("frequencyBounds", list(settings.frequencyBounds()));
		view.put("monetaryBounds", list(settings.monetaryBounds()));
		LifecycleRules rules = settings.lifecycle();
		view.put("lifecycle", Map.of("newDays", rules.newDays(), "activeDays", rules.activeDays(), "silentDays",
				rules.silentDays(), "lostDays", rules.lostDays(), "atRiskPAlive", rules.atRiskAlive()));
		view.put("horizonDays", settings.horizonDays());
		view.put("annualDiscount", settings.annualDiscount());
		return view;
	}

	private static List<Double> list(double[] values) {
		return values == null ? null : Arrays.stream(values).boxed().toList();
	}

}
