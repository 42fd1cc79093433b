package dev.siyu.ingest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.util.Arrays;

/**
 * The common part of GB18030 text, ASCII and two-byte characters (GBK), decoded by table:
 * about twice as fast as the JDK's decoder on platform exports. The table holds what the
 * JDK's decoder makes of every two-byte sequence, so text decoded here is exactly the
 * text the JDK would give; anything else (four-byte sequences, damaged bytes, a sequence
 * cut at the end of the bytes at hand) is left to the JDK's decoder.
 */
final class Gb18030Text {

	/**
	 * The char of every two-byte sequence by its bytes {@code lead << 8 | trail}; U+FFFD
	 * for sequences the JDK reports as not text or decodes otherwise than to one char.
	 */
	private static final char[] PAIRS = pairs();

	private Gb18030Text() {
	}

	/**
	 * Decodes ASCII and two-byte characters until the input or the output runs out, or
	 * the next bytes are something else.
	 */
	static void decodeCommon(ByteBuffer in, CharBuffer out) {
		byte[] source = in.array();
		int sp = in.arrayOffset() + in.position();
		int sl = in.arrayOffset() + in.limit();
		char[] target = out.array();
		int dp = out.arrayOffset() + out.position();
		int dl = out.arrayOffset() + out.limit();
		while (sp < sl && dp < dl) {
			if (source[sp] >= 0) {
				int ascii = asciiRun(source, sp, target, dp, Math.min(sl - sp, dl - dp));
				sp += ascii;
				dp += ascii;
				continue;
			}
			if (sp + 1 == sl) {
				break;
			}
			char c = PAIRS[(source[sp] & 0xFF) << 8 | (source[sp + 1] & 0xFF)];
			if (c == StrictTextReader.REPLACEMENT) {
				break;
			}
			target[dp++] = c;
			sp += 2;
		}
		in.position(sp - in.arrayOffset());
		out.position(dp - out.arrayOffset());
	}

	/** Copies ASCII bytes as chars up to the first other byte; how many it copied. */
	private static int asciiRun(byte[] source, int sp, char[] target, int dp, int length) {
		for (int i = 0; i < length; i++) {
			byte b = source[sp + i];
			if (b < 0) {
				return i;
			}
			target[dp + i] = (char) b;
		}
		return length;
	}

	private static char[] pairs() {
		char[] pairs = new char[1 << 16];
		Arrays.fill(pairs, StrictTextReader.REPLACEMENT);
		CharsetDecoder decoder = TextEncodings.GB18030.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		byte[] pair = new byte[2];
		CharBuffer chars = CharBuffer.allocate(2);
		for (int lead = 0x81; lead <= 0xFE; lead++) {
			for (int trail = 0x40; trail <= 0xFE; trail++) {
				if (trail == 0x7F) {
					continue;
				}
				pair[0] = (byte) lead;
				pair[1] = (byte) trail;
				ByteBuffer bytes = ByteBuffer.wrap(pair);
				chars.clear();
				CoderResult result = decoder.reset().decode(bytes, chars, true);
				if (result.isUnderflow() && !bytes.hasRemaining() && chars.position() == 1) {
					pairs[lead << 8 | trail] = chars.get(0);
				}
			}
		}
		return pairs;
	}

}
