package dev.siyu.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

/**
 * Decodes text strictly: a byte sequence that is not valid in the file's encoding becomes
 * U+FFFD and is counted, so that the row holding it is rejected rather than imported with
 * a replacement character in someone's name.
 */
final class StrictTextReader extends Reader {

	static final char REPLACEMENT = '\uFFFD';

	private final InputStream in;

	private final CharsetDecoder decoder;

	private final boolean gb18030;

	private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16).flip();

	private final CharBuffer chars = CharBuffer.allocate(1 << 16).flip();

	private boolean endOfInput;

	private long damaged;

	StrictTextReader(InputStream in, Charset charset) {
		this.in = in;
		this.decoder = charset.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		this.gb18030 = charset.equals(TextEncodings.GB18030);
	}

	@Override
	public int read(char[] target, int offset, int length) throws IOException {
		if (length == 0) {
			return 0;
		}
		if (!this.chars.hasRemaining() && !fill()) {
			return -1;
		}
		int n = Math.min(length, this.chars.remaining());
		this.chars.get(target, offset, n);
		return n;
	}

	private boolean fill() throws IOException {
		this.chars.clear();
		while (this.chars.position() == 0) {
			CoderResult result = decode();
			if (result.isError()) {
				if (!this.chars.hasRemaining()) {
					break;
				}
				this.bytes.position(this.bytes.position() + result.length());
				this.chars.put(REPLACEMENT);
				this.damaged++;
				continue;
			}
			if (result.isOverflow()) {
				break;
			}
			if (this.endOfInput) {
				this.decoder.flush(this.chars);
				break;
			}
			refill();
		}
		this.chars.flip();
		return this.chars.hasRemaining();
	}

	/**
	 * Decodes like {@link CharsetDecoder#decode(ByteBuffer, CharBuffer, boolean)}.
	 * GB18030 text takes a faster path for its common characters; the tail left at the
	 * end of input is the JDK's, as are the calls that end and flush the decoder.
	 */
	private CoderResult decode() {
		if (!this.gb18030 || this.endOfInput) {
			return this.decoder.decode(this.bytes, this.chars, this.endOfInput);
		}
		while (true) {
			Gb18030Text.decodeCommon(this.bytes, this.chars);
			if (!this.bytes.hasRemaining()) {
				return CoderResult.UNDERFLOW;
			}
			if (!this.chars.hasRemaining()) {
				return CoderResult.OVERFLOW;
			}
			int start = this.bytes.position();
			int limit = this.bytes.limit();
			// No sequence is longer than four bytes: the JDK decodes or reports one.
			this.bytes.limit(Math.min(limit, start + 4));
			CoderResult result = this.decoder.decode(this.bytes, this.chars, false);
			this.bytes.limit(limit);
			if (!result.isUnderflow() || this.bytes.position() == start) {
				return result;
			}
		}
	}

	/** How many byte sequences were not text in the file's encoding, so far. */
	long damaged() {
		return this.damaged;
	}

	private void refill() throws IOException {
		this.bytes.compact();
		int read = this.in.read(this.bytes.array(), this.bytes.position(), this.bytes.remaining());
		if (read < 0) {
			this.endOfInput = true;
		}
		else {
			this.bytes.position(this.bytes.position() + read);
		}
		this.bytes.flip();
	}

	@Override
	public void close() throws IOException {
		this.in.close();
	}

}
