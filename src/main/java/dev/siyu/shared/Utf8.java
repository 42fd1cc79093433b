package dev.siyu.shared;

/**
 * Text written as UTF-8 straight into a byte array, exactly as
 * {@code String.getBytes(UTF_8)} writes it (a lone surrogate becomes {@code ?}), without
 * an array per call.
 */
public final class Utf8 {

	/** The most bytes a char of text takes. */
	public static final int MAX_BYTES_PER_CHAR = 3;

	private Utf8() {
	}

	/**
	 * Writes the text into {@code out} from {@code at}, which must have room for
	 * {@link #MAX_BYTES_PER_CHAR} bytes per char; returns where the text ends.
	 */
	public static int encode(CharSequence text, byte[] out, int at) {
		int length = text.length();
		int n = at;
		for (int i = 0; i < length; i++) {
			char c = text.charAt(i);
			if (c < 0x80) {
				out[n++] = (byte) c;
			}
			else if (c < 0x800) {
				out[n++] = (byte) (0xc0 | (c >> 6));
				out[n++] = (byte) (0x80 | (c & 0x3f));
			}
			else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
				int cp = Character.toCodePoint(c, text.charAt(++i));
				out[n++] = (byte) (0xf0 | (cp >> 18));
				out[n++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
				out[n++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
				out[n++] = (byte) (0x80 | (cp & 0x3f));
			}
			else if (Character.isSurrogate(c)) {
				out[n++] = (byte) '?';
			}
			else {
				out[n++] = (byte) (0xe0 | (c >> 12));
				out[n++] = (byte) (0x80 | ((c >> 6) & 0x3f));
				out[n++] = (byte) (0x80 | (c & 0x3f));
			}
		}
		return n;
	}

}
