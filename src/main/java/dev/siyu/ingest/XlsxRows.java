package dev.siyu.ingest;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.stream.Stream;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * The rows of the first sheet of an XLSX workbook, streamed. Cells read as a person sees
 * them: integral numbers without {@code .0} or exponent, long order numbers in full, date
 * cells as {@code yyyy-MM-dd HH:mm:ss}; a number of more than 15 digits that went through
 * a double (Excel rounded it) in scientific notation, so it is not taken for an id.
 */
final class XlsxRows implements TabularRows {

	private static final BigDecimal SIXTEEN_DIGITS = new BigDecimal("1E15");

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private final ReadableWorkbook workbook;

	private final Stream<Row> stream;

	private final Iterator<Row> rows;

	private final String fileName;

	private final String sheetName;

	private final int sheetCount;

	private final long estimatedRows;

	private final Runnable afterClose;

	private String[] cells = new String[0];

	private long rowNumber;

	private long rowsRead;

	private boolean finished;

	private XlsxRows(ReadableWorkbook workbook, Sheet sheet, int sheetCount, String fileName, long estimatedRows,
			Runnable afterClose) throws IOException {
		this.workbook = workbook;
		this.sheetCount = sheetCount;
		this.fileName = fileName;
		this.sheetName = sheet.getName();
		this.stream = sheet.openStream();
		this.rows = this.stream.iterator();
		this.estimatedRows = estimatedRows;
		this.afterClose = afterClose;
	}

	/**
	 * Opens a sheet of a workbook.
	 * @param file the workbook
	 * @param fileName the name used in error messages
	 * @param sheetIndex the sheet, from 0
	 * @param afterClose run once the workbook is closed, for example to delete a
	 * temporary copy
	 */
	static XlsxRows open(Path file, String fileName, int sheetIndex, Runnable afterClose) throws IOException {
		ReadableWorkbook workbook = null;
		try {
			workbook = new ReadableWorkbook(file.toFile(), new ReadingOptions(true, false));
			Sheet sheet = workbook.getSheet(sheetIndex)
				.orElseThrow(() -> new IllegalStateException("it has no sheet " + (sheetIndex + 1)));
			int sheets = (int) workbook.getSheets().count();
			return new XlsxRows(workbook, sheet, sheets, fileName,
					(sheetIndex == 0) ? XlsxSheetSize.estimateRows(file) : 0, afterClose);
		}
		catch (IOException | RuntimeException ex) {
			if (workbook != null) {
				workbook.close();
			}
			afterClose.run();
			throw new IOException(
					"file " + fileName + " is a zip archive but not a readable XLSX workbook: " + ex.getMessage(), ex);
		}
	}

	String sheetName() {
		return this.sheetName;
	}

	int sheetCount() {
		return this.sheetCount;
	}

	@Override
	public boolean next() throws IOException {
		try {
			if (this.finished || !this.rows.hasNext()) {
				this.finished = true;
				this.cells = new String[0];
				return false;
			}
			Row row = this.rows.next();
			this.rowNumber = row.getRowNum();
			this.rowsRead++;
			String[] values = new String[row.getCellCount()];
			for (int i = 0; i < values.length; i++) {
				values[i] = text(row.getCell(i));
			}
			this.cells = values;
			return true;
		}
		catch (RuntimeException ex) {
			throw new IOException("file " + this.fileName + ": cannot read row " + (this.rowNumber + 1) + " of sheet "
					+ this.sheetName + ": " + ex.getMessage(), ex);
		}
	}

	@Override
	public int size() {
		return this.cells.length;
	}

	@Override
	public String cell(int index) {
		return this.cells[index];
	}

	@Override
	public long rowNumber() {
		return this.rowNumber;
	}

	@Override
	public double progress() {
		if (this.finished) {
			return 1.0;
		}
		if (this.estimatedRows <= 0) {
			return 0.0;
		}
		return Math.min(0.99, (double) this.rowsRead / this.estimatedRows);
	}

	@Override
	public void close() throws IOException {
		try (ReadableWorkbook closing = this.workbook) {
			this.stream.close();
		}
		finally {
			this.afterClose.run();
		}
	}

	static String text(Cell cell) {
		if (cell == null) {
			return "";
		}
		return switch (cell.getType()) {
			case NUMBER, FORMULA -> number(cell);
			case BOOLEAN -> Boolean.TRUE.equals(cell.asBoolean()) ? "TRUE" : "FALSE";
			case EMPTY -> "";
			case ERROR -> (cell.getRawValue() != null) ? cell.getRawValue() : "";
			default -> cell.getText();
		};
	}

	/** The date and time to the nearest second; {@code null} when out of range. */
	private static String dateTime(Cell cell) {
		try {
			LocalDateTime dateTime = cell.asDate();
			return DATE_TIME.format(dateTime.plusNanos(500_000_000).truncatedTo(ChronoUnit.SECONDS));
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static String number(Cell cell) {
		String raw = cell.getRawValue();
		if (raw == null || raw.isEmpty()) {
			return "";
		}
		BigDecimal number;
		try {
			number = new BigDecimal(raw);
		}
		catch (NumberFormatException ex) {
			return raw;
		}
		if (ExcelDateFormats.isDate(cell.getDataFormatId(), cell.getDataFormatString())) {
			String dateTime = dateTime(cell);
			if (dateTime != null) {
				return dateTime;
			}
		}
		if (number.abs().compareTo(SIXTEEN_DIGITS) >= 0 && (raw.indexOf('E') >= 0 || raw.indexOf('e') >= 0)) {
			// kept as a double, as Excel keeps numbers: past 15 digits they are not the
			// digits of the original (an order number), so they stay in the notation
			// that says so
			return raw;
		}
		return (number.scale() > 0) ? number.stripTrailingZeros().toPlainString() : number.toPlainString();
	}

}
