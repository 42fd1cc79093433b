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

		NumericColumn aggregate(TenantIndex index, TenantIndex.AggregateKey key);

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

	/**
	 * How many are in. When every person of the index is active and the expression is an
	 * {@code and} that ends with a numeric comparison, that last comparison is counted
	 * without materialising its members.
	 */
	long count(Expression expression) {
		if (expression instanceof And and && this.index.active.getLongCardinality() == this.index.size()) {
			this.countLast = true;
			RoaringBitmap members = and(and);
			if (this.lastCount >= 0) {
				return this.lastCount;
			}
			return RoaringBitmap.andCardinality(members, this.index.active);
		}
		return RoaringBitmap.andCardinality(expression.accept(this), this.index.active);
	}

	/**
	 * Whether the next {@code and} may count its last numeric comparison, and that count.
	 */
	private boolean countLast;

	private long lastCount = -1;

	/**
	 * Bitmap parts first, then the negated parts taken away, then numeric comparisons,
	 * each only among the persons the parts before it left (a range bitmap query
	 * restricted to a context answers within it, so no further intersection is needed).
	 * The leaves' own bitmaps are shared, never changed: a result is copied only when it
	 * must change.
	 */
	@Override
	public RoaringBitmap and(And and) {
		boolean countLast = this.countLast;
		this.countLast = false;
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
		numeric.sort(java.util.Comparator.comparingInt(this::slices));
		RoaringBitmap context = positive.isEmpty() ? null : (positive.size() == 1) ? positive.get(0)
				: FastAggregation.and(positive.toArray(RoaringBitmap[]::new));
		if (context != null) {
			context = without(context, negative, positive.size() == 1);
			negative.clear();
		}
		for (int i = 0; i < numeric.size(); i++) {
			Expression part = numeric.get(i);
			if (context != null && context.isEmpty()) {
				return context;
			}
			if (countLast && context != null && negative.isEmpty() && i == numeric.size() - 1) {
				Compare compare = (Compare) part;
				NumericColumn column = this.index.numbers.get(compare.attribute());
				this.lastCount = (column != null) ? column.count(compare.op(), constant(compare), context) : 0;
				return context;
			}
			this.within = context;
			context = part.accept(this);
			this.within = null;
		}
		if (context == null) {
			return without(this.index.active, negative, true);
		}
		return without(context, negative, false);
	}

	/**
	 * The persons of {@code from} in none of {@code excluded}; {@code from} is copied
	 * when shared.
	 */
	private static RoaringBitmap without(RoaringBitmap from, List<RoaringBitmap> excluded, boolean shared) {
		RoaringBitmap result = from;
		boolean copied = !shared;
		for (RoaringBitmap part : excluded) {
			if (result.isEmpty()) {
				break;
			}
			if (copied) {
				result.andNot(part);
			}
			else {
				result = RoaringBitmap.andNot(result, part);
				copied = true;
			}
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
		NumericColumn slices = this.index.numbers.get(compare.attribute());
		if (slices == null) {
			return EMPTY;
		}
		return slices.compare(compare.op(), constant(compare), this.within);
	}

	/** Comparisons over fewer slices first: they cost less and leave fewer persons. */
	private int slices(Expression compare) {
		NumericColumn column = this.index.numbers.get(((Compare) compare).attribute());
		return (column != null) ? column.slices() : 0;
	}

	private static long constant(Compare compare) {
		return Values.constant(compare.attribute().kind(), compare.op(), compare.value());
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
		NumericColumn slices = this.orders.aggregate(this.index,
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
		NumericColumn lastDay = this.orders.facts(this.index).lastOrderDay;
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
