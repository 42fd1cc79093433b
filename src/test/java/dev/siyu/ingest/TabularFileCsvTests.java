package dev.siyu.ingest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

class TabularFileCsvTests {

	private static final Charset GBK = Charset.forName("GBK");

	@TempDir
	Path folder;

	@Test
	void readsGbkTaobaoExportWithSpreadsheetTricksUndone() throws IOException {
		Path file = write("ExportOrderList202405.csv", GBK, """
				订单编号 ,买家会员名,联系手机,买家实际支付金额,收货地址 ,订单状态
				="35153131473293579",tb_小明,'13812345678,"1,299.00","浙江省 杭州市 西湖区 文三路 1号, 2单元(310000)",交易成功
				="35153131473293580",　李四　,'13900001111,88.50,"上海 上海市 浦东新区
				张江路 99弄(200120)",卖家已发货
				="35153131473293581",王五,,12.00,北京 北京市 朝阳区 建国路 8号(100020),交易关闭
				""");

		try (TabularFile tabular = TabularFile.open(file)) {
			assertThat(tabular.header()).containsExactly("订单编号", "买家会员名", "联系手机", "买家实际支付金额", "收货地址", "订单状态");
			assertThat(tabular.charset()).isEqualTo(TextEncodings.GB18030);
			assertThat(tabular.describe()).isEqualTo("CSV, GB18030, 6 columns");

			assertThat(tabular.next()).isTrue();
			assertThat(tabular.rowNumber()).isEqualTo(2);
			assertThat(cells(tabular)).containsExactly("35153131473293579", "tb_小明", "13812345678", "1,299.00",
					"浙江省 杭州市 西湖区 文三路 1号, 2单元(310000)", "交易成功");

			assertThat(tabular.next()).isTrue();
			assertThat(tabular.rowNumber()).isEqualTo(3);
			assertThat(tabular.cell(1)).isEqualTo("李四");
			assertThat(tabular.cell(4)).isEqualTo("上海 上海市 浦东新区\n张江路 99弄(200120)");
			assertThat(tabular.cell(5)).isEqualTo("卖家已发货");

			assertThat(tabular.next()).isTrue();
			assertThat(tabular.rowNumber()).isEqualTo(4);
			assertThat(tabular.cell(0)).isEqualTo("35153131473293581");
			assertThat(tabular.cell(2)).isEmpty();

			assertThat(tabular.next()).isFalse();
		}
	}

	@Test
	void removesUtf8ByteOrderMarkFromFirstHeader() throws IOException {
		byte[] bom = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };
		Path file = write("orders.csv", concat(bom, "订单编号,金额\n1001,9.90\n".getBytes(StandardCharsets.UTF_8)));

		try (TabularFile tabular = TabularFile.open(file)) {
			assertThat(tabular.charset()).isEqualTo(StandardCharsets.UTF_8);
			assertThat(tabular.header()).containsExactly("订单编号", "金额");
			assertThat(tabular.next()).isTrue();
			assertThat(cells(tabular)).containsExactly("1001", "9.90");
		}
	}

	@Test
	void detectsUtf8WithoutByteOrderMark() throws IOException {
		Path file = write("orders.csv", StandardCharsets.UTF_8, "主订单编号,收件人\n4938571,张三\n");

		try (TabularFile tabular = TabularFile.open(file)) {
			assertThat(tabular.charset()).isEqualTo(StandardCharsets.UTF_8);
			assertThat(tabular.header()).containsExactly("主订单编号", "收件人");
			assertThat(tabular.next()).isTrue();
			assertThat(tabular.cell(1)).isEqualTo("张三");
		}
	}

	@Test
	void readsCharactersOnlyGb18030CanEncode() throws IOException {
		String rareName = "\uD840\uDC00\u4DAE";
		assertThat(GBK.newEncoder().canEncode(rareName)).isFalse();
		Path file = write("orders.csv", TextEncodings.GB18030, "订单编号,收货人姓名\n1,陈" + rareName + "\n");

		try (TabularFile tabular = TabularFile.open(file)) {
			assertThat(tabular.charset()).isEqualTo(TextEncodings.GB18030);
			assertThat(tabular.next()).isTrue();
			assertThat(tabular.cell(1)).isEqualTo("陈" + rareName);
		}
	}

	@Test
	void readsUtf16WithByteOrderMarkAsExcelUnicodeTextWritesIt() throws IOException {
		byte[] bom = { (byte) 0xFF, (byte) 0xFE };
		Path file = write("orders.txt", concat(bom, "订单号\t客户姓名\r\n88001\t赵六\r\n".getBytes(StandardCharsets.UTF_16LE)));

		try (TabularFile tabular = TabularFile.open(file)) {
			assertThat(tabular.charset()).isEqualTo(StandardCharsets.UTF_16LE);
			assertThat(tabular.describe()).isEqualTo("TSV, UTF-16LE, 2 columns");
			assertThat(tabular.next()).isTrue();
			assertThat(cells(tabular)).containsExactly("88001", "赵六");
		}
	}

	@Test
	void readsTabSeparatedTextWhateverTheFileName() throws IOException {
		Path file = write("jd_orders.xls", GBK, "订单号\t商品名称\t订单金额\n3001\t保温杯, 500ml\t1,299.00\n");

		try (TabularFile tabular = TabularFile.open(file)) {
			assertThat(tabular.describe()).isEqualTo("TSV, GB18030, 3 columns");
			assertThat(tabular.next()).isTrue();
			assertThat(cells(tabular)).containsExactly("3001", "保温杯, 500ml", "1,299.00");
		}
	}

	@Test
	void readsSemicolonSeparatedTextAsExcelWritesItWhereTheCommaIsTheDecimalMark() throws IOException {
		Path file = write("orders.csv", StandardCharsets.UTF_8, "订单号;客户姓名;备注\n3001;赵六;\"a;b, c\"\n");

		try (TabularFile tabular = TabularFile.open(file)) {
			assertThat(tabular.describe()).isEqualTo("CSV, UTF-8, 3 columns");
			assertThat(tabular.next()).isTrue();
			assertThat(cells(tabular)).containsExactly("3001", "赵六", "a;b, c");
		}
	}

	@Test
	void findsTheDelimiterBelowATitleLineThatHasNone() throws IOException {
		Path file = write("orders.txt", StandardCharsets.UTF_8, "京东订单导出\r\n订单号\t客户姓名\r\n3001\t赵六\r\n");

		try (TabularFile tabular = TabularFile.open(file)) {
			assertThat(tabular.header()).containsExactly("京东订单导出");
			assertThat(tabular.headerOneRowLower()).isTrue();
			assertThat(tabular.header()).containsExactly("订单号", "客户姓名");
			assertThat(tabular.next()).isTrue();
			assertThat(cells(tabular)).containsExactly("3001", "赵六");
		}
	}

	@Test
	void keepsCommasAsTheDelimiterWhenAHeaderNameHoldsASemicolon() throws IOException {
		Path file = write("orders.csv", StandardCharsets.UTF_8, "订单号,备注;说明,金额\n3001,x;y,1.00\n");

		try (TabularFile tabular = TabularFile.open(file)) {
			assertThat(tabular.header()).containsExactly("订单号", "备注;说明", "金额");
		}
	}

	@Test
	void tellsALastRowCutOffBeforeItsLastColumnFromShortRowsThatEndProperly() throws IOException {
		Path cut = write("cut.csv", StandardCharsets.UTF_8, "id,amount,time\r\n1,9.90\r\n2,9.90,2024-01-0");
		Path whole = write("whole.csv", StandardCharsets.UTF_8, "id,amount,time\r\n1,9.90,2024-01-05");

		try (TabularFile tabular = TabularFile.open(cut)) {
			assertThat(tabular.next()).isTrue();
			assertThat(tabular.cutOff()).as("a short row with its line break").isFalse();
			assertThat(tabular.next()).isTrue();
			assertThat(tabular.cutOff()).as("a full row at the end without a line break").isFalse();
		}
		Path shortLast = write("short.csv", StandardCharsets.UTF_8, "id,amount,time\r\n1,9.90,2024-01-05\r\n2,9.9");
		try (TabularFile tabular = TabularFile.open(shortLast)) {
			assertThat(tabular.next()).isTrue();
			assertThat(tabular.cutOff()).isFalse();
			assertThat(tabular.next()).isTrue();
			assertThat(tabular.cutOff()).isTrue();
			assertThat(tabular.next()).isFalse();
			assertThat(tabular.cutOff()).isFalse();
		}
		try (TabularFile tabular = TabularFile.open(whole)) {
			assertThat(tabular.next()).isTrue();
			assertThat(tabular.cutOff()).isFalse();
		}
	}

	@Test
	void readsCrlfLineEndsInsideAndOutsideQuotes() throws IOException {
		Path file = write("orders.csv", StandardCharsets.UTF_8, "id,note\r\n1,\"line one\r\nline two\"\r\n2,plain\r\n");

		try (TabularFile tabular = TabularFile.open(file)) {
			assertThat(tabular.header()).containsExactly("id", "note");
			assertThat(tabular.next()).isTrue();
			assertThat(cells(tabular)).containsExactly("1", "line one\r\nline two");
			assertThat(tabular.next()).isTrue();
			assertThat(tabular.rowNumber()).isEqualTo(3);
			assertThat(cells(tabular)).containsExactly("2", "plain");
			assertThat(tabular.next()).isFalse();
		}
	}

	@Test
	void skipsBlankRowsButCountsThemInRowNumbers() throws IOException {
		Path file = write("orders.csv", StandardCharsets.UTF_8, "id,name\n\n1,a\n,\n  ,\u3000\n=\"\",'\n2,b");

		try (TabularFile tabular = TabularFile.open(file)) {
			assertThat(tabular.next()).isTrue();
			assertThat(tabular.rowNumber()).isEqualTo(3);
			assertThat(tabular.next()).isTrue();
			assertThat(tabular.rowNumber()).isEqualTo(7);
			assertThat(cells(tabular)).containsExactly("2", "b");
			assertThat(tabular.next()).isFalse();
		}
	}

	@Test
	void findsTheHeaderAfterLeadingBlankLines() throws IOException {
		Path file = write("orders.csv", StandardCharsets.UTF_8, "\n\r\nid,name\n1,a\n");

		try (TabularFile tabular = TabularFile.open(file)) {
			assertThat(tabular.header()).containsExactly("id", "name");
			assertThat(tabular.next()).isTrue();
			assertThat(tabular.rowNumber()).isEqualTo(4);
		}
	}

	@Test
	void parsesDoubledQuotesAndKeepsStrayQuotesInUnquotedCells() throws IOException {
		Path file = write("orders.csv", StandardCharsets.UTF_8,
				"id,title,size\n1,\"14\"\" 电脑包 \"\"限量\"\"\",15\" 屏\n2,\"quoted\"tail,3\n");

		try (TabularFile tabular = TabularFile.open(file)) {
			assertThat(tabular.next()).isTrue();
			assertThat(cells(tabular)).containsExactly("1", "14\" 电脑包 \"限量\"", "15\" 屏");
			assertThat(tabular.next()).isTrue();
			assertThat(cells(tabular)).containsExactly("2", "quotedtail", "3");
		}
	}

	@Test
	void cleansHeaderQuotesAndFormulaWrappedNames() throws IOException {
		Path file = write("orders.csv", StandardCharsets.UTF_8,
				"\u00A0\"订单编号\" ,=\"支付单号\",\"\"\"备注\"\"\",,\n1,2,3,,\n");

		try (TabularFile tabular = TabularFile.open(file)) {
			assertThat(tabular.header()).containsExactly("订单编号", "支付单号", "备注");
			assertThat(tabular.next()).isTrue();
			assertThat(tabular.size()).isEqualTo(5);
		}
	}

	@Test
	void answersEmptyCellsPastTheEndOfAShortRow() throws IOException {
		Path file = write("orders.csv", StandardCharsets.UTF_8, "a,b,c\n1\n");

		try (TabularFile tabular = TabularFile.open(file)) {
			assertThat(tabular.next()).isTrue();
			assertThat(tabular.size()).isEqualTo(1);
			assertThat(tabular.cell(0)).isEqualTo("1");
			assertThat(tabular.cell(2)).isEmpty();
		}
	}

	@Test
	void reportsProgressIncreasingToOne() throws IOException {
		StringBuilder text = new StringBuilder("订单编号,买家会员名,金额\n");
		for (int i = 0; i < 40_000; i++) {
			text.append("=\"3515313147329").append(i).append("\",买家").append(i).append(",12.50\n");
		}
		Path file = write("big.csv", GBK, text.toString());

		List<Double> seen = new ArrayList<>();
		try (TabularFile tabular = TabularFile.open(file)) {
			while (tabular.next()) {
				seen.add(tabular.progress());
			}
			seen.add(tabular.progress());
		}
		assertThat(seen).hasSize(40_001).isSorted().allMatch((fraction) -> fraction >= 0 && fraction <= 1);
		assertThat(seen.get(0)).isLessThan(0.5);
		assertThat(seen.get(seen.size() - 1)).isEqualTo(1.0);
	}

	@Test
	void readsUploadedStreams() throws IOException {
		byte[] content = "订单编号,金额\n1,2\n".getBytes(GBK);
		try (TabularFile tabular = TabularFile.open(new ByteArrayInputStream(content), "upload.csv", content.length)) {
			assertThat(tabular.header()).containsExactly("订单编号", "金额");
			assertThat(tabular.next()).isTrue();
			assertThat(tabular.progress()).isBetween(0.0, 1.0);
			assertThat(tabular.next()).isFalse();
			assertThat(tabular.progress()).isEqualTo(1.0);
		}
	}

	@Test
	void rejectsAnEmptyFile() throws IOException {
		Path file = write("ExportOrderList.csv", new byte[0]);

		assertThatIOException().isThrownBy(() -> TabularFile.open(file))
			.withMessage("file ExportOrderList.csv is empty");
	}

	@Test
	void rejectsAFileWithoutHeaderRow() throws IOException {
		Path file = write("blank.csv", StandardCharsets.UTF_8, "\r\n , \n\n");

		assertThatIOException().isThrownBy(() -> TabularFile.open(file))
			.withMessage("file blank.csv has no header row");
	}

	@Test
	void rejectsAnOldExcelWorkbook() throws IOException {
		byte[] ole2 = new byte[512];
		byte[] magic = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1 };
		System.arraycopy(magic, 0, ole2, 0, magic.length);
		Path file = write("订单.xls", ole2);

		assertThatIOException().isThrownBy(() -> TabularFile.open(file))
			.withMessage("file 订单.xls is an old Excel .xls workbook; save it as .xlsx or CSV");
	}

	@Test
	void rejectsBinaryGarbage() throws IOException {
		byte[] garbage = new byte[4096];
		new Random(7).nextBytes(garbage);
		garbage[0] = 'G';
		Path file = write("orders.csv", garbage);

		assertThatIOException().isThrownBy(() -> TabularFile.open(file))
			.withMessageStartingWith("file orders.csv is neither an XLSX workbook nor CSV text");
	}

	@Test
	void rejectsAWebPageSavedAsExcel() throws IOException {
		Path file = write("orders.xls", StandardCharsets.UTF_8, "<html><body><table><tr><td>订单号</td></tr></table>");

		assertThatIOException().isThrownBy(() -> TabularFile.open(file)).withMessageContaining("web page");
	}

	@Test
	void readsAQuoteThatIsNeverClosedAsTextAndFlagsOnlyItsRow() throws IOException {
		Path file = write("orders.csv", StandardCharsets.UTF_8,
				"id,note,amount\n1,ok,1\n2,\"broken,2\n3,more,3\n4,\"fine\",4\n");

		try (TabularFile tabular = TabularFile.open(file)) {
			assertThat(tabular.next()).isTrue();
			assertThat(tabular.unclosedQuote()).isEqualTo(-1);
			assertThat(tabular.next()).isTrue();
			assertThat(tabular.rowNumber()).isEqualTo(3);
			assertThat(cells(tabular)).containsExactly("2", "\"broken", "2");
			assertThat(tabular.unclosedQuote()).isEqualTo(1);
			assertThat(tabular.next()).isTrue();
			assertThat(tabular.rowNumber()).isEqualTo(4);
			assertThat(cells(tabular)).containsExactly("3", "more", "3");
			assertThat(tabular.unclosedQuote()).isEqualTo(-1);
			assertThat(tabular.next()).isTrue();
			assertThat(cells(tabular)).containsExactly("4", "fine", "4");
			assertThat(tabular.next()).isFalse();
		}
	}

	@Test
	void readsAgainFromAStrayQuoteThatAFarLaterQuoteSeemsToClose() throws IOException {
		Path file = write("orders.csv", StandardCharsets.UTF_8,
				"id,note,size\n1,\"gift,a\n2,say \"\"hi\"\",b\n3,x,15\" screen\n4,y,c\n");

		try (TabularFile tabular = TabularFile.open(file)) {
			List<List<String>> rows = new ArrayList<>();
			List<Integer> flagged = new ArrayList<>();
			while (tabular.next()) {
				rows.add(cells(tabular));
				flagged.add(tabular.unclosedQuote());
			}
			assertThat(rows).containsExactly(List.of("1", "\"gift", "a"), List.of("2", "say \"\"hi\"\"", "b"),
					List.of("3", "x", "15\" screen"), List.of("4", "y", "c"));
			assertThat(flagged).containsExactly(1, -1, -1, -1);
		}
	}

	@Test
	void readsAgainFromAStrayQuoteThatAQuoteLaterInTheSameRowSeemsToClose() throws IOException {
		Path file = write("orders.csv", StandardCharsets.UTF_8,
				"id,note,phone,no\n1,\"送给妈妈,'13911112222,=\"1001\"\n2,ok,'13911113333,=\"1002\"\n");

		try (TabularFile tabular = TabularFile.open(file)) {
			assertThat(tabular.next()).isTrue();
			assertThat(cells(tabular)).containsExactly("1", "\"送给妈妈", "13911112222", "1001");
			assertThat(tabular.unclosedQuote()).isEqualTo(1);
			assertThat(tabular.next()).isTrue();
			assertThat(cells(tabular)).containsExactly("2", "ok", "13911113333", "1002");
			assertThat(tabular.unclosedQuote()).isEqualTo(-1);
		}
	}

	@Test
	void keepsQuotedCellsThatSpanLinesAndCloseProperly() throws IOException {
		Path file = write("orders.csv", StandardCharsets.UTF_8, "id,note\n1,\"two\nlines\"\n2,\"x\"\"y\"\n");

		try (TabularFile tabular = TabularFile.open(file)) {
			assertThat(tabular.next()).isTrue();
			assertThat(cells(tabular)).containsExactly("1", "two\nlines");
			assertThat(tabular.unclosedQuote()).isEqualTo(-1);
			assertThat(tabular.next()).isTrue();
			assertThat(cells(tabular)).containsExactly("2", "x\"y");
			assertThat(tabular.next()).isFalse();
		}
	}

	@Test
	void givesUpOnAQuotedCellLongerThanAnySpreadsheetWrites() throws IOException {
		StringBuilder text = new StringBuilder("id,note\n1,\"stray\n");
		int rows = CsvRows.MAX_QUOTED_CHARS / 10;
		for (int i = 2; i <= rows; i++) {
			text.append(i).append(",note\n");
		}
		text.append("0,\"closed\"\n");
		Path file = write("orders.csv", StandardCharsets.UTF_8, text.toString());

		try (TabularFile tabular = TabularFile.open(file)) {
			int read = 0;
			int flagged = 0;
			String last = null;
			while (tabular.next()) {
				read++;
				flagged += (tabular.unclosedQuote() >= 0) ? 1 : 0;
				last = tabular.cell(1);
			}
			assertThat(read).isEqualTo(rows + 1);
			assertThat(flagged).isEqualTo(1);
			assertThat(last).isEqualTo("closed");
		}
	}

	private static List<String> cells(TabularFile tabular) {
		List<String> cells = new ArrayList<>();
		for (int i = 0; i < tabular.size(); i++) {
			cells.add(tabular.cell(i));
		}
		return cells;
	}

	private Path write(String name, Charset charset, String text) throws IOException {
		return write(name, text.getBytes(charset));
	}

	private Path write(String name, byte[] content) throws IOException {
		return Files.write(this.folder.resolve(name), content);
	}

	private static byte[] concat(byte[] first, byte[] second) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(first);
		out.writeBytes(second);
		return out.toByteArray();
	}

}
