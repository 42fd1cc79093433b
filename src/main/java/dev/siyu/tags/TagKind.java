package dev.siyu.tags;

import java.util.Locale;

/** Where a tag's members come from. */
public enum TagKind {

	/** Set and removed by people. */
	MANUAL,
	/** Computed from an audience expression. */
	RULE,
	/** On products (SKUs, categories), not on persons. */
	PRODUCT,
	/** Synced from WeCom customer tags. */
	WECOM;

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static TagKind ofCode(String code) {
		for (TagKind kind : values()) {
			if (kind.code().equalsIgnoreCase(code)) {
				return kind;
			}
		}
		throw new IllegalArgumentException("kind is one of manual, rule, product, wecom, not '" + code + "'");
	}

}
