package dev.siyu.synthetic;

import java.util.SplittableRandom;

/**
 * Order ids in each platform's shape, unique per platform without remembering them: each
 * holds a keyed bijection of the platform's order counter at a fixed position.
 */
final class OrderIds {

	private final long[] counters = new long[Platform.ALL.length];

	private final long[] keys = new long[Platform.ALL.length];

	private final Timeline timeline;

	OrderIds(long seed, Timeline timeline) {
		this.timeline = timeline;
		for (Platform platform : Platform.ALL) {
			this.keys[platform.ordinal()] = Scramble.seed(seed, 60 + platform.ordinal(), 0);
		}
	}

	String next(Platform platform, long created, String account, SplittableRandom random) {
		long counter = this.counters[platform.ordinal()]++;
		long code = Scramble.decimal(counter, 9, this.keys[platform.ordinal()]);
		return switch (platform) {
			case TAOBAO -> taobao(code, created, account, random);
			case DOUYIN -> "69" + Scramble.padded(code, 9) + Scramble.padded(random.nextInt(10_000_000), 7) + "0";
			case JD -> "3" + Scramble.padded(code, 9) + Scramble.padded(random.nextInt(100), 2);
			case MALL -> "E" + this.timeline.compactDay(created) + Scramble.padded(counter, 10);
		};
	}

	/**
	 * 18 digits in the first year, 19 later; the last three come from the buyer, as the
	 * real ones do.
	 */
	private static String taobao(long code, long created, String account, SplittableRandom random) {
		String buyer = Scramble.padded(Math.floorMod(account.hashCode(), 1000), 3);
		if (created < 365L * Timeline.DAY) {
			return (1 + random.nextInt(9)) + Scramble.padded(code, 9) + Scramble.padded(random.nextInt(100_000), 5)
					+ buyer;
		}
		return (1 + random.nextInt(4)) + Scramble.padded(code, 9) + Scramble.padded(random.nextInt(1_000_000), 6)
				+ buyer;
	}

}
