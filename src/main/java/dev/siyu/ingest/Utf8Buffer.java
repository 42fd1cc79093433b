package dev.siyu.ingest;

/**
 * A reused buffer that text is encoded into as UTF-8, byte for byte as
 * {@code String.getBytes(UTF_8)} encodes it, without a string or array per call.
 */
final class Utf8Buffer {

	private byte[] bytes = new byte[1024];

	/**
	 * Encodes the text from the start of {@link #bytes()}; returns its length in bytes.
	 */
	int encode(CharSequence text) {
		int length = text.length();
		if (this.bytes.length < length * 3) {
			this.bytes = new byte[length * 3];
		}
		byte[] out = this.bytes;
		int n = 0;
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

	byte[] bytes() {
		return this.bytes;
	}

}
