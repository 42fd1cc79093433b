package dev.siyu.audience;

/**
 * Age bands as marketing teams use them: under 18, 18-24, 25-29, 30-34, 35-39, 40-49,
 * 50+.
 */
final class AgeBand {

	private static final int[] lower = { 0, 18, 25, 30, 35, 40, 50 };

	private static final String[] names = { "<18", "18-24", "25-29", "30-34", "35-39", "40-49", "50+" };

	private AgeBand() {
	}

	static String of(int age) {
		for (int i = lower.length - 1; i >= 0; i--) {
			if (age >= lower[i]) {
				return names[i];
			}
		}
		return names[0];
	}

	static String sql(String age) {
		StringBuilder sql = new StringBuilder("case");
		for (int i = lower.length - 1; i > 0; i--) {
			sql.append(" when ")
				.append(age)
				.append(" >= ")
				.append(lower[i])
				.append(" then '")
				.append(names[i])
				.append('\'');
		}
		return sql.append(" when ")
			.append(age)
			.append(" is not null then '")
			.append(names[0])
			.append("' end")
			.toString();
	}

	static java.util.List<String> names() {
		return java.util.List.of(names);
	}

}
