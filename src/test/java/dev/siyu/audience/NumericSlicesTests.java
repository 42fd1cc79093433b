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

class NumericSlicesTests {

	@Property(tries = 300)
	void comparisonsFindExactlyThePersonsAScanFinds(@ForAll @Size(max = 60) List<@LongRange(max = 5000) Long> values,
			@ForAll Comparison op, @ForAll @LongRange(min = -2, max = 6000) long constant,
			@ForAll @IntRange(max = 59) int cleared) {
		NumericSlices slices = new NumericSlices();
		for (int person = 0; person < values.size(); person++) {
			slices.set(person * 3, values.get(person));
		}
		if (cleared < values.size()) {
			slices.clear(cleared * 3);
		}
		RoaringBitmap expected = new RoaringBitmap();
		for (int person = 0; person < values.size(); person++) {
			if (person != cleared && op.holds(values.get(person), constant)) {
				expected.add(person * 3);
			}
		}
		assertThat(slices.compare(op, constant)).isEqualTo(expected);
		RoaringBitmap within = RoaringBitmap.bitmapOfRange(0, 60);
		assertThat(slices.compare(op, constant, within)).isEqualTo(RoaringBitmap.and(expected, within));
	}

	@Test
	void aBulkBuildEqualsOneByOneSetting() {
		int[] persons = { 1, 5, 9, 70000, 140000 };
		long[] values = { 0, 7, 1L << 33, 12345, 7 };
		NumericSlices built = NumericSlices.build(persons, values, persons.length);
		NumericSlices set = new NumericSlices();
		for (int i = 0; i < persons.length; i++) {
			set.set(persons[i], values[i]);
		}
		for (Comparison op : Comparison.values()) {
			for (long constant : new long[] { 0, 7, 12345, 1L << 33, (1L << 34) + 1 }) {
				assertThat(built.compare(op, constant)).isEqualTo(set.compare(op, constant));
			}
		}
		assertThat(built.compare(Comparison.EQ, 7)).isEqualTo(RoaringBitmap.bitmapOf(5, 140000));
	}

}
