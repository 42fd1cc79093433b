package dev.siyu.matching;

/**
 * Free text, a city or suburb, a province or state: exact after normalisation, then
 * (depending on the kind) similar by Jaro-Winkler, close by shared words.
 */
final class TextComparison implements Comparison {

	private static final String[] TEXT_LEVELS = { "exact", "similar", "close", "different" };

	private static final String[] PLACE_LEVELS = { "exact", "similar", "different" };

	private static final String[] EXACT_LEVELS = { "exact", "different" };

	private final String[] levels;

	private final boolean province;

	private TextComparison(String[] levels, boolean province) {
		this.levels = levels;
		this.province = province;
	}

	static TextComparison text() {
		return new TextComparison(TEXT_LEVELS, false);
	}

	static TextComparison city() {
		return new TextComparison(PLACE_LEVELS, false);
	}

	static TextComparison province() {
		return new TextComparison(EXACT_LEVELS, true);
	}

	@Override
	public Object prepare(String raw) {
		String text = Text.normalize(raw);
		if (text == null) {
			return null;
		}
		if (Text.hasHan(text)) {
			text = Text.withoutBlanks(text);
			if (this.province) {
				return dev.siyu.shared.ChineseAddress.parse(text).normalizedProvince();
			}
			if (text.length() > 2 && text.endsWith("市")) {
				return text.substring(0, text.length() - 1);
			}
		}
		return text;
	}

	@Override
	public String[] levels() {
		return this.levels;
	}

	@Override
	public int compare(Object left, Object right) {
		String a = (String) left;
		String b = (String) right;
		if (a.equals(b)) {
			return 0;
		}
		int different = this.levels.length - 1;
		if (different == 1) {
			return different;
		}
		if (Similarity.jaroWinkler(a, b) >= 0.92) {
			return 1;
		}
		if (different == 3 && Similarity.tokenOverlap(a, b) >= 0.5) {
			return 2;
		}
		return different;
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
