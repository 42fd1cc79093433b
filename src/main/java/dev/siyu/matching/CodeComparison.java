package dev.siyu.matching;

import java.util.Locale;

/**
 * Short codes typed by hand: street numbers, postcodes, identity document numbers. Exact,
 * or one character off (a typo, or two neighbouring characters swapped).
 */
final class CodeComparison implements Comparison {

	private static final String[] LEVELS = { "exact", "one_character_off", "different" };

	@Override
	public Object prepare(String raw) {
		if (raw == null) {
			return null;
		}
		StringBuilder code = new StringBuilder(raw.length());
		for (int i = 0; i < raw.length(); i++) {
			char c = raw.charAt(i);
			if (Character.isLetterOrDigit(c)) {
				code.append(c);
			}
		}
		return code.isEmpty() ? null : code.toString().toUpperCase(Locale.ROOT);
	}

	@Override
	public String[] levels() {
		return LEVELS;
	}

	@Override
	public int compare(Object left, Object right) {
		String a = (String) left;
		String b = (String) right;
		if (a.equals(b)) {
			return 0;
		}
		return Similarity.oneEditApart(a, b) ? 1 : 2;
	}

	@Override
	public String frequencyKey(Object prepared) {
		return (String) prepared;
	}

	@Override
	public String blockingKey(Object prepared) {
		return (String) prepared;
	}

}
