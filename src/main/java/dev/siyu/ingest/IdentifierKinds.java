package dev.siyu.ingest;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.siyu.privacy.Masking;
import dev.siyu.shared.PhoneNumber;

/**
 * The identifier kinds and how strong each is. Strong identifiers link accounts
 * deterministically; weak ones (masked or virtual phones, landlines, kinds nobody
 * declared strong) are only kept for probabilistic matching. Two kinds are attributes of
 * the buyer rather than identifiers: {@code gender} and {@code birth_date}, normalised
 * (male/female, ISO date), kept encrypted for survivorship and never linking.
 */
final class IdentifierKinds {

	static final String KNOWN = "phone, email, unionid, openid, ouid, omid, douyin_openid, jd_pin, member_no, "
			+ "gender, birth_date";

	/** Attributes of the buyer given like identifiers: encrypted, never linking. */
	static final Set<String> ATTRIBUTES = Set.of("gender", "birth_date");

	private static final Pattern DATE = Pattern.compile("(\\d{4})\\D?(\\d{1,2})\\D?(\\d{1,2})\\D*");

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
		if (kind.equals("gender")) {
			return gender(cell.trim());
		}
		if (kind.equals("birth_date")) {
			return birthDate(cell.trim());
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

	/** 男/女, M/F, male/female, 1/2 (the ID-card convention); anything else is unknown. */
	private static Identifier gender(String cell) {
		String value = switch (cell.toLowerCase(Locale.ROOT)) {
			case "男", "男性", "m", "male", "1" -> "male";
			case "女", "女性", "f", "female", "2" -> "female";
			default -> null;
		};
		return (value != null) ? new Identifier("gender", value, value, false) : null;
	}

	/** 1990-05-17, 1990/5/17, 19900517, 1990年5月17日; an impossible date is unknown. */
	private static Identifier birthDate(String cell) {
		Matcher date = DATE.matcher(cell);
		if (!date.matches()) {
			return null;
		}
		try {
			LocalDate day = LocalDate.of(Integer.parseInt(date.group(1)), Integer.parseInt(date.group(2)),
					Integer.parseInt(date.group(3)));
			if (day.getYear() < 1900 || day.isAfter(LocalDate.now())) {
				return null;
			}
			return new Identifier("birth_date", day.toString(), day.getYear() + "-**-**", false);
		}
		catch (DateTimeException ex) {
			return null;
		}
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
