package dev.siyu.audience;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.roaringbitmap.RoaringBitmap;

/**
 * Persons for the segment benchmark, the same for a seed: tag densities skewed like real
 * catalogs (five tags at 30-50%, a long tail under 1%), two text attributes (city, tier)
 * and five numeric ones (recency_days, frequency, monetary, clv, p_alive; 70% have
 * scores). Persons are numbered 0..N-1; the first K of them are a sample with the same
 * densities.
 */
final class SyntheticPersons {

	static final String[] CITIES = { "杭州", "上海", "北京", "深圳", "广州", "成都", "南京", "武汉", "苏州", "西安", "重庆", "天津", "长沙", "郑州",
			"青岛", "宁波", "合肥", "厦门", "福州", "昆明" };

	static final String[] TIERS = { "gold", "silver", "bronze", "normal" };

	final int persons;

	final RoaringBitmap[] tags;

	final byte[] city;

	final byte[] tier;

	/**
	 * Score values, or -1 for a person without scores; money in cents, p_alive in
	 * hundredths.
	 */
	final int[] recencyDays;

	final int[] frequency;

	final int[] monetaryCents;

	final int[] clvCents;

	final int[] pAliveHundredths;

	SyntheticPersons(int persons, int tagCount, long seed) {
		this.persons = persons;
		SplittableRandom random = new SplittableRandom(seed);
		this.tags = new RoaringBitmap[tagCount];
		for (int t = 0; t < tagCount; t++) {
			this.tags[t] = members(random, density(t));
		}
		this.city = new byte[persons];
		this.tier = new byte[persons];
		this.recencyDays = new int[persons];
		this.frequency = new int[persons];
		this.monetaryCents = new int[persons];
		this.clvCents = new int[persons];
		this.pAliveHundredths = new int[persons];
		for (int p = 0; p < persons; p++) {
			double u = random.nextDouble();
			this.city[p] = (byte) Math.min(CITIES.length - 1, (int) (u * u * CITIES.length));
			this.tier[p] = (byte) random.nextInt(TIERS.length);
			if (random.nextDouble() < 0.7) {
				this.recencyDays[p] = random.nextInt(730);
				this.frequency[p] = (int) Math.min(60, -Math.log(1 - random.nextDouble()) * 3);
				this.monetaryCents[p] = (int) Math.min(100_000_000, -Math.log(1 - random.nextDouble()) * 80_000);
				this.clvCents[p] = (int) Math.min(100_000_000, -Math.log(1 - random.nextDouble()) * 120_000);
				this.pAliveHundredths[p] = random.nextInt(101);
			}
			else {
				this.recencyDays[p] = -1;
				this.frequency[p] = -1;
				this.monetaryCents[p] = -1;
				this.clvCents[p] = -1;
				this.pAliveHundredths[p] = -1;
			}
		}
	}

	/** Five tags at 30-50%, then a tail falling from 10% to well under 1%. */
	static double density(int tag) {
		return (tag < 5) ? 0.30 + 0.05 * tag : 0.1 / Math.pow(tag - 4, 0.8);
	}

	private RoaringBitmap members(SplittableRandom random, double density) {
		int wanted = (int) Math.round(density * this.persons);
		if (density > 0.05) {
			RoaringBitmap bitmap = new RoaringBitmap();
			for (int p = 0; p < this.persons; p++) {
				if (random.nextDouble() < density) {
					bitmap.add(p);
				}
			}
			bitmap.runOptimize();
			return bitmap;
		}
		int[] numbers = new int[wanted];
		for (int i = 0; i < wanted; i++) {
			numbers[i] = random.nextInt(this.persons);
		}
		Arrays.sort(numbers);
		return RoaringBitmap.bitmapOf(numbers);
	}

	/**
	 * The persons' index: person number p has person id {@code firstId + p}, or the given
	 * ids.
	 */
	TenantIndex index(long scope, java.time.LocalDate today, long[] personIds, long[] tagIds, int size) {
		TenantIndex index = new TenantIndex(scope, today);
		for (int p = 0; p < size; p++) {
			index.numberOrAdd(personIds[p]);
		}
		index.active.add(0L, (long) size);
		RoaringBitmap range = new RoaringBitmap();
		range.add(0L, (long) size);
		for (int t = 0; t < this.tags.length; t++) {
			index.tags.put(tagIds[t], RoaringBitmap.and(this.tags[t], range));
		}
		for (int c = 0; c < CITIES.length; c++) {
			index.texts.computeIfAbsent(Attribute.CITY, a -> new java.util.HashMap<>())
				.put(CITIES[c], select(this.city, c, size));
		}
		for (int t = 0; t < TIERS.length; t++) {
			index.texts.computeIfAbsent(Attribute.TIER, a -> new java.util.HashMap<>())
				.put(TIERS[t], select(this.tier, t, size));
		}
		index.numbers.put(Attribute.RECENCY_DAYS, slices(this.recencyDays, size, false));
		index.numbers.put(Attribute.FREQUENCY, slices(this.frequency, size, false));
		index.numbers.put(Attribute.MONETARY, slices(this.monetaryCents, size, false));
		index.numbers.put(Attribute.CLV, slices(this.clvCents, size, false));
		index.numbers.put(Attribute.P_ALIVE, slices(this.pAliveHundredths, size, true));
		return index;
	}

	private static RoaringBitmap select(byte[] values, int value, int size) {
		org.roaringbitmap.RoaringBitmapWriter<RoaringBitmap> writer = org.roaringbitmap.RoaringBitmapWriter.writer()
			.get();
		for (int p = 0; p < size; p++) {
			if (values[p] == value) {
				writer.add(p);
			}
		}
		RoaringBitmap bitmap = writer.get();
		bitmap.runOptimize();
		return bitmap;
	}

	private static NumericColumn slices(int[] values, int size, boolean hundredthsAsFloat) {
		int[] persons = new int[size];
		long[] sliced = new long[size];
		int count = 0;
		for (int p = 0; p < size; p++) {
			if (values[p] >= 0) {
				persons[count] = p;
				sliced[count++] = hundredthsAsFloat ? Float.floatToIntBits(pAlive(values[p])) : values[p];
			}
		}
		return NumericColumn.build(persons, sliced, count);
	}

	/** p_alive as the float PostgreSQL's real column holds. */
	static float pAlive(int hundredths) {
		return (float) (hundredths / 100.0);
	}

}
