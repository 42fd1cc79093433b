package dev.siyu.matching;

import java.util.Locale;

/** An email address: exact, or the same mailbox name / a close spelling. */
final class EmailComparison implements Comparison {

	private static final String[] LEVELS = { "exact", "similar", "different" };

	@Override
	public Object prepare(String raw) {
		if (raw == null || raw.isBlank()) {
			return null;
		}
		return raw.strip().toLowerCase(Locale.ROOT);
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
		return (localPart(a).equals(localPart(b)) || Similarity.jaroWinkler(a, b) >= 0.92) ? 1 : 2;
	}

	private static String localPart(String email) {
		int at = email.indexOf('@');
		return (at > 0) ? email.substring(0, at) : email;
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
