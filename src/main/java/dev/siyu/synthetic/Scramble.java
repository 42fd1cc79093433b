package dev.siyu.synthetic;

/**
 * Deterministic mixing: seeds for independent random streams and keyed bijections that
 * turn counters into unique, random-looking numbers without remembering what was used.
 */
final class Scramble {

	private static final long GOLDEN = 0x9e3779b97f4a7c15L;

	private static final long[] POWERS_OF_TEN = { 1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L,
			100_000_000L, 1_000_000_000L };

	private Scramble() {
	}

	/** The splitmix64 finalizer. */
	static long mix(long value) {
		long z = value;
		z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
		z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
		return z ^ (z >>> 31);
	}

	/** A seed for the random stream {@code index} of kind {@code stream}. */
	static long seed(long seed, long stream, long index) {
		return mix(mix(seed * GOLDEN + stream) + (index + 1) * GOLDEN);
	}

	/**
	 * A bijection of {@code [0, 10^digits)} keyed by {@code key} (digits from 2 to 9):
	 * different values always give different results. Values of {@code 10^digits} and
	 * more keep their higher digits and have their lower digits scrambled.
	 */
	static long decimal(long value, int digits, long key) {
		long modulus = POWERS_OF_TEN[digits];
		long high = value / modulus;
		long x = value % modulus;
		x = round(x, modulus, mix(key));
		int split = digits / 2;
		long low = POWERS_OF_TEN[split];
		x = (x % low) * POWERS_OF_TEN[digits - split] + x / low;
		x = round(x, modulus, mix(key + 1));
		return high * modulus + x;
	}

	private static long round(long x, long modulus, long key) {
		long multiplier = Math.floorMod(key, modulus / 10) * 10 + 3;
		long offset = Math.floorMod(key >>> 17, modulus);
		return (x * multiplier + offset) % modulus;
	}

	/** {@code value} as decimal digits, left-padded with zeros to {@code width}. */
	static String padded(long value, int width) {
		if (value < 0 || digitCount(value) >= width) {
			return Long.toString(value);
		}
		char[] digits = new char[width];
		fill(digits, 0, width, value);
		return new String(digits);
	}

	private static int digitCount(long value) {
		int count = 1;
		for (long rest = value; rest >= 10; rest /= 10) {
			count++;
		}
		return count;
	}

	/**
	 * Writes {@code value} into {@code width} chars from {@code at}, zero-padded, high
	 * digits cut.
	 */
	static void fill(char[] chars, int at, int width, long value) {
		long rest = value;
		for (int i = at + width - 1; i >= at; i--) {
			chars[i] = (char) ('0' + rest % 10);
			rest /= 10;
		}
	}

}
