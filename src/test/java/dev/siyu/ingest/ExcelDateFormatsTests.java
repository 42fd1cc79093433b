package dev.siyu.ingest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ExcelDateFormatsTests {

	@Test
	void builtInDateFormatsAreDates() {
		assertThat(ExcelDateFormats.isDate(14, "mm-dd-yy")).isTrue();
		assertThat(ExcelDateFormats.isDate(22, null)).isTrue();
		assertThat(ExcelDateFormats.isDate(31, null)).as("Chinese locale yyyy年m月d日").isTrue();
	}

	@Test
	void customFormatsWithDateOrTimeLettersAreDates() {
		assertThat(ExcelDateFormats.isDate(164, "yyyy-mm-dd hh:mm:ss")).isTrue();
		assertThat(ExcelDateFormats.isDate(165, "yyyy\"年\"m\"月\"d\"日\"")).isTrue();
		assertThat(ExcelDateFormats.isDate(166, "[$-804]yyyy/m/d")).isTrue();
	}

	@Test
	void numberFormatsAreNotDates() {
		assertThat(ExcelDateFormats.isDate(0, "General")).isFalse();
		assertThat(ExcelDateFormats.isDate(4, "#,##0.00")).isFalse();
		assertThat(ExcelDateFormats.isDate(11, "0.00E+00")).isFalse();
		assertThat(ExcelDateFormats.isDate(167, "\"¥\"#,##0.00;[Red]\"-¥\"#,##0.00")).isFalse();
		assertThat(ExcelDateFormats.isDate(168, "0\"天\"")).isFalse();
		assertThat(ExcelDateFormats.isDate(null, null)).isFalse();
	}

	@Test
	void elapsedTimesAreNotDates() {
		assertThat(ExcelDateFormats.isDate(169, "[h]:mm:ss")).isFalse();
	}

}
