package dev.siyu.shared;

import dev.siyu.shared.PhoneNumber.Kind;

/**
 * One pass over a phone cell without regular expressions: it runs for every row of every
 * import. Digits (ASCII or full-width) are collected, blanks and dashes only remember
 * where they were, so that {@code 138-1234-5678} is a mobile while
 * {@code 18877771111-123} is a virtual number.
 */
final class PhoneNumberParser {

	private static final int MAX_LENGTH = 40;

	private static final int MAX_DIGITS = 20;

	private static final int MAX_EXTENSION = 6;

	private final char[] digits = new char[MAX_DIGITS];

	private int length;

	private final char[] extension = new char[MAX_EXTENSION];

	private int extensionLength;

	/** Bit i is set when a blank or dash follows the first i characters of the number. */
	private int separators;

	private boolean plus;

	private boolean stars;

	private boolean inExtension;

	private PhoneNumberParser() {
	}

	static PhoneNumber parse(String raw) {
		if (raw == null) {
			return PhoneNumber.empty();
		}
		int start = 0;
		int end = raw.length();
		while (start < end && isLeadingJunk(raw.charAt(start))) {
			start++;
		}
		while (end > start && isTrailingJunk(raw.charAt(end - 1))) {
			end--;
		}
		if (end - start > 2 && raw.charAt(end - 2) == '.' && raw.charAt(end - 1) == '0') {
			end -= 2; // a number that went through a spreadsheet as a float:
						// 13812345678.0
		}
		if (start == end) {
			return PhoneNumber.empty();
		}
		if (end - start > MAX_LENGTH) {
			return PhoneNumber.invalid();
		}
		PhoneNumberParser parser = new PhoneNumberParser();
		return parser.scan(raw, start, end) ? parser.classify() : PhoneNumber.invalid();
	}

	private static boolean isLeadingJunk(char c) {
		return isBlank(c) || c == '\'' || c == '"' || c == '=' || c == '\uFEFF';
	}

	private static boolean isTrailingJunk(char c) {
		return isBlank(c) || c == '\'' || c == '"';
	}

	private static boolean isBlank(char c) {
		return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\u3000' || c == '\u00A0';
	}

	private boolean scan(String raw, int start, int end) {
		for (int i = start; i < end; i++) {
			char c = raw.charAt(i);
			if (c >= '0' && c <= '9') {
				if (!digit(c)) {
					return false;
				}
			}
			else if (c >= '０' && c <= '９') {
				if (!digit((char) (c - '０' + '0'))) {
					return false;
				}
			}
			else if (!symbol(c)) {
				return false;
			}
		}
		return true;
	}

	private boolean digit(char c) {
		if (this.inExtension) {
			if (this.extensionLength == MAX_EXTENSION) {
				return false;
			}
			this.extension[this.extensionLength++] = c;
			return true;
		}
		if (this.length == MAX_DIGITS) {
			return false;
		}
		this.digits[this.length++] = c;
		return true;
	}

	private boolean symbol(char c) {
		switch (c) {
			case ' ', '-', '－', '—', '–', '.', '(', ')', '（', '）', '\t', '\u3000', '\u00A0' -> {
				if (!this.inExtension && this.length > 0) {
					this.separators |= 1 << this.length;
				}
				return true;
			}
			case '*', '＊' -> {
				if (this.inExtension || this.length == MAX_DIGITS) {
					return false;
				}
				this.stars = true;
				this.digits[this.length++] = '*';
				return true;
			}
			case '+', '＋' -> {
				if (this.length > 0 || this.plus) {
					return false;
				}
				this.plus = true;
				return true;
			}
			case '转', '分', '机', '_', '#', ',', '，', 'x', 'X', 'e', 'E', 't', 'T' -> {
				if (this.length == 0 || this.extensionLength > 0) {
					return false;
				}
				this.inExtension = true;
				return true;
			}
			default -> {
				return false;
			}
		}
	}

	private PhoneNumber classify() {
		if (this.length == 0) {
			return (this.plus || this.inExtension) ? PhoneNumber.invalid() : PhoneNumber.empty();
		}
		if (this.inExtension && this.extensionLength == 0) {
			return PhoneNumber.invalid();
		}
		if ((this.plus && !startsWith("86")) || (startsWith("00") && !startsWith("0086"))) {
			return this.stars ? masked(0) : foreign(this.plus ? 0 : 2);
		}
		int countryCode = chineseCountryCodeLength();
		if (this.stars) {
			return masked(countryCode);
		}
		return national(countryCode);
	}

	private int chineseCountryCodeLength() {
		if (this.plus) {
			return 2;
		}
		if (startsWith("0086")) {
			return 4;
		}
		if (startsWith("86") && (separatedAt(2) || (this.length >= 13 && this.digits[2] == '1'))) {
			return 2;
		}
		return 0;
	}

	private PhoneNumber national(int countryCode) {
		int from = countryCode;
		if (countryCode > 0 && this.digits[from] != '0' && this.digits[from] != '1') {
			// +86 571 88886666: the trunk prefix of a landline is dropped after a country
			// code
			from--;
			this.digits[from] = '0';
		}
		int length = this.length - from;
		if (this.extensionLength > 0) {
			if (isMobile(from, length)) {
				return withExtension(Kind.VIRTUAL, from, length);
			}
			return isLandline(from, length) ? withExtension(Kind.LANDLINE, from, length) : PhoneNumber.invalid();
		}
		if (isMobile(from, length)) {
			return new PhoneNumber(Kind.MOBILE, new String(this.digits, from, length));
		}
		if (length > 11 && length <= 11 + MAX_EXTENSION && separatedAt(from + 11) && isMobile(from, 11)) {
			return split(Kind.VIRTUAL, from, 11);
		}
		if (isLandline(from, length)) {
			return new PhoneNumber(Kind.LANDLINE, new String(this.digits, from, length));
		}
		for (int split = length - 1; split >= Math.max(7, length - MAX_EXTENSION); split--) {
			if (separatedAt(from + split) && isLandline(from, split)) {
				return split(Kind.LANDLINE, from, split);
			}
		}
		return PhoneNumber.invalid();
	}

	private PhoneNumber withExtension(Kind kind, int from, int length) {
		StringBuilder text = new StringBuilder(length + 1 + this.extensionLength);
		text.append(this.digits, from, length).append('-').append(this.extension, 0, this.extensionLength);
		return new PhoneNumber(kind, text.toString());
	}

	private PhoneNumber split(Kind kind, int from, int numberLength) {
		StringBuilder text = new StringBuilder(this.length - from + 1);
		text.append(this.digits, from, numberLength).append('-');
		text.append(this.digits, from + numberLength, this.length - from - numberLength);
		return new PhoneNumber(kind, text.toString());
	}

	private PhoneNumber masked(int from) {
		StringBuilder text = new StringBuilder(this.length - from + 1 + this.extensionLength);
		text.append(this.digits, from, this.length - from);
		if (this.extensionLength > 0) {
			text.append('-').append(this.extension, 0, this.extensionLength);
		}
		return new PhoneNumber(Kind.MASKED, text.toString());
	}

	private PhoneNumber foreign(int from) {
		int length = this.length - from;
		if (this.extensionLength > 0 || length < 7 || length > 15 || this.digits[from] == '0') {
			return PhoneNumber.invalid();
		}
		return new PhoneNumber(Kind.FOREIGN, "+" + new String(this.digits, from, length));
	}

	private boolean isMobile(int from, int length) {
		if (length != 11 || this.digits[from] != '1') {
			return false;
		}
		char second = this.digits[from + 1];
		return second >= '3' && second <= '9';
	}

	/**
	 * Area code 010, 02x or 0xxx (the second digit is never 0) and a local number of 7 or
	 * 8 digits not starting with 0 or 1; or a local number alone.
	 */
	private boolean isLandline(int from, int length) {
		char first = this.digits[from];
		if (first != '0') {
			return (length == 7 || length == 8) && first >= '2';
		}
		if (length < 10 || length > 12) {
			return false;
		}
		char second = this.digits[from + 1];
		if (second == '0' || (second == '1' && this.digits[from + 2] != '0')) {
			return false;
		}
		int areaCode = (second == '1' || second == '2') ? 3 : 4;
		int local = length - areaCode;
		return local >= 7 && local <= 8 && this.digits[from + areaCode] >= '2';
	}

	private boolean startsWith(String prefix) {
		if (this.length < prefix.length()) {
			return false;
		}
		for (int i = 0; i < prefix.length(); i++) {
			if (this.digits[i] != prefix.charAt(i)) {
				return false;
			}
		}
		return true;
	}

	private boolean separatedAt(int index) {
		return index < 32 && (this.separators & (1 << index)) != 0;
	}

}
