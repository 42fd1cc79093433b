package dev.siyu.audience;

import java.util.Arrays;

import org.roaringbitmap.BatchIterator;
import org.roaringbitmap.RangeBitmap;
import org.roaringbitmap.RoaringBitmap;
import org.roaringbitmap.RoaringBitmapWriter;

/**
 * A numeric attribute of every person: an immutable {@link RangeBitmap} over all persons
 * as of its last sealing, and the persons changed since in a small mutable
 * {@link NumericSlices} overlay. A comparison asks the range bitmap (restricted to the
 * persons the rest of an {@code and} left), drops the changed persons from its answer and
 * adds the overlay's. When the overlay grows past a share of the persons, sealing builds
 * the range bitmap again from the plain values kept alongside.
 */
final class NumericColumn {

	private static final RangeBitmap NOTHING = RangeBitmap.appender(1).build();

	/** Each person's value plus one, 0 for no value: what the range bitmap holds. */
	private int[] narrow = new int[0];

	/** The same, once a value no longer fits in an int. */
	private long[] wide;

	/** One past the highest person number ever set. */
	private int rows;

	private final RoaringBitmap present = new RoaringBitmap();

	private RangeBitmap base = NOTHING;

	private long baseBytes;

	/** The largest stored value when the range bitmap was built: its number of slices. */
	private long max = 1;

	/** Persons whose value is in the overlay, not in the base. */
	private final RoaringBitmap changed = new RoaringBitmap();

	private NumericSlices overlay = new NumericSlices();

	/**
	 * Whether values set go to the overlay; until the first sealing they only fill the
	 * values.
	 */
	private boolean sealed;

	/** Whether small contexts are answered by looking up each person's value. */
	private final boolean lookups;

	NumericColumn() {
		this(true);
	}

	NumericColumn(boolean lookups) {
		this.lookups = lookups;
	}

	/** Built in one pass from persons in ascending order and their values. */
	static NumericColumn build(int[] persons, long[] values, int count) {
		NumericColumn column = new NumericColumn();
		for (int i = 0; i < count; i++) {
			column.set(persons[i], values[i]);
		}
		column.seal();
		return column;
	}

	void set(int person, long value) {
		if (value < 0 || value == Long.MAX_VALUE) {
			throw new IllegalArgumentException("a numeric value is never negative: " + value);
		}
		store(person, value + 1);
		this.present.add(person);
		if (this.sealed) {
			this.changed.add(person);
			this.overlay.set(person, value);
		}
	}

	void clear(int person) {
		if (person >= this.rows && !this.sealed) {
			return;
		}
		store(person, 0);
		this.present.remove(person);
		if (this.sealed) {
			this.changed.add(person);
			this.overlay.clear(person);
		}
	}

	RoaringBitmap present() {
		return this.present;
	}

	/**
	 * Builds the range bitmap when it has never been built or when the overlay holds more
	 * than one person in 32 (and more than 4,096).
	 */
	void seal() {
		if (this.sealed && this.changed.getCardinality() <= Math.max(4096, this.rows / 32)) {
			return;
		}
		long max = 1;
		for (int row = 0; row < this.rows; row++) {
			max = Math.max(max, stored(row));
		}
		this.max = max;
		RangeBitmap.Appender appender = RangeBitmap.appender(max);
		for (int row = 0; row < this.rows; row++) {
			appender.add(stored(row));
		}
		this.baseBytes = appender.serializedSizeInBytes();
		this.base = appender.build();
		this.changed.clear();
		this.overlay = new NumericSlices();
		this.present.runOptimize();
		this.sealed = true;
	}

	/** Persons with a value for which {@code value op constant} holds. */
	RoaringBitmap compare(Comparison op, long constant) {
		return compare(op, constant, null);
	}

	/**
	 * The same, among {@code within} only (all persons when null): the range bitmap only
	 * looks at the containers {@code within} has.
	 */
	RoaringBitmap compare(Comparison op, long constant, RoaringBitmap within) {
		requireSealed();
		RoaringBitmap result;
		if (constant < 0) {
			result = (op == Comparison.GE || op == Comparison.GT) ? candidates(within) : new RoaringBitmap();
		}
		else if (constant >= Long.MAX_VALUE - 1) {
			result = (op == Comparison.LE || op == Comparison.LT) ? candidates(within) : new RoaringBitmap();
		}
		else if (scans(within)) {
			result = scan(op, constant, within, true).bitmap;
		}
		else {
			long shifted = constant + 1;
			result = switch (op) {
				case GE -> (within == null) ? this.base.gte(shifted) : this.base.gte(shifted, within);
				case GT -> (within == null) ? this.base.gt(shifted) : this.base.gt(shifted, within);
				case EQ -> (within == null) ? this.base.eq(shifted) : this.base.eq(shifted, within);
				case LE ->
					(within == null) ? this.base.between(1, shifted) : this.base.lte(shifted, candidates(within));
				case LT ->
					(within == null) ? this.base.between(1, shifted - 1) : this.base.lt(shifted, candidates(within));
			};
			if (!this.changed.isEmpty()) {
				result.andNot(this.changed);
				result.or(this.overlay.compare(op, constant, within));
			}
		}
		return result;
	}

	/**
	 * How many persons of {@code within} (all when null) have a value for which
	 * {@code value op constant} holds.
	 */
	long count(Comparison op, long constant, RoaringBitmap within) {
		requireSealed();
		if (constant >= 0 && constant < Long.MAX_VALUE - 1 && scans(within)) {
			return scan(op, constant, within, false).count;
		}
		// RangeBitmap's cardinalities within a context disagreed with its bitmaps within
		// the
		// same context (a property test found 105 against 103), so a context is counted
		// from the bitmap
		if (within != null || !this.changed.isEmpty() || constant < 0 || constant >= Long.MAX_VALUE - 1) {
			RoaringBitmap matching = compare(op, constant, within);
			return matching.getLongCardinality();
		}
		long shifted = constant + 1;
		return switch (op) {
			case GE -> this.base.gteCardinality(shifted);
			case GT -> this.base.gtCardinality(shifted);
			case EQ -> this.base.eqCardinality(shifted);
			case LE -> this.base.betweenCardinality(1, shifted);
			case LT -> this.base.betweenCardinality(1, shifted - 1);
		};
	}

	long sizeInBytes() {
		long values = (this.wide != null) ? (long) this.wide.length * Long.BYTES
				: (long) this.narrow.length * Integer.BYTES;
		return values + this.baseBytes + this.present.getLongSizeInBytes() + this.changed.getLongSizeInBytes()
				+ this.overlay.sizeInBytes();
	}

	/** How many bit slices the range bitmap has: what a comparison over it costs. */
	int slices() {
		return 64 - Long.numberOfLeadingZeros(this.max);
	}

	int overlaySize() {
		return this.changed.getCardinality();
	}

	/**
	 * Whether looking up each person of {@code within} is cheaper than the range bitmap,
	 * which works through every slice of every 65,536-person block {@code within} touches
	 * (about a microsecond each), while a look-up in a value array larger than the caches
	 * costs a cache miss: when {@code within} holds fewer persons than rows times slices
	 * over 2,048.
	 */
	private boolean scans(RoaringBitmap within) {
		if (within == null || !this.lookups) {
			return false;
		}
		return within.getLongCardinality() * 2048 < (long) this.rows * slices();
	}

	/**
	 * The persons of {@code within} whose stored value (value plus one) is in a range.
	 */
	private Scan scan(Comparison op, long constant, RoaringBitmap within, boolean collect) {
		long shifted = constant + 1;
		long low = switch (op) {
			case GE, EQ -> shifted;
			case GT -> shifted + 1;
			case LE, LT -> 1;
		};
		long high = switch (op) {
			case LE, EQ -> shifted;
			case LT -> shifted - 1;
			case GE, GT -> Long.MAX_VALUE;
		};
		RoaringBitmapWriter<RoaringBitmap> writer = collect ? RoaringBitmapWriter.writer().get() : null;
		long count = 0;
		int[] batch = new int[256];
		BatchIterator persons = within.getBatchIterator();
		int[] narrow = this.narrow;
		long[] wide = this.wide;
		int rows = this.rows;
		while (persons.hasNext()) {
			int n = persons.nextBatch(batch);
			for (int i = 0; i < n; i++) {
				int person = batch[i];
				if (person >= rows) {
					continue;
				}
				long value = (wide != null) ? wide[person] : narrow[person];
				if (value >= low && value <= high) {
					count++;
					if (collect) {
						writer.add(person);
					}
				}
			}
		}
		return new Scan(collect ? writer.get() : null, count);
	}

	private record Scan(RoaringBitmap bitmap, long count) {

	}

	private RoaringBitmap candidates(RoaringBitmap within) {
		return (within == null) ? this.present.clone() : RoaringBitmap.and(this.present, within);
	}

	private void requireSealed() {
		if (!this.sealed) {
			throw new IllegalStateException("a numeric column is sealed before it is read");
		}
	}

	private long stored(int row) {
		return (this.wide != null) ? this.wide[row] : this.narrow[row];
	}

	private void store(int person, long shifted) {
		int length = (this.wide != null) ? this.wide.length : this.narrow.length;
		if (person >= length) {
			int grown = Math.max(person + 1, Math.max(1024, length + (length >> 1)));
			if (this.wide != null) {
				this.wide = Arrays.copyOf(this.wide, grown);
			}
			else {
				this.narrow = Arrays.copyOf(this.narrow, grown);
			}
		}
		if (this.wide == null && shifted > Integer.MAX_VALUE) {
			this.wide = new long[this.narrow.length];
			for (int i = 0; i < this.narrow.length; i++) {
				this.wide[i] = this.narrow[i];
			}
			this.narrow = null;
		}
		if (this.wide != null) {
			this.wide[person] = shifted;
		}
		else {
			this.narrow[person] = (int) shifted;
		}
		this.rows = Math.max(this.rows, person + 1);
	}

}
