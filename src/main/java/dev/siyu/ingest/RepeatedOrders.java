package dev.siyu.ingest;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * Notices the order numbers (or order lines) an import may see twice, in constant memory:
 * a Bloom filter over what was seen, and the numbers that hit it. The merge then
 * deduplicates only those, instead of sorting every staged row; a false hit costs a
 * little work, never a wrong answer.
 */
final class RepeatedOrders {

	private static final int BITS = 1 << 27;

	private static final int HASHES = 5;

	private final long[] bits = new long[BITS / 64];

	private final Set<String> suspects = new HashSet<>();

	/**
	 * Records a key (an order number, or an order number and line) belonging to an order.
	 */
	void see(String key, String orderNo) {
		long hash = hash64(key.getBytes(StandardCharsets.UTF_8));
		int h1 = (int) hash;
		int h2 = (int) (hash >>> 32);
		boolean seenBefore = true;
		for (int i = 0; i < HASHES; i++) {
			int bit = (h1 + i * h2) & (BITS - 1);
			long mask = 1L << (bit & 63);
			if ((this.bits[bit >>> 6] & mask) == 0) {
				seenBefore = false;
				this.bits[bit >>> 6] |= mask;
			}
		}
		if (seenBefore) {
			this.suspects.add(orderNo);
		}
	}

	/**
	 * Orders that may have a row (or line) more than once; a superset of the true ones.
	 */
	Set<String> suspects() {
		return this.suspects;
	}

	private static long hash64(byte[] data) {
		long h = 0x9E3779B97F4A7C15L ^ data.length;
		for (byte b : data) {
			h ^= (b & 0xff);
			h *= 0xff51afd7ed558ccdL;
			h ^= h >>> 29;
		}
		h ^= h >>> 33;
		h *= 0xc4ceb9fe1a85ec53L;
		h ^= h >>> 33;
		return h;
	}

}
