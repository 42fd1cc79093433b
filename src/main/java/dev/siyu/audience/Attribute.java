package dev.siyu.audience;

import java.util.Locale;

/**
 * Person attributes an expression can name, where they come from (person_profile pp,
 * person_score ps) and how their values are kept.
 */
public enum Attribute {

	GENDER(Kind.TEXT, "pp.gender"), AGE_BAND(Kind.TEXT, null), PROVINCE(Kind.TEXT, "pp.province"),
	CITY(Kind.TEXT, "pp.city"), TIER(Kind.TEXT, "pp.member_tier"), LIFECYCLE(Kind.TEXT, "ps.lifecycle_stage"),
	RFM_CLASS(Kind.TEXT, "ps.rfm_class"), AGE(Kind.INTEGER, null), R_SCORE(Kind.INTEGER, "ps.r_score"),
	F_SCORE(Kind.INTEGER, "ps.f_score"), M_SCORE(Kind.INTEGER, "ps.m_score"),
	RECENCY_DAYS(Kind.INTEGER, "ps.recency_days"), FREQUENCY(Kind.INTEGER, "ps.frequency"),
	MONETARY(Kind.MONEY, "ps.monetary"), CLV(Kind.MONEY, "ps.clv"), P_ALIVE(Kind.REAL, "ps.p_alive");

	/**
	 * TEXT compares by equality; INTEGER as whole numbers; MONEY in cents (at most two
	 * decimals); REAL as a float4 column compared in double precision.
	 */
	public enum Kind {

		TEXT, INTEGER, MONEY, REAL

	}

	private final Kind kind;

	private final String column;

	Attribute(Kind kind, String column) {
		this.kind = kind;
		this.column = column;
	}

	public Kind kind() {
		return this.kind;
	}

	public String word() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The SQL over person_profile pp and person_score ps that gives the value. */
	String sql() {
		return switch (this) {
			case AGE -> "extract(year from age(cast(:today as date), pp.birth_date))::int";
			case AGE_BAND -> AgeBand.sql("extract(year from age(cast(:today as date), pp.birth_date))::int");
			default -> this.column;
		};
	}

	static Attribute ofWord(String word) {
		for (Attribute attribute : values()) {
			if (attribute.word().equals(word)) {
				return attribute;
			}
		}
		return null;
	}

}
