package dev.siyu.ingest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.util.Locale;

/**
 * Reads the values of export cells as they come from platforms: amounts with currency
 * signs and thousands separators, times in several layouts, quantities. Each returns a
 * canonical text for the database, or null when the cell is not a value of that type;
 * empty cells are "".
 */
final class Cells {

	private static final LocalDateTime EXCEL_EPOCH = LocalDateTime.of(1899, 12, 30, 0, 0);

	private static final BigDecimal FIRST_SERIAL = BigDecimal.valueOf(25569);

	private static final BigDecimal LAST_SERIAL = BigDecimal.valueOf(73051);

	private static final BigDecimal SECONDS_PER_DAY = BigDecimal.valueOf(86400);

	private Cells() {
	}

	/**
	 * {@code ¥1,299.00} -> {@code 1299.00}; null when not a decimal amount. Commas must
	 * group thousands: {@code 268,00} (a decimal comma) is not read as 26800.
	 */
	static String amount(String cell) {
		if (cell.isEmpty()) {
			return "";
		}
		StringBuilder out = new StringBuilder(cell.length());
		boolean digits = false;
		boolean point = false;
		int decimals = 0;
		int sinceComma = -1;
		for (int i = 0; i < cell.length(); i++) {
			char c = cell.charAt(i);
			if (c >= '0' && c <= '9') {
				out.append(c);
				digits = true;
				if (sinceComma >= 0 && !point) {
					sinceComma++;
				}
				if (point && ++decimals > 2) {
					if (c != '0') {
						return null;
					}
					out.setLength(out.length() - 1);
				}
			}
			else if (c == '.' && !point) {
				if (sinceComma >= 0 && sinceComma != 3) {
					return null;
				}
				point = true;
				out.append(c);
			}
			else if (c == '-' && out.isEmpty()) {
				out.append(c);
			}
			else if (c == ',') {
				if (point || !digits || (sinceComma >= 0 && sinceComma != 3)) {
					return null;
				}
				sinceComma = 0;
			}
			else if (c == ' ' || c == '¥' || c == '￥' || c == '元' || c == '\u00a0' || c == '+') {
				continue;
			}
			else {
				return null;
			}
		}
		if (!digits || out.length() > 16 || (!point && sinceComma >= 0 && sinceComma != 3)) {
			return null;
		}
		return out.toString();
	}

	/** A whole number of items: {@code 2}, {@code 2.0}; null otherwise. */
	static String quantity(String cell) {
		if (cell.isEmpty()) {
			return "";
		}
		int end = cell.length();
		int dot = cell.indexOf('.');
		if (dot >= 0) {
			for (int i = dot + 1; i < end; i++) {
				if (cell.charAt(i) != '0') {
					return null;
				}
			}
			end = dot;
		}
		if (end == 0 || end > 9) {
			return null;
		}
		for (int i = 0; i < end; i++) {
			char c = cell.charAt(i);
			if (c < '0' || c > '9') {
				return null;
			}
		}
		return cell.substring(0, end);
	}

	/**
	 * A local date-time in one of the layouts exports use ({@code 2024-01-05 12:34:56},
	 * {@code 2024/1/5 12:34}, {@code 2024-01-05}, {@code 20240105}, ISO with {@code T},
	 * an Excel serial number such as {@code 45296.5}) as {@code yyyy-MM-dd HH:mm:ss};
	 * with the UTC offset appended ({@code +08:00}) when an ISO time gives one
	 * ({@code 2024-01-05T12:34:56Z}, {@code +08:00}, {@code +0800}); null when it is not
	 * a valid time.
	 */
	static String dateTime(String cell) {
		if (cell.isEmpty()) {
			return "";
		}
		int offsetAt = offsetStart(cell);
		if (offsetAt > 0) {
			String local = dateTime(cell.substring(0, offsetAt));
			String offset = offset(cell.substring(offsetAt));
			return (local == null || local.isEmpty() || offset == null) ? null : local + offset;
		}
		int length = cell.length();
		int[] parts = new int[6];
		if (length == 8 && allDigits(cell, 0, 8)) {
			parts[0] = Integer.parseInt(cell, 0, 4, 10);
			parts[1] = Integer.parseInt(cell, 4, 6, 10);
			parts[2] = Integer.parseInt(cell, 6, 8, 10);
			return format(parts);
		}
		if (length >= 5 && allDigits(cell, 0, 5)
				&& (length == 5 || cell.charAt(5) == '.' && allDigits(cell, 6, length))) {
			return excelSerial(new BigDecimal(cell));
		}
		int count = 0;
		int i = 0;
		while (i < length && count < 6) {
			char c = cell.charAt(i);
			if (c >= '0' && c <= '9') {
				int start = i;
				int value = 0;
				while (i < length && cell.charAt(i) >= '0' && cell.charAt(i) <= '9') {
					value = value * 10 + (cell.charAt(i++) - '0');
				}
				if (i - start > 4) {
					return null;
				}
				parts[count++] = value;
			}
			else if (c == '-' || c == '/' || c == ':' || c == ' ' || c == 'T' || c == '年' || c == '月' || c == '日'
					|| c == '.' && count < 3) {
				i++;
			}
			else {
				return null;
			}
		}
		boolean fractionOnly = i < length && count == 6 && cell.charAt(i) == '.' && allDigits(cell, i + 1, length);
		if ((i < length && !fractionOnly && !cell.substring(i).isBlank()) || (count != 3 && count != 5 && count != 6)) {
			return null;
		}
		return format(parts);
	}

	/**
	 * A date-time Excel keeps as days since 1899-12-30, as a cell shows it once its date
	 * format is lost; only for 1970 to 2099.
	 */
	private static String excelSerial(BigDecimal days) {
		if (days.compareTo(FIRST_SERIAL) < 0 || days.compareTo(LAST_SERIAL) >= 0) {
			return null;
		}
		long seconds = days.multiply(SECONDS_PER_DAY).setScale(0, RoundingMode.HALF_UP).longValueExact();
		LocalDateTime time = EXCEL_EPOCH.plusSeconds(seconds);
		return format(new int[] { time.getYear(), time.getMonthValue(), time.getDayOfMonth(), time.getHour(),
				time.getMinute(), time.getSecond() });
	}

	/**
	 * Where a UTC offset starts in an ISO time ({@code Z}, {@code +08:00},
	 * {@code -0500}): after a time of day with seconds, so the day of a date
	 * ({@code 2024-01-05}) is never read as one; -1 when there is none.
	 */
	private static int offsetStart(String cell) {
		int t = cell.indexOf('T');
		if (t < 0 || cell.indexOf(':', t) < 0) {
			return -1;
		}
		if (cell.endsWith("Z") || cell.endsWith("z")) {
			return cell.length() - 1;
		}
		for (int i = cell.length() - 1; i > t; i--) {
			char c = cell.charAt(i);
			if (c == '+' || c == '-') {
				return i;
			}
		}
		return -1;
	}

	/**
	 * {@code Z}, {@code +08}, {@code +0800} or {@code +08:00} as {@code +08:00}; null
	 * otherwise.
	 */
	private static String offset(String text) {
		if (text.equalsIgnoreCase("Z")) {
			return "+00:00";
		}
		String digits = text.substring(1).replace(":", "");
		if ((digits.length() != 2 && digits.length() != 4) || !allDigits(digits, 0, digits.length())
				|| (text.indexOf(':') >= 0 && text.indexOf(':') != 3)) {
			return null;
		}
		int hours = Integer.parseInt(digits, 0, 2, 10);
		int minutes = (digits.length() == 4) ? Integer.parseInt(digits, 2, 4, 10) : 0;
		if (hours > 14 || minutes > 59) {
			return null;
		}
		return text.charAt(0) + digits.substring(0, 2) + ":" + ((digits.length() == 4) ? digits.substring(2) : "00");
	}

	private static String format(int[] p) {
		if (p[0] < 1970 || p[0] > 2999 || p[1] < 1 || p[1] > 12 || p[2] < 1 || p[2] > daysIn(p[0], p[1]) || p[3] > 23
				|| p[4] > 59 || p[5] > 59) {
			return null;
		}
		char[] out = new char[19];
		put(out, 0, p[0], 4);
		out[4] = '-';
		put(out, 5, p[1], 2);
		out[7] = '-';
		put(out, 8, p[2], 2);
		out[10] = ' ';
		put(out, 11, p[3], 2);
		out[13] = ':';
		put(out, 14, p[4], 2);
		out[16] = ':';
		put(out, 17, p[5], 2);
		return new String(out);
	}

	private static int daysIn(int year, int month) {
		return switch (month) {
			case 2 -> ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0) ? 29 : 28;
			case 4, 6, 9, 11 -> 30;
			default -> 31;
		};
	}

	private static void put(char[] out, int at, int value, int width) {
		for (int i = width - 1; i >= 0; i--) {
			out[at + i] = (char) ('0' + value % 10);
			value /= 10;
		}
	}

	/**
	 * Whether a number is in the scientific notation a spreadsheet shows for a long
	 * number ({@code 3.51531E+16}): as an id it has lost its last digits.
	 */
	static boolean isScientific(String cell) {
		int e = Math.max(cell.indexOf('E'), cell.indexOf('e'));
		if (e < 1 || e == cell.length() - 1) {
			return false;
		}
		int exponent = (cell.charAt(e + 1) == '+' || cell.charAt(e + 1) == '-') ? e + 2 : e + 1;
		int point = cell.indexOf('.');
		boolean mantissa = (point < 0) ? allDigits(cell, 0, e)
				: allDigits(cell, 0, point) && (point == e - 1 || allDigits(cell, point + 1, e));
		return mantissa && allDigits(cell, exponent, cell.length());
	}

	/**
	 * Whether the order number cell is the label of a total row that reports add under
	 * their rows ({@code 合计}, {@code 总计:}, {@code Total}).
	 */
	static boolean isTotalLabel(String cell) {
		if (!cell.isEmpty() && cell.charAt(0) >= '0' && cell.charAt(0) <= '9') {
			return false;
		}
		String label = cell.strip();
		if (label.endsWith(":") || label.endsWith("：")) {
			label = label.substring(0, label.length() - 1).strip();
		}
		return switch (label.toLowerCase(Locale.ROOT)) {
			case "合计", "总计", "汇总", "小计", "合计金额", "total", "grand total", "sum" -> true;
			default -> false;
		};
	}

	private static boolean allDigits(String cell, int from, int to) {
		for (int i = from; i < to; i++) {
			if (cell.charAt(i) < '0' || cell.charAt(i) > '9') {
				return false;
			}
		}
		return from < to;
	}

}
