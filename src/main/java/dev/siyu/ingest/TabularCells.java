package dev.siyu.ingest;

/**
 * Undoes what platforms do to cells so that spreadsheets keep them intact: order numbers
 * written as {@code ="35153131473293579"}, phone numbers forced to text with a leading
 * apostrophe, padding with full-width or non-breaking spaces.
 */
final class TabularCells {

	private TabularCells() {
	}

	/** A data cell as an importer wants it. */
	static String clean(String raw) {
		int length = raw.length();
		if (length == 0) {
			return raw;
		}
		char first = raw.charAt(0);
		if (!isSpace(first) && !isSpace(raw.charAt(length - 1)) && first != '=' && first != '\'') {
			return raw;
		}
		String value = unwrapFormula(trim(raw));
		if (value.startsWith("'")) {
			value = trim(value.substring(1));
		}
		return value;
	}

	/** A header cell: also without byte order marks and surrounding quotes. */
	static String cleanHeader(String raw) {
		String value = trim(raw);
		if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
			value = trim(value.substring(1, value.length() - 1).replace("\"\"", "\""));
		}
		return clean(value);
	}

	/** Whether the characters would clean to an empty cell. */
	static boolean isBlank(char[] chars, int from, int to) {
		for (int i = from; i < to; i++) {
			char c = chars[i];
			if (!isSpace(c)) {
				return (c == '=' || c == '\'') && clean(new String(chars, from, to - from)).isEmpty();
			}
		}
		return true;
	}

	static String trim(String value) {
		int start = 0;
		int end = value.length();
		while (start < end && isSpace(value.charAt(start))) {
			start++;
		}
		while (end > start && isSpace(value.charAt(end - 1))) {
			end--;
		}
		return (start > 0 || end < value.length()) ? value.substring(start, end) : value;
	}

	/** Spaces and invisible characters, including full-width and non-breaking ones. */
	static boolean isSpace(char c) {
		if (c <= ' ') {
			return true;
		}
		if (c < '\u0080') {
			return false;
		}
		return Character.isSpaceChar(c) || c == '\uFEFF' || c == '\u200B';
	}

	private static String unwrapFormula(String value) {
		if (value.length() >= 3 && value.startsWith("=\"") && value.endsWith("\"")) {
			return trim(value.substring(2, value.length() - 1).replace("\"\"", "\""));
		}
		return value;
	}

}
