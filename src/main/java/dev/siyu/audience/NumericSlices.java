package dev.siyu.audience;

import java.util.Arrays;

import org.roaringbitmap.RoaringBitmap;
import org.roaringbitmap.RoaringBitmapWriter;

/**
 * A bit-sliced index of non-negative whole numbers: one bitmap per bit of the value plus
 * the set of persons that have a value. Comparisons with a constant run O'Neil and
 * Quass's algorithm, a few bitmap operations per bit, never touching persons one by one.
 */
final class NumericSlices {

	private final RoaringBitmap present = new RoaringBitmap();

	private RoaringBitmap[] bits = new RoaringBitmap[0];

	/** Built in one pass from persons in ascending order and their values. */
	static NumericSlices build(int[] persons, long[] values, int count) {
		long max = 0;
		for (int i = 0; i < count; i++) {
			if (values[i] < 0) {
				throw new IllegalArgumentException("a sliced value is never negative: " + values[i]);
			}
			max = Math.max(max, values[i]);
		}
		int width = 64 - Long.numberOfLeadingZeros(max);
		NumericSlices slices = new NumericSlices();
		slices.bits = new RoaringBitmap[width];
		for (int bit = 0; bit < width; bit++) {
			RoaringBitmapWriter<RoaringBitmap> writer = RoaringBitmapWriter.writer().get();
			long mask = 1L << bit;
			for (int i = 0; i < count; i++) {
				if ((values[i] & mask) != 0) {
					writer.add(persons[i]);
				}
			}
			slices.bits[bit] = writer.get();
		}
		RoaringBitmapWriter<RoaringBitmap> writer = RoaringBitmapWriter.writer().get();
		for (int i = 0; i < count; i++) {
			writer.add(persons[i]);
		}
		slices.present.or(writer.get());
		slices.optimize();
		return slices;
	}

	void set(int person, long value) {
		if (value < 0) {
			throw new IllegalArgumentException("a sliced value is never negative: " + value);
		}
		int needed = 64 - Long.numberOfLeadingZeros(value);
		if (needed > this.bits.length) {
			int old = this.bits.length;
			this.bits = Arrays.copyOf(this.bits, needed);
			for (int i = old; i < needed; i++) {
				this.bits[i] = new RoaringBitmap();
			}
		}
		for (int i = 0; i < this.bits.length; i++) {
			if ((value & (1L << i)) != 0) {
				this.bits[i].add(person);
			}
			else {
				this.bits[i].remove(person);
			}
		}
		this.present.add(person);
	}

	void clear(int person) {
		this.present.remove(person);
		for (RoaringBitmap bit : this.bits) {
			bit.remove(person);
		}
	}

	RoaringBitmap present() {
		return this.present;
	}

	/** Persons with a value for which {@code value op constant} holds. */
	RoaringBitmap compare(Comparison op, long constant) {
		return compare(op, constant, null);
	}

	/**
	 * The same, among {@code within} only (all persons when null): when the comparison is
	 * one part of an and, the other parts' result makes every slice operation smaller.
	 */
	RoaringBitmap compare(Comparison op, long constant, RoaringBitmap within) {
		RoaringBitmap candidates = (within != null) ? RoaringBitmap.and(this.present, within) : this.present;
		if (constant < 0) {
			return (op == Comparison.GE || op == Comparison.GT) ? candidates.clone() : new RoaringBitmap();
		}
		if (this.bits.length < 63 && constant >= (1L << this.bits.length)) {
			return (op == Comparison.LE || op == Comparison.LT) ? candidates.clone() : new RoaringBitmap();
		}
		RoaringBitmap equal = candidates.clone();
		RoaringBitmap greater = new RoaringBitmap();
		RoaringBitmap less = new RoaringBitmap();
		boolean wantGreater = op == Comparison.GE || op == Comparison.GT;
		boolean wantLess = op == Comparison.LE || op == Comparison.LT;
		for (int i = this.bits.length - 1; i >= 0 && !equal.isEmpty(); i--) {
			if ((constant & (1L << i)) != 0) {
				if (wantLess) {
					less.or(RoaringBitmap.andNot(equal, this.bits[i]));
				}
				equal.and(this.bits[i]);
			}
			else {
				if (wantGreater) {
					greater.or(RoaringBitmap.and(equal, this.bits[i]));
				}
				equal.andNot(this.bits[i]);
			}
		}
		return switch (op) {
			case EQ -> equal;
			case GT -> greater;
			case LT -> less;
			case GE -> RoaringBitmap.or(greater, equal);
			case LE -> RoaringBitmap.or(less, equal);
		};
	}

	long sizeInBytes() {
		long bytes = this.present.getLongSizeInBytes();
		for (RoaringBitmap bit : this.bits) {
			bytes += bit.getLongSizeInBytes();
		}
		return bytes;
	}

	void optimize() {
		this.present.runOptimize();
		for (RoaringBitmap bit : this.bits) {
			bit.runOptimize();
		}
	}

}
