package dev.siyu.shared;

import dev.siyu.shared.PhoneNumber.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PhoneNumberTests {

	@ParameterizedTest
	@ValueSource(strings = { "13812345678", "'13812345678", "=\"13812345678\"", "+86 138 1234 5678", "+8613812345678",
			"8613812345678", "0086 13812345678", "86-138-1234-5678", "138-1234-5678", " 138 1234 5678 ",
			"\"13812345678\"", "１３８１２３４５６７８", "13812345678.0", "(+86)13812345678" })
	void readsMobileNumbersWrittenInTheWaysExportsWriteThem(String raw) {
		PhoneNumber phone = PhoneNumber.parse(raw);

		assertThat(phone.kind()).isEqualTo(Kind.MOBILE);
		assertThat(phone.normalized()).isEqualTo("13812345678");
		assertThat(phone.isStrongIdentifier()).isTrue();
	}

	@Test
	void masksAMobileLikeShoppingApps() {
		PhoneNumber phone = PhoneNumber.parse("13812345678");

		assertThat(phone.masked()).isEqualTo("138****5678");
		assertThat(phone.visiblePrefix()).isEqualTo("138");
		assertThat(phone.visibleSuffix()).isEqualTo("5678");
	}

	@ParameterizedTest
	@CsvSource({ "138****1234, 138****1234, 138, 1234", "1**********, 1**********, 1, ''",
			"+86 138****1234, 138****1234, 138, 1234", "*******1234, *******1234, '', 1234",
			"138＊＊＊＊1234, 138****1234, 138, 1234" })
	void keepsTheVisiblePartsOfMaskedNumbers(String raw, String normalized, String prefix, String suffix) {
		PhoneNumber phone = PhoneNumber.parse(raw);

		assertThat(phone.kind()).isEqualTo(Kind.MASKED);
		assertThat(phone.normalized()).isEqualTo(normalized);
		assertThat(phone.visiblePrefix()).isEqualTo(prefix);
		assertThat(phone.visibleSuffix()).isEqualTo(suffix);
		assertThat(phone.isStrongIdentifier()).isFalse();
	}

	@Test
	void aMaskedNumberMatchesTheFullNumberItHides() {
		PhoneNumber full = PhoneNumber.parse("13812341234");
		PhoneNumber masked = PhoneNumber.parse("138****1234");

		assertThat(masked.visiblePrefix()).isEqualTo(full.visiblePrefix());
		assertThat(masked.visibleSuffix()).isEqualTo(full.visibleSuffix());
		assertThat(masked.masked()).isEqualTo(full.masked());
	}

	@Test
	void readsMaskedNumbersFromSpreadsheetCells() {
		assertThat(PhoneNumber.parse("'138****1234")).isEqualTo(PhoneNumber.parse("=\"138****1234\""))
			.isEqualTo(new PhoneNumber(Kind.MASKED, "138****1234"));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "18877771111-123 | 18877771111-123", "18877771111转123 | 18877771111-123",
					"18877771111_1234 | 18877771111-1234", "18877771111 转 1234 | 18877771111-1234",
					"18877771111#123 | 18877771111-123", "+86 18877771111-123 | 18877771111-123",
					"18877771111,123 | 18877771111-123", "188 7777 1111-123 | 18877771111-123" })
	void recognisesVirtualNumbersAsWeakIdentifiers(String raw, String normalized) {
		PhoneNumber phone = PhoneNumber.parse(raw);

		assertThat(phone.kind()).isEqualTo(Kind.VIRTUAL);
		assertThat(phone.normalized()).isEqualTo(normalized);
		assertThat(phone.number()).isEqualTo("18877771111");
		assertThat(phone.isStrongIdentifier()).isFalse();
		assertThat(phone.masked()).isEqualTo("188****1111-***");
	}

	@ParameterizedTest
	@CsvSource({ "0571-88886666, 057188886666, 0571", "057188886666, 057188886666, 0571",
			"(0571) 8888 6666, 057188886666, 0571", "010-62345678, 01062345678, 010", "020 87654321, 02087654321, 020",
			"0571-88886666-801, 057188886666-801, 0571", "0571-88886666转801, 057188886666-801, 0571",
			"+86 571 88886666, 057188886666, 0571", "88886666, 88886666, ''", "0571-8888666, 05718888666, 0571" })
	void readsLandlinesWithAreaCodeAndExtension(String raw, String normalized, String areaCode) {
		PhoneNumber phone = PhoneNumber.parse(raw);

		assertThat(phone.kind()).isEqualTo(Kind.LANDLINE);
		assertThat(phone.normalized()).isEqualTo(normalized);
		assertThat(phone.visiblePrefix()).isEqualTo(areaCode);
		assertThat(phone.isStrongIdentifier()).isFalse();
	}

	@Test
	void masksALandlineKeepingAreaCodeAndLastDigits() {
		assertThat(PhoneNumber.parse("0571-88886666-801").masked()).isEqualTo("0571****6666");
	}

	@ParameterizedTest
	@CsvSource({ "+852 9123 4567, +85291234567", "+1 415 555 0100, +14155550100", "00852 91234567, +85291234567" })
	void keepsForeignNumbersWithTheirCountryCode(String raw, String normalized) {
		PhoneNumber phone = PhoneNumber.parse(raw);

		assertThat(phone.kind()).isEqualTo(Kind.FOREIGN);
		assertThat(phone.normalized()).isEqualTo(normalized);
		assertThat(phone.isStrongIdentifier()).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "abc", "1381234567", "138123456789", "12812345678", "13812345678/13987654321",
			"13812345678 13987654321", "无", "tel:13812345678", "1.3812345678E+10", "13812345678转", "转123", "+",
			"0000000000", "4008208820", "95555", "13812345678-1234567", "０５７１－8888666６６６６" })
	void rejectsTextThatIsNotAPhoneNumber(String raw) {
		PhoneNumber phone = PhoneNumber.parse(raw);

		assertThat(phone.kind()).isEqualTo(Kind.INVALID);
		assertThat(phone.normalized()).isEmpty();
		assertThat(phone.isStrongIdentifier()).isFalse();
		assertThat(phone.masked()).isEqualTo("****");
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "   ", "'", "=\"\"", "-", "\u3000" })
	void treatsBlankCellsAsEmpty(String raw) {
		PhoneNumber phone = PhoneNumber.parse(raw);

		assertThat(phone.kind()).isEqualTo(Kind.EMPTY);
		assertThat(phone.masked()).isEmpty();
	}

	@Test
	void neverThrowsOnArbitraryText() {
		String[] samples = { "*", "+*", "1*", "0", "00", "0086", "86", "+86", "转", "0571-", "-123",
				"1" + "2".repeat(100), "＋８６ １３８ １２３４ ５６７８", "13812345678ext12", "\uD83D\uDE00", "138****1234转12" };
		for (String sample : samples) {
			PhoneNumber phone = PhoneNumber.parse(sample);
			assertThat(phone.kind()).isNotNull();
			assertThat(phone.masked()).isNotNull();
			assertThat(phone.visiblePrefix()).isNotNull();
			assertThat(phone.visibleSuffix()).isNotNull();
		}
	}

	@Test
	void masksEvenHandBuiltValues() {
		for (Kind kind : Kind.values()) {
			for (String normalized : new String[] { "", "1", "0", "12-3", "*" }) {
				PhoneNumber phone = new PhoneNumber(kind, normalized);
				assertThat(phone.masked()).isNotNull();
				assertThat(phone.visiblePrefix()).isNotNull();
				assertThat(phone.visibleSuffix()).isNotNull();
			}
		}
	}

	@Test
	void doesNotRevealTheNumberInItsTextForm() {
		assertThat(PhoneNumber.parse("13812345678")).hasToString("PhoneNumber[MOBILE 138****5678]");
	}

	@Test
	void equalsByKindAndNormalizedForm() {
		assertThat(PhoneNumber.parse("'13812345678")).isEqualTo(PhoneNumber.parse("+86 138-1234-5678"));
	}

}
