package dev.siyu.value;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;

import java.util.Map;
import java.util.Optional;

import dev.siyu.shared.TenantId;
import dev.siyu.tenant.Tenant;
import dev.siyu.tenant.Tenants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * The lifetime-value models of each identity scope, fitted on a schedule (nightly by
 * default) and on request, with a holdout check: the models are fitted again on the
 * history before the last quarter of it (at most a year), and their predicted purchases
 * in that quarter are set against the actual ones, overall and by frequency.
 */
@Service
public class ClvFits {

	private static final Logger log = LoggerFactory.getLogger(ClvFits.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate named;

	private final ScopeOrders scopes;

	private final Tenants tenants;

	ClvFits(JdbcClient jdbc, NamedParameterJdbcTemplate named, ScopeOrders scopes, Tenants tenants) {
		this.jdbc = jdbc;
		this.named = named;
		this.scopes = scopes;
		this.tenants = tenants;
	}

	@Scheduled(cron = "${siyu.value.fit-cron:0 30 3 * * *}", zone = "Asia/Shanghai")
	void fitAll() {
		for (Tenant tenant : this.tenants.all()) {
			if (tenant.identityScope().equals(tenant.id())) {
				try {
					fit(tenant.id(), LocalDate.now(CustomerScores.CHINA));
				}
				catch (RuntimeException ex) {
					log.warn("lifetime-value fit of tenant {} failed: {}", tenant.name(), ex.getMessage());
				}
			}
		}
	}

	/** Fits the scope's models as of a day, stores and returns the fit. */
	public Map<String, Object> fit(TenantId tenant, LocalDate today) {
		TenantId scope = this.scopes.scope(tenant);
		PurchaseLog purchases = read(scope);
		if (purchases.customers() < CustomerScores.MIN_BUYERS_TO_FIT) {
			throw new IllegalArgumentException("lifetime value needs at least " + CustomerScores.MIN_BUYERS_TO_FIT
					+ " buyers; this tenant has " + purchases.customers());
		}
		PurchaseLog.Calibration all = purchases.summarise(today, null, TimeUnit.DAY);
		ValueModels models = ValueModels.fit(all.purchases(), true);
		Map<String, Object> holdout = holdout(purchases, all, today);
		Map<String, Object> fit = new LinkedHashMap<>();
		fit.put("customers", all.purchases().size());
		fit.put("timeUnit", "day");
		fit.put("bgnbd", bgNbd(models.bgNbd()));
		fit.put("paretonbd", paretoNbd(models.paretoNbd()));
		fit.put("gammagamma", models.gammaGamma() == null ? null : gammaGamma(models.gammaGamma().model()));
		fit.put("holdout", holdout);
		fit.put("fitMillis", models.fitMillis());
		this.jdbc.sql("""
				insert into clv_fit (tenant_id, customers, bgnbd, paretonbd, gammagamma, holdout, fit_millis)
				values (?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?::jsonb, ?)""")
			.params(scope.value(), all.purchases().size(), JSON.writeValueAsString(fit.get("bgnbd")),
					JSON.writeValueAsString(fit.get("paretonbd")), JSON.writeValueAsString(fit.get("gammagamma")),
					JSON.writeValueAsString(holdout), models.fitMillis())
			.update();
		return fit;
	}

	/** The latest stored fit of the tenant's scope. */
	public Optional<Map<String, Object>> latest(TenantId tenant) {
		TenantId scope = this.scopes.scope(tenant);
		return this.jdbc.sql("""
				select fitted_at, customers, bgnbd::text, paretonbd::text, gammagamma::text, holdout::text, fit_millis
				from clv_fit where tenant_id = ? order by fitted_at desc, id desc limit 1""")
			.param(scope.value())
			.query((rs, row) -> {
				Map<String, Object> fit = new LinkedHashMap<>();
				fit.put("fittedAt", rs.getTimestamp(1).toInstant().toString());
				fit.put("customers", rs.getInt(2));
				fit.put("timeUnit", "day");
				fit.put("bgnbd", parse(rs.getString(3)));
				fit.put("paretonbd", parse(rs.getString(4)));
				fit.put("gammagamma", parse(rs.getString(5)));
				fit.put("holdout", parse(rs.getString(6)));
				fit.put("fitMillis", rs.getLong(7));
				return fit;
			})
			.optional();
	}

	private Map<String, Object> holdout(PurchaseLog purchases, PurchaseLog.Calibration all, LocalDate today) {
		long span = 0;
		for (int i = 0; i < all.purchases().size(); i++) {
			span = Math.max(span, Math.round(all.purchases().age(i)));
		}
		long holdoutDays = Math.min(365, span / 4);
		if (holdoutDays < 7) {
			return null;
		}
		LocalDate calibrationEnd = today.minus(holdoutDays, ChronoUnit.DAYS);
		PurchaseLog.Calibration calibration = purchases.summarise(calibrationEnd, today, TimeUnit.DAY);
		if (calibration.purchases().size() < CustomerScores.MIN_BUYERS_TO_FIT) {
			return null;
		}
		BgNbd model = BgNbd.fit(calibration.purchases()).model();
		HoldoutCheck check = HoldoutCheck.of(model, calibration);
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("calibrationEnd", calibrationEnd.toString());
		result.put("holdoutDays", holdoutDays);
		result.put("predicted", check.predicted());
		result.put("actual", check.actual());
		result.put("byFrequency", check.byFrequency());
		return result;
	}

	private PurchaseLog read(TenantId scope) {
		PurchaseLog log = new PurchaseLog();
		this.named.query(
				"select " + ScopeOrders.PERSON + ", " + ScopeOrders.DAY + ", sum(o.amount - o.refund) from "
						+ ScopeOrders.PURCHASES + " group by 1, 2",
				new MapSqlParameterSource().addValue("tenants", this.scopes.tenantsOf(scope))
					.addValue("scope", scope.value()),
				rs -> {
					log.add(Long.toString(rs.getLong(1)), rs.getDate(2).toLocalDate(), rs.getDouble(3));
				});
		return log;
	}

	static Map<String, Object> bgNbd(Fitted<BgNbd> fitted) {
		BgNbd m = fitted.model();
		return ordered("r", m.r(), "alpha", m.alpha(), "a", m.a(), "b", m.b(), "logLikelihood", fitted.logLikelihood());
	}

	static Map<String, Object> paretoNbd(Fitted<ParetoNbd> fitted) {
		if (fitted == null) {
			return null;
		}
		ParetoNbd m = fitted.model();
		return ordered("r", m.r(), "alpha", m.alpha(), "s", m.s(), "beta", m.beta(), "logLikelihood",
				fitted.logLikelihood());
	}

	static Map<String, Object> gammaGamma(GammaGamma m) {
		return ordered("p", m.p(), "q", m.q(), "gamma", m.gamma());
	}

	private static Object parse(String json) {
		return json == null ? null : JSON.readValue(json, Object.class);
	}

	private static Map<String, Object> ordered(Object... keysAndValues) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			map.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return map;
	}

}
