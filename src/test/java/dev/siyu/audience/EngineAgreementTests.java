package dev.siyu.audience;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import dev.siyu.SiyuApplication;
import dev.siyu.audience.Expression.And;
import dev.siyu.audience.Expression.BoughtOn;
import dev.siyu.audience.Expression.Compare;
import dev.siyu.audience.Expression.DaysSinceLastOrder;
import dev.siyu.audience.Expression.FilterKind;
import dev.siyu.audience.Expression.HasTag;
import dev.siyu.audience.Expression.Not;
import dev.siyu.audience.Expression.OneOf;
import dev.siyu.audience.Expression.Or;
import dev.siyu.audience.Expression.OrderFilter;
import dev.siyu.audience.Expression.OrderMetric;
import dev.siyu.audience.Expression.Orders;
import dev.siyu.audience.Expression.Reachable;
import dev.siyu.tags.TagCatalog;
import dev.siyu.tags.Tagging;
import dev.siyu.tenant.Tenants;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random expressions over a random world of persons give the same members in the bitmap
 * engine and in the SQL engine, and survive the trip through text and JSON.
 */
class EngineAgreementTests {

	private static ConfigurableApplicationContext context;

	private static Segments segments;

	private static long scope;

	@BeforeContainer
	static void world() {
		String run = System.getProperty("siyu.test.run", "local");
		context = new SpringApplicationBuilder(SiyuApplication.class).web(WebApplicationType.NONE)
			.run("--siyu.data-dir=target/test-data/" + run + "-engines", "--siyu.embedded.shared-buffers=64MB",
					"--logging.level.root=WARN");
		segments = context.getBean(Segments.class);
		scope = context.getBean(Tenants.class)
			.create("engines-" + UUID.randomUUID().toString().substring(0, 8), null)
			.tenant()
			.id()
			.value();
		new TransactionTemplate(context.getBean(PlatformTransactionManager.class))
			.executeWithoutResult(status -> PersonWorld.create(scope, 400, 42,
					context.getBean(BitmapIndexes.class).today(), context.getBean(JdbcClient.class),
					context.getBean(TagCatalog.class), context.getBean(Tagging.class)));
	}

	@AfterContainer
	static void close() {
		if (context != null) {
			context.close();
		}
	}

	@Property(tries = 200)
	void bothEnginesFindTheSameMembers(@ForAll("expressions") Expression expression) {
		List<Long> bitmap = segments.page(scope, expression, Engine.BITMAP, 0, 10_000);
		List<Long> sql = segments.page(scope, expression, Engine.SQL, 0, 10_000);
		assertThat(bitmap).as(Expressions.toText(expression)).isEqualTo(sql);
		assertThat(segments.count(scope, expression, Engine.BITMAP).count()).isEqualTo(sql.size());
	}

	@Property(tries = 300)
	void textAndJsonFormsReadBackToTheSameExpression(@ForAll("expressions") Expression expression) {
		String text = Expressions.toText(expression);
		assertThat(Expressions.toText(Expressions.parse(text))).isEqualTo(text);
		assertThat(Expressions.toText(Expressions.fromJson(Expressions.toJson(expression)))).isEqualTo(text);
	}

	@Provide
	Arbitrary<Expression> expressions() {
		return Arbitraries.integers().between(0, 3).flatMap(EngineAgreementTests::expression);
	}

	private static Arbitrary<Expression> expression(int depth) {
		if (depth == 0) {
			return leaf();
		}
		Arbitrary<Expression> inner = expression(depth - 1);
		return Arbitraries.oneOf(inner.list().ofMinSize(2).ofMaxSize(4).map(And::new),
				inner.list().ofMinSize(2).ofMaxSize(3).map(Or::new), inner.map(Not::new), inner);
	}

	private static Arbitrary<Expression> leaf() {
		return Arbitraries.oneOf(Arbitraries.of(PersonWorld.TAGS).map(HasTag::new),
				Arbitraries.of(Reach.class).map(Reachable::new), text(), number(),
				Arbitraries.of(PersonWorld.PLATFORMS)
					.list()
					.ofMinSize(1)
					.ofMaxSize(2)
					.uniqueElements()
					.map(BoughtOn::new),
				orders(), daysSinceLastOrder());
	}

	private static Arbitrary<Expression> text() {
		return Arbitraries.oneOf(values(Attribute.CITY, PersonWorld.CITIES),
				values(Attribute.PROVINCE, PersonWorld.PROVINCES), values(Attribute.TIER, PersonWorld.TIERS),
				values(Attribute.LIFECYCLE, PersonWorld.STAGES), values(Attribute.GENDER, List.of("female", "male")),
				values(Attribute.AGE_BAND, AgeBand.names()));
	}

	private static Arbitrary<Expression> values(Attribute attribute, List<String> values) {
		return Arbitraries.of(values)
			.list()
			.ofMinSize(1)
			.ofMaxSize(2)
			.uniqueElements()
			.map(v -> new OneOf(attribute, v));
	}

	private static Arbitrary<Expression> number() {
		Arbitrary<Comparison> ops = Arbitraries.of(Comparison.class);
		return Arbitraries.oneOf(
				Combinators
					.combine(
							Arbitraries.of(Attribute.AGE, Attribute.R_SCORE, Attribute.F_SCORE, Attribute.M_SCORE,
									Attribute.RECENCY_DAYS, Attribute.FREQUENCY),
							ops, Arbitraries.integers().between(-1, 80))
					.as((attribute, op, value) -> new Compare(attribute, op, BigDecimal.valueOf(value))),
				Combinators
					.combine(Arbitraries.of(Attribute.MONETARY, Attribute.CLV), ops,
							Arbitraries.integers().between(0, 2_000_000))
					.as((attribute, op, cents) -> new Compare(attribute, op,
							BigDecimal.valueOf(cents, 2).stripTrailingZeros())),
				Combinators.combine(ops, Arbitraries.integers().between(0, 100))
					.as((op, hundredths) -> new Compare(Attribute.P_ALIVE, op,
							BigDecimal.valueOf(hundredths, 2).stripTrailingZeros())));
	}

	private static Arbitrary<Expression> orders() {
		Arbitrary<Integer> days = Arbitraries.of(1, 7, 30, 90, 365, 1000).injectNull(0.3);
		Arbitrary<OrderFilter> filters = Arbitraries
			.oneOf(Arbitraries.of(PersonWorld.SKUS).map(sku -> new OrderFilter(FilterKind.SKU, sku)),
					Arbitraries.of(PersonWorld.CATEGORIES).map(c -> new OrderFilter(FilterKind.CATEGORY, c)),
					Arbitraries.of(PersonWorld.PLATFORMS).map(p -> new OrderFilter(FilterKind.PLATFORM, p)))
			.injectNull(0.5);
		return Arbitraries.oneOf(
				Combinators
					.combine(days, filters, Arbitraries.of(Comparison.class), Arbitraries.integers().between(0, 4))
					.as((d, f, op, n) -> new Orders(OrderMetric.COUNT, d, f, op, BigDecimal.valueOf(n))),
				Combinators
					.combine(days, filters, Arbitraries.of(Comparison.class),
							Arbitraries.integers().between(0, 200_000))
					.as((d, f, op, cents) -> new Orders(OrderMetric.AMOUNT, d, f, op,
							BigDecimal.valueOf(cents, 2).stripTrailingZeros())));
	}

	private static Arbitrary<Expression> daysSinceLastOrder() {
		return Combinators.combine(Arbitraries.of(Comparison.class), Arbitraries.integers().between(0, 500))
			.as((op, days) -> new DaysSinceLastOrder(op, days));
	}

}
