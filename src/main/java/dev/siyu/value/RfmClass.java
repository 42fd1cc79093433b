package dev.siyu.value;

/**
 * The eight classic RFM classes: recency, frequency and monetary each high or low against
 * the tenant's average score.
 */
public enum RfmClass {

	IMPORTANT_VALUE("重要价值", true, true, true), IMPORTANT_DEVELOP("重要发展", true, false, true),
	IMPORTANT_KEEP("重要保持", false, true, true), IMPORTANT_RETAIN("重要挽留", false, false, true),
	GENERAL_VALUE("一般价值", true, true, false), GENERAL_DEVELOP("一般发展", true, false, false),
	GENERAL_KEEP("一般保持", false, true, false), GENERAL_RETAIN("一般挽留", false, false, false);

	private final String label;

	private final boolean recent;

	private final boolean frequent;

	private final boolean valuable;

	RfmClass(String label, boolean recent, boolean frequent, boolean valuable) {
		this.label = label;
		this.recent = recent;
		this.frequent = frequent;
		this.valuable = valuable;
	}

	public String label() {
		return this.label;
	}

	public static RfmClass of(boolean recent, boolean frequent, boolean valuable) {
		for (RfmClass rfmClass : values()) {
			if (rfmClass.recent == recent && rfmClass.frequent == frequent && rfmClass.valuable == valuable) {
				return rfmClass;
			}
		}
		throw new IllegalStateException("unreachable");
	}

	public static RfmClass byLabel(String label) {
		for (RfmClass rfmClass : values()) {
			if (rfmClass.label.equals(label) || rfmClass.name().equalsIgnoreCase(label)) {
				return rfmClass;
			}
		}
		throw new IllegalArgumentException("unknown RFM class '" + label + "'");
	}

}
