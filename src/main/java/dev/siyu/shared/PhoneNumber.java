package dev.siyu.shared;

import java.util.Objects;

/**
 * A phone number as found in order exports and forms, classified by what it can be used
 * for.
 *
 * <p>
 * {@link #normalized()} is the canonical text: digits for {@link Kind#MOBILE} (without
 * country code, e.g. {@code 13812345678}) and {@link Kind#LANDLINE} (with trunk prefix,
 * e.g. {@code 057188886666}); the visible pattern for {@link Kind#MASKED} (e.g.
 * {@code 138****1234}); mobile and extension for {@link Kind#VIRTUAL} (e.g.
 * {@code 18877771111-123}, also a landline's extension); {@code +} and digits for
 * {@link Kind#FOREIGN}; empty for {@link Kind#INVALID} and {@link Kind#EMPTY}.
 * {@link #toString()} shows the masked form only, so numbers do not leak into logs.
 */
public record PhoneNumber(Kind kind, String normalized) {

	/** What a text cell turned out to hold. */
	public enum Kind {

		/** A full Chinese mobile number: the only strong identifier. */
		MOBILE,
		/** A Chinese fixed-line number, with area code when given. */
		LANDLINE,
		/** A number shown with some digits replaced by {@code *}. */
		MASKED,
		/** A platform relay number: a mobile plus an extension, valid for a while. */
		VIRTUAL,
		/** A number with a country code other than +86. */
		FOREIGN,
		/** Text that is not a phone number. */
		INVALID,
		/** Nothing, or only blanks and quotes. */
		EMPTY

	}

	private static final PhoneNumber EMPTY = new PhoneNumber(Kind.EMPTY, "");

	private static final PhoneNumber INVALID = new PhoneNumber(Kind.INVALID, "");

	public PhoneNumber {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(normalized, "normalized");
	}

	/** Classifies a raw cell; never throws. */
	public static PhoneNumber parse(String raw) {
		return PhoneNumberParser.parse(raw);
	}

	static PhoneNumber empty() {
		return EMPTY;
	}

	static PhoneNumber invalid() {
		return INVALID;
	}

	/** Whether the number on its own identifies one person (a full mobile number). */
	public boolean isStrongIdentifier() {
		return this.kind == Kind.MOBILE;
	}

	/** The number without its extension; for {@link Kind#VIRTUAL} the relay mobile. */
	public String number() {
		int dash = this.normalized.indexOf('-');
		return (dash < 0) ? this.normalized : this.normalized.substring(0, dash);
	}

	/** The extension of a virtual or landline number, or an empty string. */
	public String extension() {
		int dash = this.normalized.indexOf('-');
		return (dash < 0) ? "" : this.normalized.substring(dash + 1);
	}

	/**
	 * The leading digits a masked display shows: 3 for a mobile, the area code for a
	 * landline, the visible head of a masked number. Together with
	 * {@link #visibleSuffix()} it lets a full number be compared with a masked one.
	 */
	public String visiblePrefix() {
		return switch (this.kind) {
			case MOBILE -> head(this.normalized, 3);
			case LANDLINE -> areaCode();
			case MASKED -> maskedPrefix();
			case VIRTUAL -> head(number(), 3);
			case FOREIGN -> head(this.normalized, 4);
			default -> "";
		};
	}

	/** The trailing digits a masked display shows: 4 for a mobile or landline. */
	public String visibleSuffix() {
		return switch (this.kind) {
			case MOBILE, LANDLINE, VIRTUAL -> tail(number(), 4);
			case MASKED -> maskedSuffix();
			case FOREIGN -> tail(this.normalized, 2);
			default -> "";
		};
	}

	/**
	 * The form shown to staff, like {@code 138****5678}; {@code ****} for invalid text
	 * and an empty string for an empty cell.
	 */
	public String masked() {
		return switch (this.kind) {
			case EMPTY -> "";
			case INVALID -> "****";
			case VIRTUAL -> visiblePrefix() + "****" + visibleSuffix() + "-***";
			default -> visiblePrefix() + "****" + visibleSuffix();
		};
	}

	private String areaCode() {
		if (this.normalized.length() < 2 || this.normalized.charAt(0) != '0') {
			return "";
		}
		char second = this.normalized.charAt(1);
		return head(this.normalized, (second == '1' || second == '2') ? 3 : 4);
	}

	private String maskedPrefix() {
		int star = this.normalized.indexOf('*');
		return head(this.normalized, (star < 0) ? 3 : Math.min(star, 3));
	}

	private String maskedSuffix() {
		String number = number();
		return tail(number.substring(number.lastIndexOf('*') + 1), 4);
	}

	private static String head(String text, int count) {
		return text.substring(0, Math.min(count, text.length()));
	}

	private static String tail(String text, int count) {
		return text.substring(Math.max(0, text.length() - count));
	}

	@Override
	public String toString() {
		return "PhoneNumber[" + this.kind + " " + masked() + "]";
	}

}
