package dev.siyu.ingest;

/**
 * The receiver of an order as stored encrypted in {@code orders.receiver}: name, phone
 * and address joined by a unit separator before encryption.
 */
public record Receiver(String name, String phone, String address) {

	static final char SEPARATOR = '\u001f';

	/** The receiver from the decrypted column. */
	public static Receiver decode(String plain) {
		if (plain == null) {
			return new Receiver("", "", "");
		}
		String[] parts = plain.split(String.valueOf(SEPARATOR), -1);
		return new Receiver(part(parts, 0), part(parts, 1), part(parts, 2));
	}

	private static String part(String[] parts, int index) {
		return (index < parts.length) ? parts[index] : "";
	}

}
