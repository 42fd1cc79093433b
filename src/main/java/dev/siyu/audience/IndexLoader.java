package dev.siyu.audience;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.Period;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.siyu.audience.TenantIndex.AggregateKey;
import org.roaringbitmap.RoaringBitmap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Reads a scope's index from PostgreSQL, streaming rows through cursors. */
@Component
class IndexLoader {

	private static final String PERSON_FACTS = """
			select p.id, pp.gender, pp.birth_date, pp.province, pp.city, pp.member_tier, ps.lifecycle_stage,
			       ps.rfm_class, ps.r_score, ps.f_score, ps.m_score, ps.recency_days, ps.frequency, ps.monetary,
			       ps.clv, ps.p_alive, pr.wecom_friend, pr.in_group, pr.official_account, pr.sms_consent,
			       pr.marketing_opt_out
			from person p
			left join person_profile pp on pp.person_id = p.id
			left join person_score ps on ps.person_id = p.id
			left join person_reach pr on pr.person_id = p.id
			where p.tenant_id = :scope and p.merged_into is null""";

	private final NamedParameterJdbcTemplate jdbc;

	private final TransactionTemplate readOnly;

	IndexLoader(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
		JdbcTemplate streaming = new JdbcTemplate(jdbc.getDataSource());
		streaming.setFetchSize(10_000);
		this.jdbc = new NamedParameterJdbcTemplate(streaming);
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
	}

	TenantIndex load(long scope, LocalDate today) {
		TenantIndex index = new TenantIndex(scope, today);
		this.readOnly.executeWithoutResult(status -> {
			index.loadedAt = this.jdbc.getJdbcTemplate()
				.queryForObject(PersonFactWatch.WATERMARK, Timestamp.class)
				.toInstant();
			each(PERSON_FACTS + " order by p.id", Map.of("scope", scope),
					rs -> personRow(index, rs, index.numberOrAdd(rs.getLong(1))));
			each("select tag_id, person_id from person_tag where tenant_id = :scope order by tag_id, person_id",
					Map.of("scope", scope), rs -> {
						int number = index.number(rs.getLong(2));
						if (number >= 0) {
							index.tag(rs.getLong(1)).add(number);
						}
					});
		});
		index.active.runOptimize();
		index.tags.values().forEach(RoaringBitmap::runOptimize);
		index.seal();
		return index;
	}

	/** Reads again the facts of these persons: added, changed, merged away or split. */
	void reload(TenantIndex index, Collection<Long> personIds) {
		Long[] ids = personIds.toArray(Long[]::new);
		java.util.Set<Long> seen = new java.util.HashSet<>();
		this.readOnly.executeWithoutResult(status -> {
			each(PERSON_FACTS + " and p.id = any(:ids) order by p.id", Map.of("scope", index.scope, "ids", ids), rs -> {
				seen.add(rs.getLong(1));
				personRow(index, rs, index.numberOrAdd(rs.getLong(1)));
			});
			for (Long id : ids) {
				int number = index.number(id);
				if (number >= 0) {
					for (RoaringBitmap tag : index.tags.values()) {
						tag.remove(number);
					}
				}
			}
			each("select tag_id, person_id from person_tag where tenant_id = :scope and person_id = any(:ids)",
					Map.of("scope", index.scope, "ids", ids), rs -> {
						int number = index.number(rs.getLong(2));
						if (number >= 0) {
							index.tag(rs.getLong(1)).add(number);
						}
					});
		});
		for (Long id : ids) {
			int number = index.number(id);
			if (number >= 0 && !seen.contains(id)) {
				index.active.remove(number);
			}
		}
	}

	/** New persons of the scope, above the highest id the index knows. */
	Collection<Long> personsAbove(long scope, long lastKnownId) {
		return this.jdbc.queryForList(
				"select id from person where tenant_id = :scope and merged_into is null and id > :last order by id",
				Map.of("scope", scope, "last", lastKnownId), Long.class);
	}

	private void each(String sql, Map<String, ?> params, RowCallbackHandler row) {
		this.jdbc.query(sql, params, row);
	}

	private static void personRow(TenantIndex index, ResultSet rs, int number) throws SQLException {
		index.active.add(number);
		index.setText(Attribute.GENDER, number, rs.getString("gender"));
		Date birth = rs.getDate("birth_date");
		Integer age = (birth != null) ? Math.max(0, Period.between(birth.toLocalDate(), index.today).getYears()) : null;
		if (birth != null) {
			int signedAge = Period.between(birth.toLocalDate(), index.today).getYears();
			index.setText(Attribute.AGE_BAND, number, AgeBand.of(signedAge));
		}
		else {
			index.setText(Attribute.AGE_BAND, number, null);
		}
		index.setNumber(Attribute.AGE, number, (age != null) ? Long.valueOf(age) : null);
		index.setText(Attribute.PROVINCE, number, rs.getString("province"));
		index.setText(Attribute.CITY, number, rs.getString("city"));
		index.setText(Attribute.TIER, number, rs.getString("member_tier"));
		index.setText(Attribute.LIFECYCLE, number, rs.getString("lifecycle_stage"));
		index.setText(Attribute.RFM_CLASS, number, rs.getString("rfm_class"));
		whole(index, Attribute.R_SCORE, number, rs, "r_score");
		whole(index, Attribute.F_SCORE, number, rs, "f_score");
		whole(index, Attribute.M_SCORE, number, rs, "m_score");
		whole(index, Attribute.RECENCY_DAYS, number, rs, "recency_days");
		whole(index, Attribute.FREQUENCY, number, rs, "frequency");
		money(index, Attribute.MONETARY, number, rs.getBigDecimal("monetary"));
		money(index, Attribute.CLV, number, rs.getBigDecimal("clv"));
		Float alive = rs.getObject("p_alive", Float.class);
		index.setNumber(Attribute.P_ALIVE, number,
				(alive != null) ? Long.valueOf(Float.floatToIntBits(Math.max(alive, 0f))) : null);
		for (Reach way : Reach.values()) {
			index.setReach(way, number, rs.getBoolean(way.column()));
		}
	}

	private static void whole(TenantIndex index, Attribute attribute, int number, ResultSet rs, String column)
			throws SQLException {
		long value = rs.getLong(column);
		index.setNumber(attribute, number, rs.wasNull() ? null : Math.max(0, value));
	}

	private static void money(TenantIndex index, Attribute attribute, int number, BigDecimal value) {
		index.setNumber(attribute, number, (value != null) ? Values.slice(Attribute.Kind.MONEY, value) : null);
	}

	TenantIndex.OrderFacts orderFacts(TenantIndex index) {
		Map<String, RoaringBitmap> platforms = new HashMap<>();
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("scope", index.scope);
		params.put("today", index.today);
		NumericColumn lastDay = new NumericColumn();
		this.readOnly.executeWithoutResult(status -> {
			each("select distinct a.person_id, o.platform from " + OrderSql.FROM + " where a.tenant_id = :scope and "
					+ OrderSql.VALID, params, rs -> {
						int number = index.number(rs.getLong(1));
						if (number >= 0) {
							platforms.computeIfAbsent(rs.getString(2), p -> new RoaringBitmap()).add(number);
						}
					});
			each("select a.person_id, max(" + OrderSql.DAY + ") from " + OrderSql.FROM
					+ " where a.tenant_id = :scope and " + OrderSql.VALID + " group by a.person_id", params, rs -> {
						int number = index.number(rs.getLong(1));
						Date day = rs.getDate(2);
						if (number >= 0 && day != null) {
							lastDay.set(number, day.toLocalDate().toEpochDay());
						}
					});
		});
		lastDay.seal();
		return new TenantIndex.OrderFacts(platforms, lastDay);
	}

	NumericColumn aggregate(TenantIndex index, AggregateKey key) {
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("scope", index.scope);
		params.put("today", index.today);
		String where = OrderSql.conditions(key.days(), key.filter(), params);
		String value = (key.metric() == Expression.OrderMetric.COUNT) ? "count(*)" : "sum(" + OrderSql.NET_AMOUNT + ")";
		NumericColumn slices = new NumericColumn();
		this.readOnly
			.executeWithoutResult(
					status -> each(
							"select a.person_id, " + value + " from " + OrderSql.FROM
									+ " where a.tenant_id = :scope and " + where + " group by a.person_id",
							params, rs -> {
								int number = index.number(rs.getLong(1));
								if (number >= 0) {
									slices.set(number, (key.metric() == Expression.OrderMetric.COUNT) ? rs.getLong(2)
											: Values.slice(Attribute.Kind.MONEY, rs.getBigDecimal(2)));
								}
							}));
		slices.seal();
		return slices;
	}

}
