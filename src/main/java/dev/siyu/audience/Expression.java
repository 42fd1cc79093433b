package dev.siyu.audience;

import java.math.BigDecimal;
import java.util.List;

/**
 * An audience expression: who is in. Both engines evaluate the same tree; every leaf is
 * two-valued (a person without the attribute does not match it, and does match its
 * negation).
 */
public sealed interface Expression {

	<R> R accept(Visitor<R> visitor);

	/** What to do with each kind of condition. */
	interface Visitor<R> {

		R and(And and);

		R or(Or or);

		R not(Not not);

		R tag(HasTag tag);

		R reach(Reachable reachable);

		R oneOf(OneOf oneOf);

		R compare(Compare compare);

		R boughtOn(BoughtOn boughtOn);

		R orders(Orders orders);

		R daysSinceLastOrder(DaysSinceLastOrder days);

	}

	/** Every part holds. */
	record And(List<Expression> parts) implements Expression {

		@Override
		public <R> R accept(Visitor<R> visitor) {
			return visitor.and(this);
		}

		public And {
			parts = List.copyOf(parts);
		}

	}

	/** At least one part holds. */
	record Or(List<Expression> parts) implements Expression {

		@Override
		public <R> R accept(Visitor<R> visitor) {
			return visitor.or(this);
		}

		public Or {
			parts = List.copyOf(parts);
		}

	}

	/** The part does not hold. */
	record Not(Expression part) implements Expression {

		@Override
		public <R> R accept(Visitor<R> visitor) {
			return visitor.not(this);
		}

	}

	/** The person carries the tag. */
	record HasTag(String name) implements Expression {

		@Override
		public <R> R accept(Visitor<R> visitor) {
			return visitor.tag(this);
		}

	}

	/** The person can be reached this way, or opted out. */
	record Reachable(Reach reach) implements Expression {

		@Override
		public <R> R accept(Visitor<R> visitor) {
			return visitor.reach(this);
		}

	}

	/** A text attribute has one of the values. */
	record OneOf(Attribute attribute, List<String> values) implements Expression {

		@Override
		public <R> R accept(Visitor<R> visitor) {
			return visitor.oneOf(this);
		}

		public OneOf {
			values = List.copyOf(values);
		}

	}

	/** A numeric attribute compared with a constant. */
	record Compare(Attribute attribute, Comparison op, BigDecimal value) implements Expression {

		@Override
		public <R> R accept(Visitor<R> visitor) {
			return visitor.compare(this);
		}

	}

	/** The person has bought on one of these platforms. */
	record BoughtOn(List<String> platforms) implements Expression {

		@Override
		public <R> R accept(Visitor<R> visitor) {
			return visitor.boughtOn(this);
		}

		public BoughtOn {
			platforms = List.copyOf(platforms);
		}

	}

	/**
	 * The count or net amount of the person's orders within the last {@code days} days
	 * (all time when null), optionally only orders with an item of a SKU or category, or
	 * on a platform, compared with a constant. A person without such orders has 0.
	 */
	record Orders(OrderMetric metric, Integer days, OrderFilter filter, Comparison op,
			BigDecimal value) implements Expression {

		@Override
		public <R> R accept(Visitor<R> visitor) {
			return visitor.orders(this);
		}

	}

	/** Days since the person's last order; a person who never ordered does not match. */
	record DaysSinceLastOrder(Comparison op, long days) implements Expression {

		@Override
		public <R> R accept(Visitor<R> visitor) {
			return visitor.daysSinceLastOrder(this);
		}

	}

	/** Which orders an aggregate counts. */
	record OrderFilter(FilterKind kind, String value) {

	}

	enum FilterKind {

		SKU, CATEGORY, PLATFORM;

		String word() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

	enum OrderMetric {

		COUNT, AMOUNT;

		String word() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

}
