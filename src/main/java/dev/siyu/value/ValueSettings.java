package dev.siyu.value;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;

import dev.siyu.shared.TenantId;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A tenant's value settings: RFM cut points (or quintiles when absent), lifecycle
 * definitions, the CLV horizon and discount rate.
 */
@Component
public class ValueSettings {

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	ValueSettings(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	/** Settings of one tenant. */
	public record Settings(double[] recencyBounds, double[] frequencyBounds, double[] monetaryBounds,
			LifecycleRules lifecycle, int horizonDays, double annualDiscount) {

		public static final Settings DEFAULT = new Settings(null, null, null, LifecycleRules.DEFAULT, 365, 0.1);

		public Settings {
			for (double[] bounds : new double[][] { recencyBounds, frequencyBounds, monetaryBounds }) {
				if (bounds != null && (bounds.length != 4 || !isAscending(bounds))) {
					throw new IllegalArgumentException(
							"RFM thresholds need four ascending cut points, not " + Arrays.toString(bounds));
				}
			}
			if (horizonDays <= 0 || annualDiscount < 0 || annualDiscount >= 1) {
				throw new IllegalArgumentException("the CLV horizon must be positive and the discount in [0, 1), not "
						+ horizonDays + " days at " + annualDiscount);
			}
		}

		private static boolean isAscending(double[] bounds) {
			for (int i = 1; i < bounds.length; i++) {
				if (bounds[i] <= bounds[i - 1]) {
					return false;
				}
			}
			return true;
		}

	}

	public Settings of(TenantId tenant) {
		return this.jdbc.sql("select * from value_settings where tenant_id = ?")
			.param(tenant.value())
			.query(ValueSettings::map)
			.optional()
			.orElse(Settings.DEFAULT);
	}

	/** Stores the settings; the tenant's scores are recomputed with them after this. */
	@Transactional
	public void save(TenantId tenant, Settings settings) {
		LifecycleRules rules = settings.lifecycle();
		this.jdbc
			.sql("""
					insert into value_settings (tenant_id, recency_bounds, frequency_bounds, monetary_bounds, new_days,
					    active_days, silent_days, lost_days, at_risk_p_alive, horizon_days, annual_discount, updated_at)
					values (:tenant, :recency::numeric[], :frequency::numeric[], :monetary::numeric[], :newDays, :activeDays,
					    :silentDays, :lostDays, :atRisk, :horizon, :discount, now())
					on conflict (tenant_id) do update set recency_bounds = excluded.recency_bounds,
					    frequency_bounds = excluded.frequency_bounds, monetary_bounds = excluded.monetary_bounds,
					    new_days = excluded.new_days, active_days = excluded.active_days, silent_days = excluded.silent_days,
					    lost_days = excluded.lost_days, at_risk_p_alive = excluded.at_risk_p_alive,
					    horizon_days = excluded.horizon_days, annual_discount = excluded.annual_discount, updated_at = now()""")
			.param("tenant", tenant.value())
			.param("recency", literal(settings.recencyBounds()))
			.param("frequency", literal(settings.frequencyBounds()))
			.param("monetary", literal(settings.monetaryBounds()))
			.param("newDays", rules.newDays())
			.param("activeDays", rules.activeDays())
			.param("silentDays", rules.silentDays())
			.param("lostDays", rules.lostDays())
			.param("atRisk", rules.atRiskAlive())
			.param("horizon", settings.horizonDays())
			.param("discount", settings.annualDiscount())
			.update();
		this.events.publishEvent(new ValueSettingsChanged(tenant));
	}

	private static String literal(double[] bounds) {
		if (bounds == null) {
			return null;
		}
		StringBuilder text = new StringBuilder("{");
		for (int i = 0; i < bounds.length; i++) {
			text.append(i == 0 ? "" : ",").append(BigDecimal.valueOf(bounds[i]).toPlainString());
		}
		return text.append('}').toString();
	}

	private static Settings map(ResultSet rs, int row) throws SQLException {
		return new Settings(bounds(rs.getArray("recency_bounds")), bounds(rs.getArray("frequency_bounds")),
				bounds(rs.getArray("monetary_bounds")),
				new LifecycleRules(rs.getInt("new_days"), rs.getInt("active_days"), rs.getInt("silent_days"),
						rs.getInt("lost_days"), rs.getDouble("at_risk_p_alive")),
				rs.getInt("horizon_days"), rs.getDouble("annual_discount"));
	}

	private static double[] bounds(Array array) throws SQLException {
		if (array == null) {
			return null;
		}
		Object[] values = (Object[]) array.getArray();
		double[] bounds = new double[values.length];
		for (int i = 0; i < values.length; i++) {
			bounds[i] = ((Number) values[i]).doubleValue();
		}
		return bounds;
	}

}
