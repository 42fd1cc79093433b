package dev.siyu.synthetic;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * When a person buys what: a main category from the first purchase on, sometimes other
 * categories later; gaps are gamma distributed around each category's cycle, people lapse
 * for a while or churn, gift boxes are bought before festivals. Reused for every person.
 */
final class PurchaseHistory {

	private static final int MAX_PURCHASES = 512;

	private static final int SKU_BITS = 8;

	private final Catalog catalog;

	private final Timeline timeline;

	private final int[] categoryCumulative;

	/** Purchase time shifted left by {@link #SKU_BITS}, or'ed with the sku index. */
	private final long[] purchases = new long[MAX_PURCHASES];

	private int count;

	PurchaseHistory(Catalog catalog, Timeline timeline) {
		this.catalog = catalog;
		this.timeline = timeline;
		this.categoryCumulative = Timeline.cumulative(Arrays.stream(Category.ALL).mapToInt(Category::weight).toArray());
	}

	/** Plans the purchases of a person, in time order, and returns how many there are. */
	int plan(Person person, SplittableRandom random) {
		this.count = 0;
		double pace = Math.exp(0.35 * random.nextGaussian());
		double loyalty = 0.5 + random.nextDouble();
		Category main = Category.ALL[Names.pick(this.categoryCumulative, random)];
		buy(main, person.firstDay(), pace, loyalty, random);
		for (Category category : Category.ALL) {
			if (category != main && random.nextInt(100) < 12) {
				int start = person.firstDay() + random.nextInt(Timeline.DAYS - person.firstDay());
				buy(category, start, pace, loyalty, random);
			}
		}
		Arrays.sort(this.purchases, 0, this.count);
		return this.count;
	}

	long time(int purchase) {
		return this.purchases[purchase] >>> SKU_BITS;
	}

	Sku sku(int purchase) {
		return this.catalog.get((int) (this.purchases[purchase] & ((1 << SKU_BITS) - 1)));
	}

	private void buy(Category category, int start, double pace, double loyalty, SplittableRandom random) {
		Sku favourite = this.catalog.pick(category, random);
		if (category == Category.GIFT_BOX) {
			buyGifts(favourite, start, loyalty, random);
			return;
		}
		double day = start;
		Sku sku = add(day, favourite, random);
		if (random.nextDouble() >= Math.min(0.95, category.repeat() * loyalty)) {
			return;
		}
		while (true) {
			double scale = category.cycleDays() * sku.cover() * pace / category.shape();
			double gap = gamma(category.shape(), scale, random);
			if (random.nextInt(100) < 4) {
				gap += category.cycleDays() * (2 + 4 * random.nextDouble());
			}
			day += Math.max(1, gap);
			if (day >= Timeline.DAYS) {
				return;
			}
			sku = add(day, favourite, random);
			if (random.nextDouble() < category.churn() / loyalty) {
				return;
			}
		}
	}

	/** Mostly in the three weeks before a festival, at most one per festival. */
	private void buyGifts(Sku favourite, int start, double loyalty, SplittableRandom random) {
		int first = start;
		for (int festival : this.timeline.festivalDays()) {
			if (festival >= start && festival - start <= 75 && random.nextInt(100) < 70) {
				first = Math.max(start, festival - 1 - random.nextInt(21));
				break;
			}
		}
		add(first, favourite, random);
		for (int festival : this.timeline.festivalDays()) {
			if (festival > first + 30) {
				if (random.nextDouble() >= Category.GIFT_BOX.repeat() * loyalty) {
					return;
				}
				add(Math.max(first + 1, festival - 1 - random.nextInt(21)), favourite, random);
			}
		}
	}

	private Sku add(double day, Sku favourite, SplittableRandom random) {
		Sku sku = (random.nextInt(100) < 80) ? favourite : this.catalog.pick(favourite.category(), random);
		long time = (long) day * Timeline.DAY + Timeline.timeOfDay(random);
		if (time < this.timeline.exportTime() && this.count < MAX_PURCHASES) {
			this.purchases[this.count++] = (time << SKU_BITS) | sku.index();
		}
		return sku;
	}

	/** Gamma with an integer shape: a sum of exponentials. */
	private static double gamma(int shape, double scale, SplittableRandom random) {
		double product = 1;
		for (int i = 0; i < shape; i++) {
			product *= 1 - random.nextDouble();
		}
		return -Math.log(product) * scale;
	}

}
