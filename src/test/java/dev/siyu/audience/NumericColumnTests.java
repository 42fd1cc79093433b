package dev.siyu.audience;

import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.roaringbitmap.RoaringBitmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NumericColumnTests {

	/**
	 * Values set before sealing land in the range bitmap, later ones in the overlay;
	 * persons are spread over several containers and some are added after sealing, beyond
	 * the base.
	 */
	@Property(tries = 200)
	void comparisonsFindExactlyThePersonsAScanFinds(@ForAll @Size(max = 60) List<@LongRange(max = 5000) Long> values,
			@ForAll @Size(max = 20) List<@LongRange(max = 3_000_000_000L) Long> later, @ForAll Comparison op,
			@ForAll @LongRange(min = -2, max = 6000) long constant, @ForAll @IntRange(max = 59) int cleared,
			@ForAll boolean lookups) {
		NumericColumn column = new NumericColumn(lookups);
		long[] truth = new long[80];
		java.util.Arrays.fill(truth, -1);
		for (int person = 0; person < values.size(); person++) {
			column.set(number(person), values.get(person));
			truth[person] = values.get(person);
		}
		column.seal();
		for (int i = 0; i < later.size(); i++) {
			int person = (i % 2 == 0) ? i : 60 + i;
			column.set(number(person), later.get(i) % ((i % 3 == 0) ? 7000 : Long.MAX_VALUE));
			truth[person] = later.get(i) % ((i % 3 == 0) ? 7000 : Long.MAX_VALUE);
		}
		column.clear(number(cleared));
		truth[cleared] = -1;
		RoaringBitmap expected = new RoaringBitmap();
		for (int person = 0; person < truth.length; person++) {
			if (truth[person] >= 0 && op.holds(truth[person], constant)) {
				expected.add(number(person));
			}
		}
		RoaringBitmap within = new RoaringBitmap();
		for (int person = 0; person < truth.length; person += 3) {
			within.add(number(person));
		}
		assertThat(column.compare(op, constant)).isEqualTo(expected);
		assertThat(column.count(op, constant, null)).isEqualTo(expected.getLongCardinality());
		assertThat(column.compare(op, constant, within)).isEqualTo(RoaringBitmap.and(expected, within));
		assertThat(column.count(op, constant, within)).isEqualTo(RoaringBitmap.andCardinality(expected, within));
		column.seal();
		NumericColumn resealed = new NumericColumn();
		for (int person = 0; person < truth.length; person++) {
			if (truth[person] >= 0) {
				resealed.set(number(person), truth[person]);
			}
		}
		resealed.seal();
		assertThat(resealed.compare(op, constant, within)).isEqualTo(RoaringBitmap.and(expected, within));
	}

	@Test
	void aBulkBuildAnswersLikeBitSlices() {
		int[] persons = { 1, 5, 9, 70000, 140000 };
		long[] values = { 0, 7, 1L << 33, 12345, 7 };
		NumericColumn built = NumericColumn.build(persons, values, persons.length);
		NumericSlices slices = NumericSlices.build(persons, values, persons.length);
		for (Comparison op : Comparison.values()) {
			for (long constant : new long[] { -1, 0, 7, 12345, 1L << 33, (1L << 34) + 1 }) {
				assertThat(built.compare(op, constant)).isEqualTo(slices.compare(op, constant));
			}
		}
		assertThat(built.compare(Comparison.EQ, 7)).isEqualTo(RoaringBitmap.bitmapOf(5, 140000));
	}

	@Test
	void aLargeOverlayIsFoldedIntoTheRangeBitmapWhenSealed() {
		NumericColumn column = new NumericColumn();
		for (int person = 0; person < 200_000; person++) {
			column.set(person, person % 100);
		}
		column.seal();
		for (int person = 0; person < 10_000; person++) {
			column.set(person, 1000);
		}
		assertThat(column.overlaySize()).isEqualTo(10_000);
		column.seal();
		assertThat(column.overlaySize()).isZero();
		assertThat(column.count(Comparison.EQ, 1000, null)).isEqualTo(10_000);
		assertThat(column.count(Comparison.LT, 1, null)).isEqualTo(1_900);
	}

	@Test
	void aColumnIsReadOnlyOnceSealed() {
		NumericColumn column = new NumericColumn();
		column.set(3, 4);
		assertThatThrownBy(() -> column.compare(Comparison.GE, 1)).isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(() -> column.set(1, -5)).isInstanceOf(IllegalArgumentException.class);
	}

	/** Persons 0..79 spread over two containers. */
	private static int number(int person) {
		return (person / 40) * 66_000 + person % 40 * 3;
	}

}
