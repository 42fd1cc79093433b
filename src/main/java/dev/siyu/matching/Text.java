package dev.siyu.matching;

import java.text.Normalizer;

/** Normalisation shared by the comparisons. */
final class Text {

	private Text() {
	}

	/**
	 * Trimmed, lower case, full-width folded, punctuation turned into single blanks; null
	 * when nothing is left.
	 */
	static String normalize(String raw) {
		if (raw == null) {
			return null;
		}
		String folded = Normalizer.normalize(raw, Normalizer.Form.NFKC).toLowerCase(java.util.Locale.ROOT);
		StringBuilder out = new StringBuilder(folded.length());
		boolean blank = false;
		for (int i = 0; i < folded.length(); i++) {
			char c = folded.charAt(i);
			if (Character.isLetterOrDigit(c) || isHan(c)) {
				if (blank && out.length() > 0) {
					out.append(' ');
				}
				blank = false;
				out.append(c);
			}
			else if (c != '\'') {
				blank = true;
			}
		}
		return out.isEmpty() ? null : out.toString();
	}

	static String digits(String raw) {
		if (raw == null) {
			return null;
		}
		StringBuilder out = new StringBuilder(raw.length());
		for (int i = 0; i < raw.length(); i++) {
			char c = raw.charAt(i);
			if (c >= '0' && c <= '9') {
				out.append(c);
			}
			else if (c >= '０' && c <= '９') {
				out.append((char) ('0' + (c - '０')));
			}
		}
		return out.isEmpty() ? null : out.toString();
	}

	static boolean isHan(char c) {
		return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
	}

	static boolean hasHan(String text) {
		for (int i = 0; i < text.length(); i++) {
			if (isHan(text.charAt(i))) {
				return true;
			}
		}
		return false;
	}

	static String withoutBlanks(String text) {
		return text.replace(" ", "");
	}

}
