package dev.siyu.synthetic;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;

/**
 * GBK bytes of each char, looked up once and remembered: much faster than a charset
 * encoder for short cells. Unmappable chars become {@code ?}.
 */
final class GbkTable {

	static final Charset GBK = Charset.forName("GBK");

	private static final int SINGLE = 1 << 16;

	private static final int DOUBLE = 2 << 16;

	/**
	 * 0 until looked up; then the byte count shifted left by 16, or'ed with the bytes.
	 */
	private static final int[] CODES = new int[65536];

	private GbkTable() {
	}

	/** The byte count (1 or 2) in bits 16 and up, the bytes in the low 16 bits. */
	static int code(char c) {
		int code = CODES[c];
		if (code == 0) {
			code = lookUp(c);
			CODES[c] = code;
		}
		return code;
	}

	private static int lookUp(char c) {
		CharsetEncoder encoder = GBK.newEncoder();
		if (c < 0x80 || !encoder.canEncode(c)) {
			return SINGLE | ((c < 0x80) ? c : '?');
		}
		try {
			ByteBuffer bytes = encoder.encode(CharBuffer.wrap(new char[] { c }));
			if (bytes.remaining() == 1) {
				return SINGLE | (bytes.get() & 0xff);
			}
			return DOUBLE | ((bytes.get() & 0xff) << 8) | (bytes.get() & 0xff);
		}
		catch (CharacterCodingException ex) {
			return SINGLE | '?';
		}
	}

}
