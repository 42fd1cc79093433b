package dev.siyu.audience;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import dev.siyu.audience.Expression.And;
import dev.siyu.audience.Expression.BoughtOn;
import dev.siyu.audience.Expression.FilterKind;
import dev.siyu.audience.Expression.HasTag;
import dev.siyu.audience.Expression.Not;
import dev.siyu.audience.Expression.Or;
import dev.siyu.audience.Expression.OrderFilter;
import dev.siyu.audience.Expression.OrderMetric;
import dev.siyu.audience.Expression.Reachable;
import dev.siyu.audience.Tokens.Token;
import dev.siyu.audience.Tokens.Type;

/** Reads the text form of an expression by recursive descent. */
final class TextParser {

	private static final String KNOWN = "tag('...'), platform, orders.count(...), orders.amount(...), "
			+ "orders.days_since_last, bought.sku('...'), bought.category('...'), the reach flags wecom_friend, "
			+ "in_group, official_account, sms_consent, opted_out, and the attributes gender, age, age_band, "
			+ "province, city, tier, lifecycle, rfm_class, r_score, f_score, m_score, recency_days, frequency, "
			+ "monetary, clv, p_alive";

	private final List<Token> tokens;

	private int next;

	private TextParser(String text) {
		this.tokens = Tokens.of(text);
	}

	static Expression parse(String text) {
		if (text == null || text.isBlank()) {
			throw AudienceSyntaxException.atColumn(0, "the expression is empty");
		}
		TextParser parser = new TextParser(text);
		Expression expression = parser.or();
		Token rest = parser.peek();
		if (rest.type() != Type.END) {
			throw AudienceSyntaxException.atColumn(rest.offset(),
					"expected 'and', 'or' or the end, found " + rest.shown());
		}
		return expression;
	}

	private Expression or() {
		List<Expression> parts = new ArrayList<>(List.of(and()));
		while (peek().is("or")) {
			this.next++;
			parts.add(and());
		}
		return (parts.size() == 1) ? parts.get(0) : new Or(parts);
	}

	private Expression and() {
		List<Expression> parts = new ArrayList<>(List.of(unary()));
		while (peek().is("and")) {
			this.next++;
			parts.add(unary());
		}
		return (parts.size() == 1) ? parts.get(0) : new And(parts);
	}

	private Expression unary() {
		if (peek().is("not")) {
			this.next++;
			return new Not(unary());
		}
		if (peek().is("(")) {
			this.next++;
			Expression inner = or();
			expect(")", "to close the parenthesis");
			return inner;
		}
		return predicate();
	}

	private Expression predicate() {
		Token word = take();
		if (word.type() != Type.WORD) {
			throw AudienceSyntaxException.atColumn(word.offset(),
					"expected a condition, found " + word.shown() + "; a condition starts with one of " + KNOWN);
		}
		String name = word.text().toLowerCase(java.util.Locale.ROOT);
		try {
			return switch (name) {
				case "tag" -> tag();
				case "platform" -> platform();
				case "orders.count" -> orders(OrderMetric.COUNT, word);
				case "orders.amount" -> orders(OrderMetric.AMOUNT, word);
				case "orders.days_since_last" -> Leaves.daysSinceLastOrder(comparisonAfter(word), number());
				case "bought.sku" -> bought(FilterKind.SKU);
				case "bought.category" -> bought(FilterKind.CATEGORY);
				default -> attributeOrReach(word, name);
			};
		}
		catch (AudienceSyntaxException ex) {
			throw ex;
		}
		catch (IllegalArgumentException ex) {
			throw AudienceSyntaxException.atColumn(word.offset(), ex.getMessage());
		}
	}

	private Expression tag() {
		expect("(", "after tag");
		String name = string("a tag name in quotes");
		expect(")", "after the tag name");
		return new HasTag(name);
	}

	private Expression platform() {
		Token op = take();
		if (op.is("=")) {
			return new BoughtOn(List.of(string("a platform in quotes")));
		}
		if (op.is("!=")) {
			return new Not(new BoughtOn(List.of(string("a platform in quotes"))));
		}
		if (op.is("in")) {
			return new BoughtOn(list());
		}
		if (op.is("not") && peek().is("in")) {
			this.next++;
			return new Not(new BoughtOn(list()));
		}
		throw AudienceSyntaxException.atColumn(op.offset(), "expected =, != or in after platform, found " + op.shown());
	}

	private Expression orders(OrderMetric metric, Token word) {
		expect("(", "after " + word.text());
		Integer days = null;
		OrderFilter filter = null;
		if (!peek().is(")")) {
			if (peek().is("last")) {
				this.next++;
				days = window();
			}
			else if (peek().is("all")) {
				this.next++;
			}
			else {
				filter = filter();
			}
			if (filter == null && peek().is(",")) {
				this.next++;
				filter = filter();
			}
		}
		expect(")", "to close " + word.text() + "(");
		Comparison op = comparisonAfter(word);
		return Leaves.orders(metric, days, filter, op, number());
	}

	private OrderFilter filter() {
		Token kind = take();
		FilterKind filterKind = null;
		for (FilterKind candidate : FilterKind.values()) {
			if (kind.is(candidate.word())) {
				filterKind = candidate;
			}
		}
		if (filterKind == null) {
			throw AudienceSyntaxException.atColumn(kind.offset(),
					"expected last N d, all, sku = '...', category = '...' or platform = '...', found " + kind.shown());
		}
		expect("=", "after " + kind.text());
		return new OrderFilter(filterKind, string("a " + filterKind.word() + " in quotes"));
	}

	private Expression bought(FilterKind kind) {
		expect("(", "after bought." + kind.word());
		OrderFilter filter = new OrderFilter(kind, string("a " + kind.word() + " in quotes"));
		Integer days = null;
		if (peek().is(",")) {
			this.next++;
			expect("last", "after the comma");
			days = window();
		}
		expect(")", "to close bought." + kind.word() + "(");
		return Leaves.orders(OrderMetric.COUNT, days, filter, Comparison.GE, BigDecimal.ONE);
	}

	private Expression attributeOrReach(Token word, String name) {
		Reach reach = Reach.ofWord(name);
		if (reach != null) {
			return new Reachable(reach);
		}
		Attribute attribute = Attribute.ofWord(name);
		if (attribute == null) {
			throw AudienceSyntaxException.atColumn(word.offset(),
					"unknown condition '" + word.text() + "'; known: " + KNOWN);
		}
		Token op = peek();
		if (attribute.kind() == Attribute.Kind.TEXT) {
			this.next++;
			if (op.is("=")) {
				return Leaves.oneOf(attribute, List.of(string("a value in quotes")));
			}
			if (op.is("!=")) {
				return new Not(Leaves.oneOf(attribute, List.of(string("a value in quotes"))));
			}
			if (op.is("in")) {
				return Leaves.oneOf(attribute, list());
			}
			if (op.is("not") && peek().is("in")) {
				this.next++;
				return new Not(Leaves.oneOf(attribute, list()));
			}
			throw AudienceSyntaxException.atColumn(op.offset(),
					"expected =, !=, in or not in after " + word.text() + ", found " + op.shown());
		}
		if (op.is("!=")) {
			this.next++;
			return new Not(Leaves.compare(attribute, Comparison.EQ, number()));
		}
		Comparison comparison = comparisonAfter(word);
		return Leaves.compare(attribute, comparison, number());
	}

	private Comparison comparisonAfter(Token word) {
		Token op = take();
		Comparison comparison = (op.type() == Type.SYMBOL) ? Comparison.ofSymbol(op.text()) : null;
		if (comparison == null) {
			throw AudienceSyntaxException.atColumn(op.offset(),
					"expected a comparison (>=, >, =, <, <=) after " + word.text() + ", found " + op.shown());
		}
		return comparison;
	}

	private int window() {
		Token duration = take();
		if (duration.type() != Type.DURATION) {
			throw AudienceSyntaxException.atColumn(duration.offset(),
					"expected a window such as 90d after last, found " + duration.shown());
		}
		try {
			return Leaves.windowDays(duration.text());
		}
		catch (IllegalArgumentException ex) {
			throw AudienceSyntaxException.atColumn(duration.offset(), ex.getMessage());
		}
	}

	private List<String> list() {
		expect("(", "to open the list of values");
		List<String> values = new ArrayList<>(List.of(string("a value in quotes")));
		while (peek().is(",")) {
			this.next++;
			values.add(string("a value in quotes"));
		}
		expect(")", "to close the list of values");
		return values;
	}

	private BigDecimal number() {
		Token number = take();
		if (number.type() != Type.NUMBER) {
			throw AudienceSyntaxException.atColumn(number.offset(), "expected a number, found " + number.shown());
		}
		try {
			return new BigDecimal(number.text());
		}
		catch (NumberFormatException ex) {
			throw AudienceSyntaxException.atColumn(number.offset(), "'" + number.text() + "' is not a number");
		}
	}

	private String string(String what) {
		Token token = take();
		if (token.type() != Type.STRING) {
			throw AudienceSyntaxException.atColumn(token.offset(), "expected " + what + ", found " + token.shown());
		}
		return token.text();
	}

	private void expect(String symbol, String why) {
		Token token = take();
		if (!token.is(symbol)) {
			throw AudienceSyntaxException.atColumn(token.offset(),
					"expected '" + symbol + "' " + why + ", found " + token.shown());
		}
	}

	private Token peek() {
		return this.tokens.get(this.next);
	}

	private Token take() {
		Token token = this.tokens.get(this.next);
		if (token.type() != Type.END) {
			this.next++;
		}
		return token;
	}

}
