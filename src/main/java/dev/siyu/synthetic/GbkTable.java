package dev.siyu.synthetic;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;

/**
 * The GBK bytes of every char, computed once: much faster than a charset encoder for
 * short cells. Unmappable chars become {@code ?}.
 */
final class GbkTable {

	static final Charset GBK = Charset.forName("GBK");

	/** Per char: the byte count (1 or 2) shifted left by 16, or'ed with the bytes. */
	private static final int[] CODES = build();

	private GbkTable() {
	}

	/** The byte count (1 or 2) in bits 16 and up, the bytes in the low 16 bits. */
	static int code(char c) {
		return CODES[c];
	}

	private static int[] build() {
		int[] codes = new int[65536];
		CharsetEncoder encoder = GBK.newEncoder();
		CharBuffer in = CharBuffer.allocate(1);
		ByteBuffer out = ByteBuffer.allocate(8);
		for (int c = 0; c < codes.length; c++) {
			codes[c] = (1 << 16) | '?';
			if (c < 0x80) {
				codes[c] = (1 << 16) | c;
				continue;
			}
			in.clear();
			in.put((char) c).flip();
			out.clear();
			CoderResult result = encoder.reset().encode(in, out, true);
			if (result.isUnderflow() && encoder.flush(out).isUnderflow()) {
				out.flip();
				if (out.remaining() == 1) {
					codes[c] = (1 << 16) | (out.get() & 0xff);
				}
				else if (out.remaining() == 2) {
					codes[c] = (2 << 16) | ((out.get() & 0xff) << 8) | (out.get() & 0xff);
				}
			}
		}
		return codes;
	}

}
