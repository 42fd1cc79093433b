package dev.siyu.ingest;

import java.util.HashSet;
import java.util.Set;

/**
 * Notices the order numbers (or order lines) an import may see twice, in constant memory:
 * a Bloom filter over what was seen, and the numbers that hit it. The merge then
 * deduplicates only those, instead of sorting every staged row; a false hit costs a
 * little work, never a wrong answer. The bits of one key lie in one 512-bit block, so a
 * key costs one cache miss, not one per bit.
 */
final class RepeatedOrders {

	private static final int BITS = 1 << 27;

	private static final int BLOCK_BITS = 512;

	private static final int HASHES = 5;

	private final long[] bits = new long[BITS / 64];

	private final Set<String> suspects = new HashSet<>();

	/**
	 * Records a key (an order number, or an order number and line) belonging to an order.
	 */
	void see(String key, String orderNo) {
		long hash = hash64(key);
		int block = ((int) hash & (BITS / BLOCK_BITS - 1)) * (BLOCK_BITS / 64);
		int h1 = (int) (hash >>> 32);
		int h2 = (int) (hash >>> 41) | 1;
		boolean seenBefore = true;
		for (int i = 0; i < HASHES; i++) {
			int bit = (h1 + i * h2) & (BLOCK_BITS - 1);
			long mask = 1L << (bit & 63);
			int word = block + (bit >>> 6);
			if ((this.bits[word] & mask) == 0) {
				seenBefore = false;
				this.bits[word] |= mask;
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

	private static long hash64(String key) {
		long h = 0x9E3779B97F4A7C15L ^ key.length();
		for (int i = 0; i < key.length(); i++) {
			h ^= key.charAt(i);
			h *= 0xff51afd7ed558ccdL;
			h ^= h >>> 29;
		}
		h ^= h >>> 33;
		h *= 0xc4ceb9fe1a85ec53L;
		h ^= h >>> 33;
		return h;
	}

}
