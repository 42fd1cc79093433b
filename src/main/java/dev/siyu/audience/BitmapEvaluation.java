package dev.siyu.audience;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

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
import org.roaringbitmap.FastAggregation;
import org.roaringbitmap.RoaringBitmap;

/**
 * An expression as bitmap algebra over one index: and, or and not of the leaves' bitmaps,
 * numeric comparisons over bit slices. The index's bitmaps are never changed; the caller
 * holds the index's read lock.
 */
final class BitmapEvaluation implements Expression.Visitor<RoaringBitmap> {

	private static final RoaringBitmap EMPTY = new RoaringBitmap();

	private final TenantIndex index;

	private final Function<String, Long> tagIds;

	private final OrderFactsSource orders;

	/** Where order facts come from: loaded once per index, per aggregate on first use. */
	interface OrderFactsSource {

		TenantIndex.OrderFacts facts(TenantIndex index);

		NumericSlices aggregate(TenantIndex index, TenantIndex.AggregateKey key);

	}

	BitmapEvaluation(TenantIndex index, Function<String, Long> tagIds, OrderFactsSource orders) {
		this.index = index;
		this.tagIds = tagIds;
		this.orders = orders;
	}

	/** Persons a numeric comparison may be restricted to: the other parts of its and. */
	private RoaringBitmap within;

	/** The persons who are in: always active persons of the scope. */
	RoaringBitmap members(Expression expression) {
		return RoaringBitmap.and(expression.accept(this), this.index.active);
	}

	long count(Expression expression) {
		return RoaringBitmap.andCardinality(expression.accept(this), this.index.active);
	}

	/**
	 * Bitmap parts first, then numeric comparisons among the persons those left, then the
	 * negated parts taken away.
	 */
	@Override
	public RoaringBitmap and(And and) {
		List<RoaringBitmap> positive = new ArrayList<>();
		List<Expression> numeric = new ArrayList<>();
		List<RoaringBitmap> negative = new ArrayList<>();
		for (Expression part : and.parts()) {
			if (part instanceof Not not) {
				negative.add(not.part().accept(this));
			}
			else if (part instanceof Compare) {
				numeric.add(part);
			}
			else {
				positive.add(part.accept(this));
			}
		}
		RoaringBitmap context = positive.isEmpty() ? null : (positive.size() == 1) ? positive.get(0).clone()
				: FastAggregation.and(positive.toArray(RoaringBitmap[]::new));
		for (Expression part : numeric) {
			this.within = context;
			RoaringBitmap matching = part.accept(this);
			this.within = null;
			context = (context == null) ? matching : RoaringBitmap.and(context, matching);
		}
		RoaringBitmap result = (context == null) ? this.index.active.clone() : context;
		for (RoaringBitmap excluded : negative) {
			if (result.isEmpty()) {
				break;
			}
			result.andNot(excluded);
		}
		return result;
	}

	@Override
	public RoaringBitmap or(Or or) {
		List<RoaringBitmap> parts = new ArrayList<>();
		for (Expression part : or.parts()) {
			parts.add(part.accept(this));
		}
		return FastAggregation.or(parts.toArray(RoaringBitmap[]::new));
	}

	@Override
	public RoaringBitmap not(Not not) {
		return RoaringBitmap.andNot(this.index.active, not.part().accept(this));
	}

	@Override
	public RoaringBitmap tag(HasTag tag) {
		RoaringBitmap members = this.index.tags.get(this.tagIds.apply(tag.name()));
		return (members != null) ? members : EMPTY;
	}

	@Override
	public RoaringBitmap reach(Reachable reachable) {
		return this.index.reach.get(reachable.reach());
	}

	@Override
	public RoaringBitmap oneOf(OneOf oneOf) {
		var values = this.index.texts.get(oneOf.attribute());
		if (values == null) {
			return EMPTY;
		}
		List<RoaringBitmap> parts = new ArrayList<>();
		for (String value : oneOf.values()) {
			RoaringBitmap bitmap = values.get(value);
			if (bitmap != null) {
				parts.add(bitmap);
			}
		}
		return parts.isEmpty() ? EMPTY : FastAggregation.or(parts.toArray(RoaringBitmap[]::new));
	}

	@Override
	public RoaringBitmap compare(Compare compare) {
		NumericSlices slices = this.index.numbers.get(compare.attribute());
		if (slices == null) {
			return EMPTY;
		}
		Attribute.Kind kind = compare.attribute().kind();
		return slices.compare(compare.op(), Values.constant(kind, compare.op(), compare.value()), this.within);
	}

	@Override
	public RoaringBitmap boughtOn(BoughtOn boughtOn) {
		TenantIndex.OrderFacts facts = this.orders.facts(this.index);
		List<RoaringBitmap> parts = new ArrayList<>();
		for (String platform : boughtOn.platforms()) {
			RoaringBitmap bitmap = facts.platforms.get(platform);
			if (bitmap != null) {
				parts.add(bitmap);
			}
		}
		return parts.isEmpty() ? EMPTY : FastAggregation.or(parts.toArray(RoaringBitmap[]::new));
	}

	@Override
	public RoaringBitmap orders(Orders orders) {
		NumericSlices slices = this.orders.aggregate(this.index,
				new TenantIndex.AggregateKey(orders.metric(), orders.days(), orders.filter()));
		Attribute.Kind kind = (orders.metric() == Expression.OrderMetric.COUNT) ? Attribute.Kind.INTEGER
				: Attribute.Kind.MONEY;
		long constant = Values.constant(kind, orders.op(), orders.value());
		RoaringBitmap matching = slices.compare(orders.op(), constant);
		if (orders.op().holds(0, constant)) {
			matching.or(RoaringBitmap.andNot(this.index.active, slices.present()));
		}
		return matching;
	}

	@Override
	public RoaringBitmap daysSinceLastOrder(DaysSinceLastOrder days) {
		NumericSlices lastDay = this.orders.facts(this.index).lastOrderDay;
		long threshold = this.index.today.toEpochDay() - days.days();
		Comparison mirrored = switch (days.op()) {
			case GE -> Comparison.LE;
			case GT -> Comparison.LT;
			case LE -> Comparison.GE;
			case LT -> Comparison.GT;
			case EQ -> Comparison.EQ;
		};
		return lastDay.compare(mirrored, threshold);
	}

}
