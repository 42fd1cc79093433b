package dev.siyu.matching;

/**
 * A phone number, full ({@code 13812341234}, {@code +86 138 1234 1234}) or masked by the
 * platform ({@code 138****1234}). A masked number agrees with another when every digit
 * both show is equal. Virtual numbers ({@code 18877771111-123}) count as masked: the base
 * number is shared by many buyers.
 */
final class PhoneComparison implements Comparison {

	private static final String[] LEVELS = { "exact", "visible_digits_agree", "one_digit_off", "different" };

	private static final int MIN_SHARED_DIGITS = 6;

	@Override
	public Object prepare(String raw) {
		if (raw == null) {
			return null;
		}
		String text = raw.strip();
		boolean virtual = text.matches(".*\\d{11}\\s*[-转#]\\s*\\d{1,6}$");
		if (virtual) {
			text = text.replaceFirst("\\s*[-转#]\\s*\\d{1,6}$", "");
		}
		StringBuilder pattern = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c >= '0' && c <= '9') {
				pattern.append(c);
			}
			else if (c == '*' || c == 'x' || c == 'X' || c == '＊') {
				pattern.append('*');
			}
		}
		String number = pattern.toString();
		if (number.length() == 13 && number.startsWith("86")) {
			number = number.substring(2);
		}
		else if (number.length() == 15 && number.startsWith("0086")) {
			number = number.substring(4);
		}
		if (number.chars().filter(Character::isDigit).count() < 4) {
			return null;
		}
		return new Phone(number, !virtual && number.indexOf('*') < 0);
	}

	@Override
	public String[] levels() {
		return LEVELS;
	}

	@Override
	public int compare(Object left, Object right) {
		Phone a = (Phone) left;
		Phone b = (Phone) right;
		if (a.full && b.full) {
			if (a.number.equals(b.number)) {
				return 0;
			}
			return Similarity.oneEditApart(a.number, b.number) ? 2 : 3;
		}
		return visibleDigitsAgree(a.number, b.number) ? 1 : 3;
	}

	private static boolean visibleDigitsAgree(String a, String b) {
		if (a.length() != b.length()) {
			return false;
		}
		int shared = 0;
		for (int i = 0; i < a.length(); i++) {
			char x = a.charAt(i);
			char y = b.charAt(i);
			if (x != '*' && y != '*') {
				if (x != y) {
					return false;
				}
				shared++;
			}
		}
		return shared >= MIN_SHARED_DIGITS;
	}

	@Override
	public String frequencyKey(Object prepared) {
		return ((Phone) prepared).number;
	}

	/** The first three and last four digits: what a masked mobile number still shows. */
	@Override
	public String blockingKey(Object prepared) {
		String number = ((Phone) prepared).number;
		if (number.length() < 7) {
			return number;
		}
		return number.substring(0, 3) + number.substring(number.length() - 4);
	}

	record Phone(String number, boolean full) {
	}

}
