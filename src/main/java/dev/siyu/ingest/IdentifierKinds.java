package dev.siyu.ingest;

import java.util.Locale;
import java.util.Set;

import dev.siyu.privacy.Masking;
import dev.siyu.shared.PhoneNumber;

/**
 * The identifier kinds and how strong each is. Strong identifiers link accounts
 * deterministically; weak ones (masked or virtual phones, landlines, kinds nobody
 * declared strong) are only kept for probabilistic matching.
 */
final class IdentifierKinds {

	static final String KNOWN = "phone, email, unionid, openid, ouid, omid, douyin_openid, jd_pin, member_no";

	private static final Set<String> STRONG = Set.of("phone", "email", "unionid", "openid", "ouid", "omid",
			"douyin_openid", "jd_pin", "member_no");

	private IdentifierKinds() {
	}

	/** The identifier a cell holds, or null when it holds none. */
	static Identifier read(String kind, String cell) {
		if (cell == null || cell.isBlank()) {
			return null;
		}
		if (kind.equals("phone")) {
			return phone(cell);
		}
		String value = cell.trim();
		if (kind.equals("email")) {
			value = value.toLowerCase(Locale.ROOT);
			int at = value.indexOf('@');
			if (at <= 0 || at == value.length() - 1 || value.indexOf('*') >= 0) {
				return null;
			}
			return new Identifier("email", value, Masking.email(value), true);
		}
		boolean masked = value.indexOf('*') >= 0;
		return new Identifier(kind, value, Masking.identifier(value), STRONG.contains(kind) && !masked);
	}

	private static Identifier phone(String cell) {
		PhoneNumber phone = PhoneNumber.parse(cell);
		return switch (phone.kind()) {
			case MOBILE -> new Identifier("phone", phone.normalized(), phone.masked(), true);
			case MASKED -> new Identifier("phone_masked", phone.normalized(), phone.normalized(), false);
			case VIRTUAL -> new Identifier("phone_virtual", phone.normalized(), phone.masked(), false);
			case LANDLINE -> new Identifier("landline", phone.normalized(), phone.masked(), false);
			default -> null;
		};
	}

	/**
	 * One identifier value: its kind, normalised value, how it may be shown, and whether
	 * it links.
	 */
	record Identifier(String kind, String value, String masked, boolean strong) {
	}

}
