package dev.siyu.synthetic;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ScrambleTests {

	@Test
	void decimalIsABijectionOfItsRange() {
		for (int digits = 2; digits <= 5; digits++) {
			long size = (long) Math.pow(10, digits);
			Set<Long> seen = new HashSet<>();
			for (long value = 0; value < size; value++) {
				long scrambled = Scramble.decimal(value, digits, 12345L * digits);
				assertThat(scrambled).isBetween(0L, size - 1);
				seen.add(scrambled);
			}
			assertThat(seen).hasSize((int) size);
		}
	}

	@Test
	void decimalKeepsTheDigitsAboveItsRange() {
		assertThat(Scramble.decimal(7_000_000_123L, 9, 1) / 1_000_000_000L).isEqualTo(7);
		assertThat(Scramble.decimal(7_000_000_123L, 9, 1)).isNotEqualTo(Scramble.decimal(123L, 9, 1));
	}

	@Test
	void paddedFillsWithLeadingZeros() {
		assertThat(Scramble.padded(42, 5)).isEqualTo("00042");
		assertThat(Scramble.padded(123456, 3)).isEqualTo("123456");
	}

}
