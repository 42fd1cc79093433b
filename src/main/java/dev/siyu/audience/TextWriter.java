package dev.siyu.audience;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

import dev.siyu.audience.Expression.And;
import dev.siyu.audience.Expression.BoughtOn;
import dev.siyu.audience.Expression.Compare;
import dev.siyu.audience.Expression.DaysSinceLastOrder;
import dev.siyu.audience.Expression.HasTag;
import dev.siyu.audience.Expression.Not;
import dev.siyu.audience.Expression.OneOf;
import dev.siyu.audience.Expression.Or;
import dev.siyu.audience.Expression.Orders;
import dev.siyu.audience.Expression.Reachable;

/** The canonical text of an expression: parsing it gives the same tree back. */
final class TextWriter {

	private TextWriter() {
	}

	static String write(Expression expression) {
		return expression.accept(new Writer());
	}

	private static final class Writer implements Expression.Visitor<String> {

		@Override
		public String and(And and) {
			return and.parts().stream().map(part -> inside(part, true)).collect(Collectors.joining(" and "));
		}

		@Override
		public String or(Or or) {
			return or.parts().stream().map(part -> inside(part, false)).collect(Collectors.joining(" or "));
		}

		@Override
		public String not(Not not) {
			return "not " + inside(not.part(), true);
		}

		@Override
		public String tag(HasTag tag) {
			return "tag(" + quoted(tag.name()) + ")";
		}

		@Override
		public String reach(Reachable reachable) {
			return reachable.reach().word();
		}

		@Override
		public String oneOf(OneOf oneOf) {
			return oneOf.attribute().word() + " in " + list(oneOf.values());
		}

		@Override
		public String compare(Compare compare) {
			return compare.attribute().word() + " " + compare.op().symbol() + " " + number(compare.value());
		}

		@Override
		public String boughtOn(BoughtOn on) {
			return "platform in " + list(on.platforms());
		}

		@Override
		public String orders(Orders orders) {
			return "orders." + orders.metric().word() + "(" + window(orders) + ") " + orders.op().symbol() + " "
					+ number(orders.value());
		}

		@Override
		public String daysSinceLastOrder(DaysSinceLastOrder days) {
			return "orders.days_since_last " + days.op().symbol() + " " + days.days();
		}

	}

	private static String window(Orders orders) {
		String window = (orders.days() != null) ? "last " + orders.days() + "d" : "all";
		if (orders.filter() != null) {
			window += ", " + orders.filter().kind().word() + " = " + quoted(orders.filter().value());
		}
		return window;
	}

	/** Parenthesised when the part binds looser than where it stands. */
	private static String inside(Expression part, boolean inAndOrNot) {
		boolean loose = part instanceof Or || (inAndOrNot && part instanceof And);
		return loose ? "(" + write(part) + ")" : write(part);
	}

	private static String list(List<String> values) {
		return values.stream().map(TextWriter::quoted).collect(Collectors.joining(", ", "(", ")"));
	}

	private static String number(BigDecimal value) {
		return value.stripTrailingZeros().toPlainString();
	}

	static String quoted(String value) {
		return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
	}

}
