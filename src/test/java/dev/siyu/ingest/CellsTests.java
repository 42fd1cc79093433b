package dev.siyu.ingest;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class CellsTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', nullValues = "NULL",
			value = { "99.00|99.00", "'1,299.00'|1299.00", "¥88|88", "￥ 1 000.5|1000.5", "-5.00|-5.00", "0.10元|0.10",
					"12.345|NULL", "12.340|12.34", "abc|NULL", "1.2.3|NULL", "''|''", "'1,234,567.50'|1234567.50",
					"'268,00'|NULL", "'1,2,3'|NULL", "',100'|NULL", "'1.000,50'|NULL", "'1,2345'|NULL" })
	void readsAmountsAsPlatformsWriteThem(String cell, String expected) {
		assertThat(Cells.amount(cell)).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', nullValues = "NULL", value = { "2024-01-05 12:34:56|2024-01-05 12:34:56",
			"2024/1/5 8:04|2024-01-05 08:04:00", "2024-01-05|2024-01-05 00:00:00", "20240105|2024-01-05 00:00:00",
			"2024-01-05T12:34:56|2024-01-05 12:34:56", "2024-01-05 12:34:56.789|2024-01-05 12:34:56",
			"2024年1月5日 12:00|2024-01-05 12:00:00", "2024-02-30 00:00:00|NULL", "2024-13-01|NULL", "yesterday|NULL",
			"2024-01-05 25:00:00|NULL", "12:00|NULL", "''|''", "45296|2024-01-05 00:00:00",
			"45296.5|2024-01-05 12:00:00", "45296.37708333|2024-01-05 09:03:00", "25568|NULL", "99999|NULL",
			"45296.|NULL", "45296.5x|NULL", "2024-01-05T12:34:56Z|2024-01-05 12:34:56+00:00",
			"2024-01-05T12:34:56+08:00|2024-01-05 12:34:56+08:00",
			"2024-01-05T12:34:56.120-0500|2024-01-05 12:34:56-05:00", "2024-01-05T12:34+08|2024-01-05 12:34:00+08:00",
			"2024-01-05T12:34:56+8:00|NULL", "2024-01-05T12:34:56+25:00|NULL", "2024-01-05T12:34:56Zulu|NULL" })
	void readsTimesInTheLayoutsExportsUse(String cell, String expected) {
		assertThat(Cells.dateTime(cell)).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource({ "3.51531E+16,true", "3.51531314732936E+16,true", "1E+18,true", "3.5e16,true",
			"35153131473293579,false", "E+16,false", "3.5E,false", "3.5E+1x,false", "abcE+16,false", "'',false" })
	void tellsIdsASpreadsheetTurnedIntoScientificNotation(String cell, boolean scientific) {
		assertThat(Cells.isScientific(cell)).isEqualTo(scientific);
	}

	@ParameterizedTest
	@CsvSource({ "合计,true", "总计：,true", " 合计 ,true", "Total,true", "汇总:,true", "合计订单,false", "3001,false" })
	void tellsTheLabelOfATotalRow(String cell, boolean total) {
		assertThat(Cells.isTotalLabel(cell)).isEqualTo(total);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', nullValues = "NULL",
			value = { "2|2", "2.0|2", "2.5|NULL", "-1|NULL", "x|NULL", "''|''" })
	void readsWholeQuantities(String cell, String expected) {
		assertThat(Cells.quantity(cell)).isEqualTo(expected);
	}

}
