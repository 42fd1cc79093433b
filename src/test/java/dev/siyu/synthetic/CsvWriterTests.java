package dev.siyu.synthetic;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class CsvWriterTests {

	@TempDir
	Path directory;

	@Test
	void quotesCellsWithCommasQuotesOrLineBreaksAndDoublesInnerQuotes() throws IOException {
		Path file = this.directory.resolve("quoted.csv");
		try (CsvWriter writer = CsvWriter.utf8(file, false, false)) {
			writer.text("plain").text("a,b").text("say \"hi\"").text("two\nlines").text(null).cell(new Cell("x,\"y\""));
			writer.endRow();
		}
		assertThat(Files.readString(file))
			.isEqualTo("plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",,\"x,\"\"y\"\"\"\n");
	}

	@Test
	void writesAmountsWithTwoDecimalsAndOptionalThousandsSeparators() throws IOException {
		Path file = this.directory.resolve("money.csv");
		try (CsvWriter writer = CsvWriter.utf8(file, false, true)) {
			writer.money(129_900).money(5).groupedMoney(129_900).groupedMoney(123_456_700).groupedMoney(99_999);
			writer.endRow();
		}
		assertThat(Files.readString(file)).isEqualTo("1299.00,0.05,\"1,299.00\",\"1,234,567.00\",999.99\r\n");
	}

	@Test
	void gbkBytesMatchTheJdkEncoder() throws IOException {
		String text = "牧源鲜牛奶950ml 买家已付款，等待卖家发货 浙江省 杭州市 β-酪蛋白 €";
		Path file = this.directory.resolve("gbk.csv");
		try (CsvWriter writer = CsvWriter.gbk(file, false)) {
			writer.text(text).raw("交易成功").and("'138").andDigits(42, 4);
		}
		assertThat(Files.readAllBytes(file)).isEqualTo((text + ",交易成功'1380042").getBytes(GbkTable.GBK));
	}

	@Test
	void utf8WithByteOrderMarkMatchesTheJdkEncoder() throws IOException {
		String text = "抖音 直播 😀 ü";
		Path file = this.directory.resolve("utf8.csv");
		try (CsvWriter writer = CsvWriter.utf8(file, true, false)) {
			writer.text(text);
		}
		assertThat(Files.readAllBytes(file)).isEqualTo(("\uFEFF" + text).getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void writesCellsLongerThanTheBuffer() throws IOException {
		String text = "奶".repeat(300_000);
		Path file = this.directory.resolve("long.csv");
		try (CsvWriter writer = CsvWriter.utf8(file, false, false)) {
			writer.text("a").text(text).text("b,c");
		}
		assertThat(Files.readString(file)).isEqualTo("a," + text + ",\"b,c\"");
	}

}
