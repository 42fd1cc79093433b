package dev.siyu.value;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A delimited file of transactions (comma, tab, semicolon or runs of blanks, found from
 * the first line). Columns are named by their header cell or, in a file without a header,
 * by their 1-based position. A row that cannot be read is set aside with its line, field
 * and reason; the good rows are kept.
 */
public final class TransactionFile {

	private static final Pattern BLANKS = Pattern.compile("\\s+");

	private static final int MAX_REJECTS_KEPT = 1000;

	private TransactionFile() {
	}

	/** A row that was set aside. */
	public record Rejected(long line, String field, String reason) {
	}

	/**
	 * The transactions read and the rows set aside (the first thousand) with their count.
	 */
	public record Read(PurchaseLog log, long rows, List<Rejected> rejected, long rejectedCount) {
	}

	public static Read read(Path file, String customerColumn, String dateColumn, String amountColumn, String dateFormat)
			throws IOException {
		DateTimeFormatter formatter = dateFormat == null ? null : DateTimeFormatter.ofPattern(dateFormat);
		PurchaseLog log = new PurchaseLog();
		List<Rejected> rejected = new ArrayList<>();
		long rejectedCount = 0;
		long rows = 0;
		try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			String first = reader.readLine();
			if (first == null) {
				throw new IllegalArgumentException(file + " is empty");
			}
			first = stripBom(first);
			Splitter splitter = Splitter.of(first);
			String[] firstCells = splitter.split(first);
			int[] columns = new int[3];
			boolean header = resolve(firstCells, new String[] { customerColumn, dateColumn, amountColumn }, columns);
			String line = header ? reader.readLine() : first;
			long lineNumber = header ? 2 : 1;
			for (; line != null; line = reader.readLine(), lineNumber++) {
				if (line.isBlank()) {
					continue;
				}
				rows++;
				String[] cells = splitter.split(line);
				String problem = null;
				String field = null;
				try {
					field = "customer";
					String customer = cell(cells, columns[0]);
					if (customer.isEmpty()) {
						throw new IllegalArgumentException("is empty");
					}
					field = "date";
					LocalDate date = date(cell(cells, columns[1]), formatter);
					field = "amount";
					double amount = amount(cell(cells, columns[2]));
					log.add(customer, date, amount);
				}
				catch (IllegalArgumentException | DateTimeParseException ex) {
					problem = ex.getMessage();
				}
				if (problem != null) {
					rejectedCount++;
					if (rejected.size() < MAX_REJECTS_KEPT) {
						rejected.add(new Rejected(lineNumber, field, problem));
					}
				}
			}
		}
		return new Read(log, rows, rejected, rejectedCount);
	}

	/** Finds the columns; returns whether the first line is a header. */
	private static boolean resolve(String[] firstCells, String[] names, int[] columns) {
		List<String> header = Arrays.stream(firstCells).map(String::trim).toList();
		boolean allFound = true;
		for (int i = 0; i < names.length; i++) {
			columns[i] = header.indexOf(names[i]);
			allFound &= columns[i] >= 0;
		}
		if (allFound) {
			return true;
		}
		for (int i = 0; i < names.length; i++) {
			try {
				columns[i] = Integer.parseInt(names[i]) - 1;
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException("column '" + names[i] + "' is not in the header " + header
						+ " (name a column by its header cell, or by its position from 1 in a file without header)");
			}
			if (columns[i] < 0) {
				throw new IllegalArgumentException("column positions count from 1, not " + names[i]);
			}
		}
		return false;
	}

	private static String cell(String[] cells, int column) {
		if (column >= cells.length) {
			throw new IllegalArgumentException("the row has " + cells.length + " cells, no column " + (column + 1));
		}
		return cells[column].trim();
	}

	static LocalDate date(String text, DateTimeFormatter formatter) {
		if (text.isEmpty()) {
			throw new IllegalArgumentException("is empty");
		}
		if (formatter != null) {
			TemporalAccessor parsed = formatter.parse(text);
			return LocalDate.from(parsed);
		}
		if (text.length() == 8 && text.chars().allMatch(Character::isDigit)) {
			return LocalDate.parse(text, DateTimeFormatter.BASIC_ISO_DATE);
		}
		if (text.length() >= 10) {
			return LocalDate.parse(text.substring(0, 10).replace('/', '-'));
		}
		throw new IllegalArgumentException(
				"'" + text + "' is not a date (yyyy-MM-dd, yyyyMMdd, or give --date-format)");
	}

	static double amount(String text) {
		String plain = text.replace(",", "").replace("¥", "").replace("$", "");
		double value;
		try {
			value = Double.parseDouble(plain);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("'" + text + "' is not a number");
		}
		if (!Double.isFinite(value) || value < 0) {
			throw new IllegalArgumentException("'" + text + "' is not a non-negative amount");
		}
		return value;
	}

	private static String stripBom(String line) {
		return line.startsWith("\uFEFF") ? line.substring(1) : line;
	}

	/** How cells are separated in this file. */
	private record Splitter(String delimiter) {

		static Splitter of(String firstLine) {
			for (String delimiter : List.of("\t", ",", ";")) {
				if (firstLine.contains(delimiter)) {
					return new Splitter(delimiter);
				}
			}
			return new Splitter(null);
		}

		String[] split(String line) {
			if (this.delimiter == null) {
				return BLANKS.split(line.strip());
			}
			String[] cells = line.split(Pattern.quote(this.delimiter), -1);
			for (int i = 0; i < cells.length; i++) {
				String cell = cells[i].trim();
				if (cell.length() >= 2 && cell.startsWith("\"") && cell.endsWith("\"")) {
					cells[i] = cell.substring(1, cell.length() - 1).replace("\"\"", "\"");
				}
			}
			return cells;
		}

	}

}
