package dev.siyu.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

class TabularFileXlsxTests {

	@TempDir
	Path folder;

	@Test
	void readsIdsAsTextOrNumbersWithoutRoundingOrExponent() throws IOException {
		Path file = workbook("orders.xlsx", (sheet) -> {
			header(sheet, "订单编号 ", "店铺Id", "数量", "金额", "联系手机");
			sheet.value(1, 0, "35153131473293579");
			sheet.value(1, 1, 1234567890123456789L);
			sheet.value(1, 2, 2.0);
			sheet.value(1, 3, new BigDecimal("1299.50"));
			sheet.value(1, 4, "'13812345678");
			sheet.value(2, 0, "=\"35153131473293580\"");
			sheet.value(2, 1, 1.5e16);
			sheet.value(2, 2, 3);
			sheet.value(2, 3, 0.1);
		});

		try (TabularFile tabular = TabularFile.open(file)) {
			assertThat(tabular.header()).containsExactly("订单编号", "店铺Id", "数量", "金额", "联系手机");
			assertThat(tabular.charset()).isEqualTo(StandardCharsets.UTF_8);
			assertThat(tabular.describe()).isEqualTo("XLSX, sheet 订单, 5 columns");

			assertThat(tabular.next()).isTrue();
			assertThat(tabular.rowNumber()).isEqualTo(2);
			assertThat(cells(tabular)).containsExactly("35153131473293579", "1234567890123456789", "2", "1299.5",
					"13812345678");

			assertThat(tabular.next()).isTrue();
			assertThat(tabular.rowNumber()).isEqualTo(3);
			// a double of 16 digits is what Excel keeps of a longer id: it stays
			// recognisably rounded
			assertThat(cells(tabular)).containsExactly("35153131473293580", "1.5E16", "3", "0.1");
			assertThat(tabular.cell(4)).isEmpty();

			assertThat(tabular.next()).isFalse();
		}
	}

	@Test
	void writesDateCellsAsDateTimeText() throws IOException {
		Path file = workbook("orders.xlsx", (sheet) -> {
			header(sheet, "订单编号", "订单创建时间", "订单付款时间", "预约日期");
			sheet.value(1, 0, "1001");
			sheet.value(1, 1, LocalDateTime.of(2024, 11, 11, 0, 5, 59));
			sheet.style(1, 1).format("yyyy-mm-dd hh:mm:ss").set();
			sheet.value(1, 2, LocalDateTime.of(2024, 11, 11, 20, 30, 1));
			sheet.style(1, 2).format("yyyy/m/d h:mm:ss").set();
			sheet.value(1, 3, LocalDate.of(2025, 1, 2));
			sheet.style(1, 3).format("m/d/yy").set();
		});

		try (TabularFile tabular = TabularFile.open(file)) {
			assertThat(tabular.next()).isTrue();
			assertThat(cells(tabular)).containsExactly("1001", "2024-11-11 00:05:59", "2024-11-11 20:30:01",
					"2025-01-02 00:00:00");
		}
	}

	@Test
	void leavesNumbersWithNumberFormatsAsNumbers() throws IOException {
		Path file = workbook("orders.xlsx", (sheet) -> {
			header(sheet, "金额", "比例");
			sheet.value(1, 0, 1299.0);
			sheet.style(1, 0).format("#,##0.00").set();
			sheet.value(1, 1, 0.25);
			sheet.style(1, 1).format("0.00%").set();
		});

		try (TabularFile tabular = TabularFile.open(file)) {
			assertThat(tabular.next()).isTrue();
			assertThat(cells(tabular)).containsExactly("1299", "0.25");
		}
	}

	@Test
	void takesTheFirstNonEmptyRowAsHeaderAndSkipsBlankRows() throws IOException {
		Path file = workbook("orders.xlsx", (sheet) -> {
			sheet.value(0, 0, " ");
			header(sheet, 1, "订单号", "客户姓名");
			sheet.value(2, 0, "5001");
			sheet.value(2, 1, "赵六");
			sheet.value(3, 1, "\u3000");
			sheet.value(5, 0, "5002");
		});

		try (TabularFile tabular = TabularFile.open(file)) {
			assertThat(tabular.header()).containsExactly("订单号", "客户姓名");
			assertThat(tabular.next()).isTrue();
			assertThat(tabular.rowNumber()).isEqualTo(3);
			assertThat(tabular.next()).isTrue();
			assertThat(tabular.rowNumber()).isEqualTo(6);
			assertThat(tabular.cell(0)).isEqualTo("5002");
			assertThat(tabular.cell(1)).isEmpty();
			assertThat(tabular.next()).isFalse();
		}
	}

	@Test
	void readsUploadedWorkbooksAndReportsProgressToOne() throws IOException {
		Path file = workbook("upload.xlsx", (sheet) -> {
			header(sheet, "订单号");
			for (int row = 1; row <= 500; row++) {
				sheet.value(row, 0, "order-" + row);
			}
		});

		List<Double> seen = new ArrayList<>();
		try (InputStream in = Files.newInputStream(file);
				TabularFile tabular = TabularFile.open(in, "upload.xlsx", Files.size(file))) {
			while (tabular.next()) {
				seen.add(tabular.progress());
			}
			seen.add(tabular.progress());
		}
		assertThat(seen).hasSize(501).isSorted().allMatch((fraction) -> fraction >= 0 && fraction <= 1);
		assertThat(seen.get(250)).isBetween(0.3, 0.7);
		assertThat(seen.get(500)).isEqualTo(1.0);
	}

	@Test
	void estimatesTheRowsOfALargeSheetFromItsFirstRows() throws IOException {
		Path file = workbook("large.xlsx", (sheet) -> {
			for (int row = 0; row < 20_000; row++) {
				sheet.value(row, 0, "order-" + row);
				sheet.value(row, 1, row * 1.5);
			}
		});

		assertThat(XlsxSheetSize.estimateRows(file)).isBetween(18_000L, 22_000L);
	}

	@Test
	void rejectsAWorkbookWithoutRows() throws IOException {
		Path file = workbook("empty.xlsx", (sheet) -> {
		});

		assertThatIOException().isThrownBy(() -> TabularFile.open(file))
			.withMessage("file empty.xlsx has no header row");
	}

	@Test
	void rejectsAZipThatIsNoWorkbook() throws IOException {
		Path file = this.folder.resolve("orders.xlsx");
		try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
			zip.putNextEntry(new ZipEntry("orders.csv"));
			zip.write("id\n1\n".getBytes(StandardCharsets.UTF_8));
		}

		assertThatIOException().isThrownBy(() -> TabularFile.open(file))
			.withMessageStartingWith("file orders.xlsx is a zip archive but not a readable XLSX workbook");
	}

	private Path workbook(String name, SheetWriter writer) throws IOException {
		Path file = this.folder.resolve(name);
		try (OutputStream out = Files.newOutputStream(file)) {
			Workbook workbook = new Workbook(out, "siyu", "1.0");
			Worksheet sheet = workbook.newWorksheet("订单");
			writer.write(sheet);
			workbook.finish();
		}
		return file;
	}

	private static void header(Worksheet sheet, String... names) {
		header(sheet, 0, names);
	}

	private static void header(Worksheet sheet, int row, String... names) {
		for (int column = 0; column < names.length; column++) {
			sheet.value(row, column, names[column]);
		}
	}

	private static List<String> cells(TabularFile tabular) {
		List<String> cells = new ArrayList<>();
		for (int i = 0; i < tabular.size(); i++) {
			cells.add(tabular.cell(i));
		}
		return cells;
	}

	@FunctionalInterface
	private interface SheetWriter {

		void write(Worksheet sheet);

	}

}
