package dev.siyu.matching;

import java.util.Arrays;

/**
 * A whole name. Chinese names are split into surname and given name and read in pinyin,
 * so 张伟, 伟张, "Zhang Wei" and "Wei Zhang" can be recognised; other names are words.
 */
final class FullNameComparison implements Comparison {

	private static final String[] LEVELS = { "exact", "same_pinyin", "order_swapped", "similar", "close", "different" };

	@Override
	public Object prepare(String raw) {
		String text = Text.normalize(raw);
		if (text == null) {
			return null;
		}
		String[] words;
		String compact = Text.withoutBlanks(text);
		boolean chinese = Text.hasHan(compact);
		if (chinese) {
			int surname = Pinyin.surnameLength(compact);
			words = (compact.length() > surname)
					? new String[] { Pinyin.of(compact.substring(0, surname)), Pinyin.of(compact.substring(surname)) }
					: new String[] { Pinyin.of(compact) };
		}
		else {
			words = text.split(" ");
		}
		return new FullName(compact, words, String.join("", words), chinese);
	}

	@Override
	public String[] levels() {
		return LEVELS;
	}

	@Override
	public int compare(Object left, Object right) {
		FullName a = (FullName) left;
		FullName b = (FullName) right;
		if (a.text.equals(b.text)) {
			return 0;
		}
		if (a.sound.equals(b.sound)) {
			return 1;
		}
		if ((a.words.length > 1 && sameWordsReordered(a.words, b.words)) || rotated(a, b)) {
			return 2;
		}
		double similarity = Similarity.jaroWinkler(a.sound, b.sound);
		if (similarity >= 0.92) {
			return 3;
		}
		return (similarity >= 0.8) ? 4 : 5;
	}

	/** 伟张 for 张伟, 娜娜欧阳 for 欧阳娜娜: the surname moved to the end. */
	private static boolean rotated(FullName a, FullName b) {
		return (a.chinese || b.chinese) && a.sound.length() == b.sound.length()
				&& (a.sound + a.sound).contains(b.sound);
	}

	private static boolean sameWordsReordered(String[] a, String[] b) {
		if (a.length != b.length) {
			return false;
		}
		String[] sortedA = a.clone();
		String[] sortedB = b.clone();
		Arrays.sort(sortedA);
		Arrays.sort(sortedB);
		return Arrays.equals(sortedA, sortedB);
	}

	@Override
	public String frequencyKey(Object prepared) {
		return ((FullName) prepared).text;
	}

	@Override
	public String blockingKey(Object prepared) {
		String[] words = ((FullName) prepared).words.clone();
		Arrays.sort(words);
		return String.join(" ", words);
	}

	record FullName(String text, String[] words, String sound, boolean chinese) {
	}

}
