package dev.siyu.matching;

/**
 * A date such as a birthday, read as year, month and day ({@code 19810923},
 * {@code 1981-09-23}, {@code 1981/9/23}, {@code 23/09/1981}): exact, day and month
 * swapped, or one digit off.
 */
final class DateComparison implements Comparison {

	private static final String[] LEVELS = { "exact", "day_month_swapped", "one_digit_off", "different" };

	@Override
	public Object prepare(String raw) {
		if (raw == null || raw.isBlank()) {
			return null;
		}
		String[] parts = raw.strip().split("[^0-9]+");
		if (parts.length >= 3 && !parts[0].isEmpty()) {
			if (parts[0].length() == 4) {
				return parts[0] + pad(parts[1]) + pad(parts[2]);
			}
			if (parts[2].length() == 4) {
				return parts[2] + pad(parts[1]) + pad(parts[0]);
			}
		}
		return Text.digits(raw);
	}

	private static String pad(String part) {
		return (part.length() == 1) ? "0" + part : part;
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
		if (a.length() == 8 && b.length() == 8 && a.startsWith(b.substring(0, 4))
				&& a.substring(4, 6).equals(b.substring(6, 8)) && a.substring(6, 8).equals(b.substring(4, 6))) {
			return 1;
		}
		return Similarity.oneEditApart(a, b) ? 2 : 3;
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
