package dev.siyu.ingest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Guesses the encoding of a text export from its first bytes: a byte order mark wins,
 * then strict UTF-8, then GB18030 (the superset of GBK that Chinese platforms write).
 */
final class TextEncodings {

	static final Charset GB18030 = Charset.forName("GB18030");

	private TextEncodings() {
	}

	/**
	 * The encoding of a sample taken from the start of a file.
	 * @param sample the first bytes of the file
	 * @param length how many bytes of {@code sample} are filled
	 * @param wholeInput whether the sample is the whole file; when it is not, a
	 * multi-byte character cut at the end of the sample is not an error
	 * @return the encoding and the length of its byte order mark, or {@code null} when
	 * the bytes are not text in a supported encoding
	 */
	static Detected detect(byte[] sample, int length, boolean wholeInput) {
		if (startsWith(sample, length, 0xEF, 0xBB, 0xBF)) {
			return new Detected(StandardCharsets.UTF_8, 3);
		}
		if (startsWith(sample, length, 0xFF, 0xFE)) {
			return new Detected(StandardCharsets.UTF_16LE, 2);
		}
		if (startsWith(sample, length, 0xFE, 0xFF)) {
			return new Detected(StandardCharsets.UTF_16BE, 2);
		}
		if (containsNul(sample, length)) {
			return null;
		}
		Evidence utf8 = Evidence.of(StandardCharsets.UTF_8, sample, length, wholeInput);
		if (utf8.errors == 0) {
			return new Detected(StandardCharsets.UTF_8, 0);
		}
		if (utf8.mostlyText()) {
			return new Detected(StandardCharsets.UTF_8, 0);
		}
		if (Evidence.of(GB18030, sample, length, wholeInput).mostlyText()) {
			return new Detected(GB18030, 0);
		}
		return null;
	}

	static boolean isAsciiOnly(byte[] sample, int length) {
		for (int i = 0; i < length; i++) {
			if (sample[i] < 0) {
				return false;
			}
		}
		return true;
	}

	/**
	 * UTF-8 when the whole file is UTF-8 but for a few damaged bytes, else GB18030 (which
	 * GBK files are).
	 */
	static Detected detectWhole(Path file) throws IOException {
		Evidence utf8 = new Evidence(StandardCharsets.UTF_8);
		ByteBuffer in = ByteBuffer.allocate(1 << 20);
		try (ReadableByteChannel channel = Files.newByteChannel(file)) {
			boolean end = false;
			while (!end && !utf8.clearlyOther()) {
				end = channel.read(in) < 0;
				in.flip();
				utf8.decode(in, end);
				in.compact();
			}
		}
		return new Detected(utf8.mostlyText() ? StandardCharsets.UTF_8 : GB18030, 0);
	}

	/**
	 * How well bytes decode in an encoding: the byte sequences that are not valid in it,
	 * against the characters beyond ASCII that are. A file in one encoding with a few
	 * damaged bytes is mostly text; GBK read as UTF-8 fails on most of its characters.
	 */
	private static final class Evidence {

		private final CharsetDecoder decoder;

		private final CharBuffer out = CharBuffer.allocate(1 << 16);

		private long errors;

		private long beyondAscii;

		Evidence(Charset charset) {
			this.decoder = charset.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT);
		}

		static Evidence of(Charset charset, byte[] bytes, int length, boolean wholeInput) {
			Evidence evidence = new Evidence(charset);
			evidence.decode(ByteBuffer.wrap(bytes, 0, length), wholeInput);
			return evidence;
		}

		void decode(ByteBuffer in, boolean endOfInput) {
			while (true) {
				CoderResult result = this.decoder.decode(in, this.out, endOfInput);
				count();
				if (result.isError()) {
					this.errors++;
					in.position(in.position() + result.length());
				}
				else if (result.isUnderflow()) {
					if (endOfInput) {
						this.decoder.flush(this.out);
					}
					return;
				}
			}
		}

		boolean mostlyText() {
			return this.errors == 0 || this.beyondAscii >= 100 * this.errors;
		}

		boolean clearlyOther() {
			return this.errors >= 64 && !mostlyText();
		}

		private void count() {
			this.out.flip();
			while (this.out.hasRemaining()) {
				if (this.out.get() >= 0x80) {
					this.beyondAscii++;
				}
			}
			this.out.clear();
		}

	}

	/**
	 * Whether the bytes decode without a single malformed or unmappable sequence. An
	 * incomplete sequence at the end counts as valid unless the bytes are the whole
	 * input.
	 */
	static boolean isValid(Charset charset, byte[] bytes, int length, boolean wholeInput) {
		return Evidence.of(charset, bytes, length, wholeInput).errors == 0;
	}

	private static boolean startsWith(byte[] sample, int length, int... prefix) {
		if (length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if ((sample[i] & 0xFF) != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	private static boolean containsNul(byte[] sample, int length) {
		for (int i = 0; i < length; i++) {
			if (sample[i] == 0) {
				return true;
			}
		}
		return false;
	}

	/** A detected encoding and the length of the byte order mark to skip. */
	record Detected(Charset charset, int bomLength) {

	}

}
