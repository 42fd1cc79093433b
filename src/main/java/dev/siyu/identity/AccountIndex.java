package dev.siyu.identity;

import java.util.Arrays;

/**
 * Dense numbers for account ids (an open-addressing map from long to int), so union-find
 * runs on arrays.
 */
final class AccountIndex {

	private long[] keys;

	private int[] values;

	private long[] byIndex;

	private int size;

	AccountIndex(int expected) {
		int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
		this.keys = new long[capacity];
		this.values = new int[capacity];
		Arrays.fill(this.values, -1);
		this.byIndex = new long[Math.max(16, expected)];
	}

	/** The dense number of the id, given the next free number when first seen. */
	int indexOf(long id) {
		int slot = slot(id);
		if (this.values[slot] >= 0) {
			return this.values[slot];
		}
		if ((this.size + 1) * 2 > this.keys.length) {
			grow();
			slot = slot(id);
		}
		this.keys[slot] = id;
		this.values[slot] = this.size;
		if (this.size == this.byIndex.length) {
			this.byIndex = Arrays.copyOf(this.byIndex, this.size * 2);
		}
		this.byIndex[this.size] = id;
		return this.size++;
	}

	/** The dense number of a known id, or -1. */
	int find(long id) {
		return this.values[slot(id)];
	}

	long idAt(int index) {
		return this.byIndex[index];
	}

	int size() {
		return this.size;
	}

	private int slot(long id) {
		int mask = this.keys.length - 1;
		int slot = (int) (mix(id) & mask);
		while (this.values[slot] >= 0 && this.keys[slot] != id) {
			slot = (slot + 1) & mask;
		}
		return slot;
	}

	private void grow() {
		long[] oldKeys = this.keys;
		int[] oldValues = this.values;
		this.keys = new long[oldKeys.length * 2];
		this.values = new int[oldValues.length * 2];
		Arrays.fill(this.values, -1);
		for (int i = 0; i < oldKeys.length; i++) {
			if (oldValues[i] >= 0) {
				int slot = slot(oldKeys[i]);
				this.keys[slot] = oldKeys[i];
				this.values[slot] = oldValues[i];
			}
		}
	}

	private static long mix(long id) {
		long h = id * 0x9E3779B97F4A7C15L;
		return h ^ (h >>> 32);
	}

}
