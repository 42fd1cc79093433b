package dev.siyu.ingest;

import java.util.function.Function;

/**
 * What was last worked out from recent texts (an address split, a phone blind-indexed and
 * encrypted), so a repeat buyer's rows reuse it. Each text has one slot, chosen by its
 * hash; a text landing in a taken slot replaces what was there. Memory stays bounded and
 * a look-up costs one hash and one comparison. Keep it small: with 65,536 slots per
 * column, reading a million orders took longer, as the look-ups missed the processor's
 * caches and the heap held more.
 *
 * @param <V> what is worked out from a text
 */
final class RecentValues<V> {

	private final String[] texts;

	private final Object[] values;

	private final int mask;

	/**
	 * @param slotsLog2 the number of slots as a power of two
	 */
	RecentValues(int slotsLog2) {
		this.texts = new String[1 << slotsLog2];
		this.values = new Object[1 << slotsLog2];
		this.mask = (1 << slotsLog2) - 1;
	}

	/** The value of the text, worked out by {@code from} unless it is still held. */
	@SuppressWarnings("unchecked")
	V of(String text, Function<String, V> from) {
		int hash = text.hashCode();
		int slot = (hash ^ (hash >>> 16)) & this.mask;
		if (text.equals(this.texts[slot])) {
			return (V) this.values[slot];
		}
		V value = from.apply(text);
		this.texts[slot] = text;
		this.values[slot] = value;
		return value;
	}

}
