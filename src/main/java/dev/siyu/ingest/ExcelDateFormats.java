package dev.siyu.ingest;

/**
 * Tells whether an Excel number format shows a date or a time: Excel stores both as
 * numbers (days since 1900) and only the format says which.
 */
final class ExcelDateFormats {

	private ExcelDateFormats() {
	}

	/**
	 * @param formatId the built-in or custom number format id, may be {@code null}
	 * @param format the format code, may be {@code null} for built-in formats
	 */
	static boolean isDate(Integer formatId, String format) {
		if (formatId != null && isBuiltInDate(formatId)) {
			return true;
		}
		return format != null && hasDateTokens(format);
	}

	/** Built-in ids, including those of the Chinese, Japanese and Korean locales. */
	private static boolean isBuiltInDate(int id) {
		return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58)
				|| (id >= 71 && id <= 81);
	}

	/** Date or time letters outside quoted text, escapes, colours and elapsed times. */
	private static boolean hasDateTokens(String format) {
		int length = format.length();
		for (int i = 0; i < length; i++) {
			char c = format.charAt(i);
			switch (c) {
				case '"' -> i = skipUntil(format, i + 1, '"');
				case '[' -> {
					int end = skipUntil(format, i + 1, ']');
					if (isElapsedTime(format.substring(i + 1, Math.min(end, length)))) {
						return false;
					}
					i = end;
				}
				case '\\', '_', '*' -> i++;
				default -> {
					if ("yYmMdDhHsS".indexOf(c) >= 0) {
						return true;
					}
				}
			}
		}
		return false;
	}

	private static boolean isElapsedTime(String bracketed) {
		return !bracketed.isEmpty() && bracketed.chars().allMatch((c) -> "hHmMsS".indexOf(c) >= 0);
	}

	private static int skipUntil(String format, int from, char end) {
		int index = format.indexOf(end, from);
		return (index < 0) ? format.length() : index;
	}

}
