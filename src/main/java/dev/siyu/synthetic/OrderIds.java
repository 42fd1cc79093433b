package dev.siyu.synthetic;

import java.util.SplittableRandom;

/**
 * Order ids in each platform's shape, unique per platform without remembering them: each
 * holds a keyed bijection of the platform's order counter at a fixed position.
 */
final class OrderIds {

	private static final long CODES = 1_000_000_000L;

	private final long[] counters = new long[Platform.ALL.length];

	private final long[] keys = new long[Platform.ALL.length];

	private final Timeline timeline;

	private final char[] chars = new char[20];

	OrderIds(long seed, Timeline timeline) {
		this.timeline = timeline;
		for (Platform platform : Platform.ALL) {
			this.keys[platform.ordinal()] = Scramble.seed(seed, 60 + platform.ordinal(), 0);
		}
	}

	/**
	 * The next id of the platform; past a billion orders, ids grow longer rather than
	 * repeat.
	 */
	String next(Platform platform, long created, long buyer, SplittableRandom random) {
		long counter = this.counters[platform.ordinal()]++;
		if (platform == Platform.MALL) {
			return "E" + this.timeline.compactDay(created) + Scramble.padded(counter, 10);
		}
		long code = Scramble.decimal(counter % CODES, 9, this.keys[platform.ordinal()]);
		String id = switch (platform) {
			case TAOBAO -> taobao(code, created, buyer, random);
			case DOUYIN -> douyin(code, random);
			default -> jd(code, random);
		};
		return (counter < CODES) ? id : (counter / CODES) + id;
	}

	/**
	 * 18 digits in the first year, 19 later; the last three come from the buyer, as the
	 * real ones do.
	 */
	private String taobao(long code, long created, long buyer, SplittableRandom random) {
		char[] id = this.chars;
		boolean firstYear = created < 365L * Timeline.DAY;
		int length = firstYear ? 18 : 19;
		id[0] = (char) ('1' + random.nextInt(firstYear ? 9 : 4));
		Scramble.fill(id, 1, 9, code);
		Scramble.fill(id, 10, length - 13, random.nextInt(1_000_000));
		Scramble.fill(id, length - 3, 3, Math.floorMod(Scramble.mix(buyer), 1000));
		return new String(id, 0, length);
	}

	/** 19 digits from 69, ending in 0: sub-orders end in 1, 2 ... */
	private String douyin(long code, SplittableRandom random) {
		char[] id = this.chars;
		id[0] = '6';
		id[1] = '9';
		Scramble.fill(id, 2, 9, code);
		Scramble.fill(id, 11, 7, random.nextInt(10_000_000));
		id[18] = '0';
		return new String(id, 0, 19);
	}

	/** 12 digits from 3. */
	private String jd(long code, SplittableRandom random) {
		char[] id = this.chars;
		id[0] = '3';
		Scramble.fill(id, 1, 9, code);
		Scramble.fill(id, 10, 2, random.nextInt(100));
		return new String(id, 0, 12);
	}

}
