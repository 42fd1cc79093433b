package dev.siyu.identity;

import java.util.Arrays;

/**
 * Stable LSD radix sort of long keys that carry an int each, eleven bits a pass and only
 * as many passes as the spread of the keys needs: tens of millions of pairs in a second
 * or two, without boxing.
 */
final class PairSort {

	private static final int DIGIT = 11;

	private static final int MASK = (1 << DIGIT) - 1;

	private PairSort() {
	}

	/**
	 * Sorts the first {@code size} keys ascending, moving the values with them. Returns
	 * the arrays that hold the result: {@code keys} and {@code values} or the scratch
	 * arrays of the same length it swapped in.
	 */
	static Sorted sort(long[] keys, int[] values, int size) {
		if (size < 2) {
			return new Sorted(keys, values);
		}
		long min = Long.MAX_VALUE;
		long max = Long.MIN_VALUE;
		for (int i = 0; i < size; i++) {
			min = Math.min(min, keys[i]);
			max = Math.max(max, keys[i]);
		}
		int bits = 64 - Long.numberOfLeadingZeros(max - min);
		long[] keysTo = new long[size];
		int[] valuesTo = new int[size];
		int[] count = new int[1 << DIGIT];
		long[] keysFrom = keys;
		int[] valuesFrom = values;
		for (int shift = 0; shift < bits; shift += DIGIT) {
			Arrays.fill(count, 0);
			for (int i = 0; i < size; i++) {
				count[(int) (((keysFrom[i] - min) >>> shift) & MASK)]++;
			}
			int start = 0;
			for (int d = 0; d < count.length; d++) {
				int c = count[d];
				count[d] = start;
				start += c;
			}
			for (int i = 0; i < size; i++) {
				int to = count[(int) (((keysFrom[i] - min) >>> shift) & MASK)]++;
				keysTo[to] = keysFrom[i];
				valuesTo[to] = valuesFrom[i];
			}
			long[] swapKeys = keysFrom;
			keysFrom = keysTo;
			keysTo = swapKeys;
			int[] swapValues = valuesFrom;
			valuesFrom = valuesTo;
			valuesTo = swapValues;
		}
		return new Sorted(keysFrom, valuesFrom);
	}

	record Sorted(long[] keys, int[] values) {
	}

}
