package dev.siyu.audience;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.siyu.audience.Expression.And;
import dev.siyu.audience.Expression.BoughtOn;
import dev.siyu.audience.Expression.Compare;
import dev.siyu.audience.Expression.DaysSinceLastOrder;
import dev.siyu.audience.Expression.HasTag;
import dev.siyu.audience.Expression.Not;
import dev.siyu.audience.Expression.OneOf;
import dev.siyu.audience.Expression.Or;
import dev.siyu.audience.Expression.OrderMetric;
import dev.siyu.audience.Expression.Orders;
import dev.siyu.audience.Expression.Reachable;

/**
 * An expression compiled to a PostgreSQL condition on person p with its profile pp, score
 * ps and reach pr. Every leaf is made two-valued (coalesce to false), so that not means
 * what it means in the bitmap engine.
 */
final class SqlCompilation implements Expression.Visitor<String> {

	static final String FROM = """
			person p
			left join person_profile pp on pp.person_id = p.id
			left join person_score ps on ps.person_id = p.id
			left join person_reach pr on pr.person_id = p.id""";

	final Map<String, Object> params = new LinkedHashMap<>();

	private final Function<String, Long> tagIds;

	SqlCompilation(long scope, java.time.LocalDate today, Function<String, Long> tagIds) {
		this.tagIds = tagIds;
		this.params.put("scope", scope);
		this.params.put("today", today);
	}

	/** The where clause selecting the members. */
	String where(Expression expression) {
		return "p.tenant_id = :scope and p.merged_into is null and (" + expression.accept(this) + ")";
	}

	private String param(Object value) {
		String name = "v" + this.params.size();
		this.params.put(name, value);
		return ":" + name;
	}

	private String params(List<String> values) {
		return values.stream().map(this::param).collect(Collectors.joining(", "));
	}

	@Override
	public String and(And and) {
		return and.parts().stream().map(part -> "(" + part.accept(this) + ")").collect(Collectors.joining(" and "));
	}

	@Override
	public String or(Or or) {
		return or.parts().stream().map(part -> "(" + part.accept(this) + ")").collect(Collectors.joining(" or "));
	}

	@Override
	public String not(Not not) {
		return "not (" + not.part().accept(this) + ")";
	}

	@Override
	public String tag(HasTag tag) {
		long id = this.tagIds.apply(tag.name());
		return "exists (select 1 from person_tag t where t.tag_id = " + id + " and t.person_id = p.id)";
	}

	@Override
	public String reach(Reachable reachable) {
		return "coalesce(pr." + reachable.reach().column() + ", false)";
	}

	@Override
	public String oneOf(OneOf oneOf) {
		return "coalesce((" + oneOf.attribute().sql() + ") in (" + params(oneOf.values()) + "), false)";
	}

	@Override
	public String compare(Compare compare) {
		String column = compare.attribute().sql();
		String value = "(case when " + column + " < 0 then 0 else " + column + " end)";
		if (compare.attribute().kind() == Attribute.Kind.REAL) {
			return "coalesce(cast(" + value + " as float8) " + compare.op().symbol() + " cast("
					+ param(compare.value().doubleValue()) + " as float8), false)";
		}
		return "coalesce(" + value + " " + compare.op().symbol() + " " + param(compare.value()) + ", false)";
	}

	@Override
	public String boughtOn(BoughtOn boughtOn) {
		return "exists (select 1 from " + OrderSql.FROM + " where a.person_id = p.id and " + OrderSql.VALID
				+ " and o.platform in (" + params(boughtOn.platforms()) + "))";
	}

	@Override
	public String orders(Orders orders) {
		String value = (orders.metric() == OrderMetric.COUNT) ? "count(*)" : "sum(" + OrderSql.NET_AMOUNT + ")";
		String conditions = OrderSql.conditions(orders.days(), orders.filter(), this.params);
		return "coalesce((select " + value + " from " + OrderSql.FROM + " where a.person_id = p.id and " + conditions
				+ "), 0) " + orders.op().symbol() + " " + param(orders.value());
	}

	@Override
	public String daysSinceLastOrder(DaysSinceLastOrder days) {
		return "coalesce(cast(:today as date) - (select max(" + OrderSql.DAY + ") from " + OrderSql.FROM
				+ " where a.person_id = p.id and " + OrderSql.VALID + ") " + days.op().symbol() + " "
				+ param(days.days()) + ", false)";
	}

}
