package dev.siyu.matching;

/**
 * A given name or a surname: exact, the same pinyin (homophones, or Han characters
 * against their romanisation), similar or close by Jaro-Winkler on the pinyin.
 */
final class NameComparison implements Comparison {

	static final int EXACT = 0;

	static final int SIMILAR = 2;

	private static final String[] LEVELS = { "exact", "same_pinyin", "similar", "close", "different" };

	@Override
	public Object prepare(String raw) {
		String text = Text.normalize(raw);
		if (text == null) {
			return null;
		}
		String sound = Text.withoutBlanks(Text.hasHan(text) ? Pinyin.of(text) : text);
		return new Name(text, sound);
	}

	@Override
	public String[] levels() {
		return LEVELS;
	}

	@Override
	public int compare(Object left, Object right) {
		Name a = (Name) left;
		Name b = (Name) right;
		if (a.text.equals(b.text)) {
			return EXACT;
		}
		if (a.sound.equals(b.sound)) {
			return 1;
		}
		double similarity = Similarity.jaroWinkler(a.sound, b.sound);
		if (similarity >= 0.92) {
			return SIMILAR;
		}
		return (similarity >= 0.8) ? 3 : 4;
	}

	@Override
	public String frequencyKey(Object prepared) {
		return ((Name) prepared).text;
	}

	@Override
	public String blockingKey(Object prepared) {
		return ((Name) prepared).sound;
	}

	record Name(String text, String sound) {
	}

}
