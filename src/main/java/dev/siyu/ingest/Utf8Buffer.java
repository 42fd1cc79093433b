package dev.siyu.ingest;

import dev.siyu.shared.Utf8;

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
		if (this.bytes.length < text.length() * Utf8.MAX_BYTES_PER_CHAR) {
			this.bytes = new byte[text.length() * Utf8.MAX_BYTES_PER_CHAR];
		}
		return Utf8.encode(text, this.bytes, 0);
	}

	byte[] bytes() {
		return this.bytes;
	}

}
