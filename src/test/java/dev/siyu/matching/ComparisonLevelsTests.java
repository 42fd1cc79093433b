package dev.siyu.matching;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Each field kind reaches the level its values deserve. */
class ComparisonLevelsTests {

	@Test
	void chineseNamesAgreeByPinyinAndWithSurnameAndGivenNameSwapped() {
		assertThat(level(FieldKind.FULL_NAME, "张伟", "张伟")).isEqualTo("exact");
		assertThat(level(FieldKind.FULL_NAME, "张伟", "Zhang Wei")).isEqualTo("same_pinyin");
		assertThat(level(FieldKind.FULL_NAME, "张伟", "Wei Zhang")).isEqualTo("order_swapped");
		assertThat(level(FieldKind.FULL_NAME, "欧阳娜娜", "娜娜欧阳")).isEqualTo("order_swapped");
		assertThat(level(FieldKind.SURNAME, "张", "章")).isEqualTo("same_pinyin");
		assertThat(level(FieldKind.FULL_NAME, "张伟", "李娜")).isEqualTo("different");
	}

	@Test
	void maskedPhonesAgreeOnTheDigitsBothShow() {
		assertThat(level(FieldKind.PHONE, "13812345678", "+86 138 1234 5678")).isEqualTo("exact");
		assertThat(level(FieldKind.PHONE, "138****5678", "13812345678")).isEqualTo("visible_digits_agree");
		assertThat(level(FieldKind.PHONE, "138****5678", "13812345679")).isEqualTo("different");
		assertThat(level(FieldKind.PHONE, "13812345678", "13812345687")).isEqualTo("one_digit_off");
		assertThat(level(FieldKind.PHONE, "18877771111-123", "18877771111-456")).isEqualTo("visible_digits_agree");
	}

	@Test
	void datesAgreeWithDayAndMonthSwappedOrOneDigitOff() {
		assertThat(level(FieldKind.DATE, "1981-09-23", "19810923")).isEqualTo("exact");
		assertThat(level(FieldKind.DATE, "19810305", "19810503")).isEqualTo("day_month_swapped");
		assertThat(level(FieldKind.DATE, "19810923", "19810928")).isEqualTo("one_digit_off");
		assertThat(level(FieldKind.DATE, "19810923", "19710328")).isEqualTo("different");
	}

	@Test
	void chineseAddressesAreComparedByTheirParts() {
		assertThat(level(FieldKind.ADDRESS, "浙江省杭州市西湖区文三路100号", "浙江 杭州市 西湖区 文三路100号")).isEqualTo("exact");
		assertThat(level(FieldKind.ADDRESS, "浙江省杭州市西湖区文三路100号", "浙江省杭州市西湖区文三路100号3栋")).isEqualTo("similar");
		assertThat(level(FieldKind.ADDRESS, "浙江省杭州市西湖区文三路100号", "浙江省杭州市西湖区灵隐路8号")).isEqualTo("same_district");
		assertThat(level(FieldKind.ADDRESS, "浙江省杭州市西湖区文三路100号", "浙江省杭州市滨江区文三路100号")).isEqualTo("different");
	}

	@Test
	void idNumbersAndCodesAgreeExactlyOrOneCharacterOff() {
		assertThat(level(FieldKind.ID_NUMBER, "330106198109230012", "330106198109230012")).isEqualTo("exact");
		assertThat(level(FieldKind.ID_NUMBER, "330106198109230012", "330106198109320012"))
			.isEqualTo("one_character_off");
		assertThat(level(FieldKind.POSTCODE, "2614", "2641")).isEqualTo("one_character_off");
		assertThat(level(FieldKind.STREET_NUMBER, "12", "45")).isEqualTo("different");
	}

	@Test
	void emptyValuesAreMissingNotDifferent() {
		Comparison names = FieldKind.GIVEN_NAME.comparison();
		assertThat(names.prepare("  ")).isNull();
		assertThat(FieldKind.PHONE.comparison().prepare("n/a")).isNull();
	}

	private static String level(FieldKind kind, String a, String b) {
		Comparison comparison = kind.comparison();
		return comparison.levels()[comparison.compare(comparison.prepare(a), comparison.prepare(b))];
	}

}
