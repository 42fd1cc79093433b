package dev.siyu.wecom;

/**
 * A welcome text with variables: {@code {nickname}} the customer's WeChat name,
 * {@code {staff}} the staff member's name, {@code {gift}} the channel's gift or coupon
 * link.
 */
record Template(String text, String giftLink) {

	static void check(String text) {
		if (text == null) {
			return;
		}
		if (text.isBlank() || text.length() > 4000) {
			throw new IllegalArgumentException("a welcome template must have 1-4000 characters");
		}
		String rest = text.replace("{nickname}", "").replace("{staff}", "").replace("{gift}", "");
		int open = rest.indexOf('{');
		if (open >= 0) {
			int close = rest.indexOf('}', open);
			throw new IllegalArgumentException(
					"unknown variable " + rest.substring(open, (close > 0) ? close + 1 : open + 1)
							+ " in the welcome template (known: {nickname}, {staff}, {gift})");
		}
	}

	boolean needsNickname() {
		return this.text.contains("{nickname}");
	}

	String render(String nickname, String staff) {
		return this.text.replace("{nickname}", nickname)
			.replace("{staff}", staff)
			.replace("{gift}", (this.giftLink != null) ? this.giftLink : "");
	}

}
