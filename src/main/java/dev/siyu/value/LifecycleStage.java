package dev.siyu.value;

import java.util.Locale;

/** Where a person stands in the relationship, from first contact to lost. */
public enum LifecycleStage {

	PROSPECT, NEW, ACTIVE, SILENT, AT_RISK, LOST;

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static LifecycleStage of(String code) {
		for (LifecycleStage stage : values()) {
			if (stage.code().equalsIgnoreCase(code)) {
				return stage;
			}
		}
		throw new IllegalArgumentException(
				"unknown lifecycle stage '" + code + "' (prospect, new, active, silent, at_risk, lost)");
	}

}
