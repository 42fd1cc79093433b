package dev.siyu.audience;

import java.util.Locale;

/**
 * Ways a person can be reached (person_reach), and the opt-out of personalised marketing.
 */
public enum Reach {

	WECOM_FRIEND("wecom_friend"), IN_GROUP("in_group"), OFFICIAL_ACCOUNT("official_account"),
	SMS_CONSENT("sms_consent"), OPTED_OUT("marketing_opt_out");

	private final String column;

	Reach(String column) {
		this.column = column;
	}

	public String word() {
		return name().toLowerCase(Locale.ROOT);
	}

	String column() {
		return this.column;
	}

	static Reach ofWord(String word) {
		for (Reach reach : values()) {
			if (reach.word().equals(word)) {
				return reach;
			}
		}
		return null;
	}

}
