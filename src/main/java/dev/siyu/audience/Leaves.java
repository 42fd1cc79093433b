package dev.siyu.audience;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import dev.siyu.audience.Expression.Compare;
import dev.siyu.audience.Expression.DaysSinceLastOrder;
import dev.siyu.audience.Expression.OneOf;
import dev.siyu.audience.Expression.OrderFilter;
import dev.siyu.audience.Expression.OrderMetric;
import dev.siyu.audience.Expression.Orders;

/**
 * Builds leaves from values the text or the JSON tree gave, checking them; a bad value
 * raises {@link IllegalArgumentException} saying why (the reader adds where).
 */
final class Leaves {

	static final int MAX_WINDOW_DAYS = 3650;

	private static final BigDecimal maxNumber = new BigDecimal("100000000000");

	private static final Set<String> genders = Set.of("female", "male");

	private Leaves() {
	}

	static Expression oneOf(Attribute attribute, List<String> values) {
		if (attribute.kind() != Attribute.Kind.TEXT) {
			throw new IllegalArgumentException(attribute.word() + " is a number: compare it with >=, >, =, <, <=");
		}
		if (values.isEmpty()) {
			throw new IllegalArgumentException("a list of values needs at least one value");
		}
		for (String value : values) {
			if (attribute == Attribute.GENDER && !genders.contains(value)) {
				throw new IllegalArgumentException("gender is 'female' or 'male', not '" + value + "'");
			}
			if (attribute == Attribute.AGE_BAND && !AgeBand.names().contains(value)) {
				throw new IllegalArgumentException("age_band is one of " + AgeBand.names() + ", not '" + value + "'");
			}
		}
		return new OneOf(attribute, values);
	}

	static Expression compare(Attribute attribute, Comparison op, BigDecimal value) {
		if (attribute.kind() == Attribute.Kind.TEXT) {
			throw new IllegalArgumentException(
					attribute.word() + " is text: use = 'value', != 'value' or in ('a', 'b')");
		}
		checkRange(value);
		if (attribute.kind() == Attribute.Kind.INTEGER) {
			whole(value, attribute.word());
		}
		if (attribute.kind() == Attribute.Kind.MONEY && value.stripTrailingZeros().scale() > 2) {
			throw new IllegalArgumentException(attribute.word() + " is money: at most two decimals, got " + value);
		}
		return new Compare(attribute, op, value);
	}

	static Expression orders(OrderMetric metric, Integer days, OrderFilter filter, Comparison op, BigDecimal value) {
		if (days != null && (days < 1 || days > MAX_WINDOW_DAYS)) {
			throw new IllegalArgumentException("a window is 1 to " + MAX_WINDOW_DAYS + " days, got " + days);
		}
		if (filter != null && filter.value().isEmpty()) {
			throw new IllegalArgumentException("an order filter needs a value");
		}
		checkRange(value);
		if (metric == OrderMetric.COUNT) {
			whole(value, "orders.count");
		}
		else if (value.stripTrailingZeros().scale() > 2) {
			throw new IllegalArgumentException("orders.amount is money: at most two decimals, got " + value);
		}
		return new Orders(metric, days, filter, op, value);
	}

	static Expression daysSinceLastOrder(Comparison op, BigDecimal value) {
		checkRange(value);
		whole(value, "orders.days_since_last");
		return new DaysSinceLastOrder(op, value.longValueExact());
	}

	static int windowDays(String duration) {
		char unit = duration.charAt(duration.length() - 1);
		String number = duration.substring(0, duration.length() - 1);
		int factor = switch (unit) {
			case 'd' -> 1;
			case 'w' -> 7;
			case 'y' -> 365;
			default -> throw new IllegalArgumentException(
					"a window is a number of days, weeks or years such as 90d, 4w or 1y, not " + duration);
		};
		try {
			return Math.multiplyExact(Integer.parseInt(number), factor);
		}
		catch (NumberFormatException | ArithmeticException ex) {
			throw new IllegalArgumentException("a window is a whole number of days, weeks or years, not " + duration);
		}
	}

	private static void checkRange(BigDecimal value) {
		if (value.abs().compareTo(maxNumber) > 0) {
			throw new IllegalArgumentException("the number " + value.toPlainString() + " is too large");
		}
	}

	private static void whole(BigDecimal value, String what) {
		if (value.stripTrailingZeros().scale() > 0) {
			throw new IllegalArgumentException(what + " is a whole number, got " + value.toPlainString());
		}
	}

}
