package dev.siyu.matching;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** What a column holds, which decides how its values are compared. */
public enum FieldKind {

	GIVEN_NAME(NameComparison::new, false), SURNAME(NameComparison::new, false),
	FULL_NAME(FullNameComparison::new, false), PHONE(PhoneComparison::new, true), EMAIL(EmailComparison::new, true),
	ADDRESS(AddressComparison::new, false), STREET_NUMBER(CodeComparison::new, false),
	CITY(TextComparison::city, false), POSTCODE(CodeComparison::new, false), PROVINCE(TextComparison::province, false),
	DATE(DateComparison::new, false), ID_NUMBER(CodeComparison::new, true), TEXT(TextComparison::text, false);

	private final Supplier<Comparison> comparison;

	private final boolean identifying;

	FieldKind(Supplier<Comparison> comparison, boolean identifying) {
		this.comparison = comparison;
		this.identifying = identifying;
	}

	/** The kind named as on the command line: {@code given_name}, {@code phone} ... */
	public static FieldKind named(String name) {
		try {
			return valueOf(name.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("unknown field kind '" + name + "'; expected one of " + names(), ex);
		}
	}

	public static String names() {
		return Arrays.stream(values()).map(FieldKind::cliName).collect(Collectors.joining(", "));
	}

	public String cliName() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Whether equal values nearly always mean the same person, so it blocks on its own.
	 */
	boolean identifying() {
		return this.identifying;
	}

	/** Weak on its own and in blocks: too few distinct values. */
	boolean coarse() {
		return this == PROVINCE || this == TEXT;
	}

	Comparison comparison() {
		return this.comparison.get();
	}

}
