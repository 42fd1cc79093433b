package dev.siyu.audience;

import java.math.BigDecimal;
import java.util.List;

import dev.siyu.audience.Expression.And;
import dev.siyu.audience.Expression.BoughtOn;
import dev.siyu.audience.Expression.FilterKind;
import dev.siyu.audience.Expression.HasTag;
import dev.siyu.audience.Expression.Not;
import dev.siyu.audience.Expression.OneOf;
import dev.siyu.audience.Expression.Or;
import dev.siyu.audience.Expression.OrderFilter;
import dev.siyu.audience.Expression.OrderMetric;
import dev.siyu.audience.Expression.Orders;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExpressionLanguageTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	@Test
	void readsTheIssuesFirstExample() {
		Expression expression = Expressions.parse("tag('高净值') and platform in ('tmall','douyin') and "
				+ "orders.count(last 90d) >= 2 and not tag('已流失') and city = '杭州'");

		assertThat(expression).isEqualTo(new And(List.of(new HasTag("高净值"), new BoughtOn(List.of("tmall", "douyin")),
				new Orders(OrderMetric.COUNT, 90, null, Comparison.GE, new BigDecimal("2")), new Not(new HasTag("已流失")),
				new OneOf(Attribute.CITY, List.of("杭州")))));
	}

	@Test
	void andBindsTighterThanOrAndParenthesesGroup() {
		Expression expression = Expressions
			.parse("(orders.amount(last 365d) >= 1000 or tier = 'gold') and not orders.count(last 30d) >= 1");

		assertThat(expression).isInstanceOf(And.class);
		assertThat(((And) expression).parts().get(0)).isInstanceOf(Or.class);
		assertThat(Expressions.toText(expression))
			.isEqualTo("(orders.amount(last 365d) >= 1000 or tier in ('gold')) and not orders.count(last 30d) >= 1");
		assertThat(Expressions.parse("tag('a') or tag('b') and tag('c')")).isInstanceOf(Or.class);
	}

	@Test
	void boughtIsACountOfOrdersWithTheSkuOrCategory() {
		assertThat(Expressions.parse("bought.sku('A1', last 4w)")).isEqualTo(new Orders(OrderMetric.COUNT, 28,
				new OrderFilter(FilterKind.SKU, "A1"), Comparison.GE, BigDecimal.ONE));
		assertThat(Expressions.parse("orders.count(all, sku = 'Y') >= 3")).isEqualTo(new Orders(OrderMetric.COUNT, null,
				new OrderFilter(FilterKind.SKU, "Y"), Comparison.GE, new BigDecimal("3")));
	}

	@Test
	void inequalityAndNotInAreNegations() {
		assertThat(Expressions.parse("city != '杭州'")).isEqualTo(new Not(new OneOf(Attribute.CITY, List.of("杭州"))));
		assertThat(Expressions.parse("platform not in ('jd')")).isEqualTo(new Not(new BoughtOn(List.of("jd"))));
	}

	@Test
	void theJsonTreeIsEquivalentToTheText() {
		String text = "tag('高净值') and (clv >= 1000.5 or p_alive > 0.3) and orders.count(last 90d, category = '面霜') >= 2"
				+ " and orders.days_since_last <= 30 and wecom_friend and age_band in ('25-29', '30-34')";
		Expression expression = Expressions.parse(text);
		String tree = json.writeValueAsString(Expressions.toJson(expression));

		assertThat(Expressions.fromJson(json.readTree(tree))).isEqualTo(expression);
		assertThat(tree).contains("{\"orders\":\"count\",\"last\":90,\"category\":\"面霜\",\"op\":\">=\",\"value\":2}");
	}

	@Test
	void aSyntaxErrorSaysWhereAndWhy() {
		assertThatThrownBy(() -> Expressions.parse("tag('a') and orders.count(last 90d) >= "))
			.hasMessage("at column 40: expected a number, found the end");
		assertThatThrownBy(() -> Expressions.parse("tag('a' and city = 'x'"))
			.hasMessage("at column 9: expected ')' after the tag name, found 'and'");
		assertThatThrownBy(() -> Expressions.parse("cty = '杭州'"))
			.hasMessageStartingWith("at column 1: unknown condition 'cty'");
		assertThatThrownBy(() -> Expressions.parse("tag('a') tag('b')"))
			.hasMessage("at column 10: expected 'and', 'or' or the end, found 'tag'");
		assertThatThrownBy(() -> Expressions.parse("city = '杭州"))
			.hasMessage("at column 8: the text starting here has no closing '");
		assertThatThrownBy(() -> Expressions.parse("orders.count(last 90x) >= 1"))
			.hasMessageContaining("at column 19: a window is a number of days, weeks or years");
		assertThatThrownBy(() -> Expressions.parse("")).hasMessage("at column 1: the expression is empty");
	}

	@Test
	void valuesAreChecked() {
		assertThatThrownBy(() -> Expressions.parse("gender = 'f'"))
			.hasMessage("at column 1: gender is 'female' or 'male', not 'f'");
		assertThatThrownBy(() -> Expressions.parse("orders.count(last 90d) >= 1.5"))
			.hasMessage("at column 1: orders.count is a whole number, got 1.5");
		assertThatThrownBy(() -> Expressions.parse("clv >= 10.005"))
			.hasMessage("at column 1: clv is money: at most two decimals, got 10.005");
		assertThatThrownBy(() -> Expressions.parse("city >= 3"))
			.hasMessageContaining("at column 6: expected =, !=, in or not in after city");
		assertThatThrownBy(() -> Expressions.parse("orders.count(last 5000d) >= 1"))
			.hasMessage("at column 1: a window is 1 to 3650 days, got 5000");
	}

	@Test
	void aJsonErrorNamesThePath() {
		assertThatThrownBy(
				() -> Expressions.fromJson(json.readTree("{\"and\": [{\"tag\": \"a\"}, {\"attribute\": \"clv\"}]}")))
			.hasMessage("at $.and[1]: op must be a string");
		assertThatThrownBy(() -> Expressions.fromJson(json.readTree("{\"or\": [{\"tagg\": \"a\"}]}")))
			.hasMessageStartingWith("at $.or[0]: expected one of the keys");
		assertThatThrownBy(() -> Expressions.fromJson(json.readTree("{\"not\": {\"reach\": \"pigeon\"}}")))
			.hasMessageStartingWith("at $.not: reach is one of");
	}

}
