package dev.siyu.ingest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.util.List;
import java.util.Random;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class Gb18030TextTests {

	private static final Charset GB18030 = TextEncodings.GB18030;

	@Property(tries = 2000)
	void anyBytesReadAsTheJdkDecodesThemWhateverTheReadSizes(@ForAll("gb18030ish") byte[] bytes,
			@ForAll @Size(min = 1, max = 5) List<@IntRange(min = 1, max = 9) Integer> chunks,
			@ForAll @IntRange(min = 1, max = 11) int readSize) throws IOException {
		StrictTextReader reader = new StrictTextReader(new ChunkedStream(bytes, chunks), GB18030);

		assertThat(new Decoded(readAll(reader, readSize), reader.damaged())).isEqualTo(jdk(bytes));
	}

	@Test
	void aLongExportWithDamageHereAndThereReadsAsTheJdkDecodesIt() throws IOException {
		Random random = new Random(18030);
		ByteArrayOutputStream export = new ByteArrayOutputStream();
		while (export.size() < 400_000) {
			int kind = random.nextInt(100);
			if (kind < 60) {
				export.write('0' + random.nextInt(10));
			}
			else if (kind < 95) {
				export.write(0xB0 + random.nextInt(0xF7 - 0xB0 + 1));
				export.write(0xA1 + random.nextInt(0xFE - 0xA1 + 1));
			}
			else if (kind < 98) {
				export.writeBytes("𠀀•".getBytes(GB18030));
			}
			else {
				export.write(random.nextInt(256));
			}
		}
		byte[] bytes = export.toByteArray();

		StrictTextReader whole = new StrictTextReader(new ByteArrayInputStream(bytes), GB18030);
		StrictTextReader chunked = new StrictTextReader(new ChunkedStream(bytes, List.of(4093, 1, 7, 65_536)), GB18030);

		Decoded expected = jdk(bytes);
		assertThat(expected.damaged()).isPositive();
		assertThat(new Decoded(readAll(whole, 8192), whole.damaged())).isEqualTo(expected);
		assertThat(new Decoded(readAll(chunked, 100_000), chunked.damaged())).isEqualTo(expected);
	}

	@Test
	void gbkChineseNamesAreReadAsWritten() throws IOException {
		String names = "收货人姓名,联系手机\r\n欧阳娜娜,13800138000\r\n张伟,13900139000\r\n";

		assertThat(read(names.getBytes(Charset.forName("GBK")))).isEqualTo(new Decoded(names, 0));
	}

	@Test
	void charactersOnlyGb18030HasAreReadFromTheirFourBytes() throws IOException {
		byte[] ideograph = "𠀀".getBytes(GB18030);
		byte[] bullet = "•".getBytes(GB18030);
		assertThat(ideograph).hasSize(4);
		assertThat(bullet).hasSize(4);
		ByteArrayOutputStream title = new ByteArrayOutputStream();
		title.writeBytes("新品".getBytes(GB18030));
		title.writeBytes(bullet);
		title.writeBytes(ideograph);
		title.write(',');

		assertThat(read(title.toByteArray())).isEqualTo(new Decoded("新品•𠀀,", 0));
	}

	@Test
	void aLeadByteCutOffAtTheEndIsDamage() throws IOException {
		byte[] bytes = { (byte) 0xD5, (byte) 0xC5, '1', (byte) 0xD5 };

		assertThat(read(bytes)).isEqualTo(new Decoded("张1\uFFFD", 1));
	}

	@Test
	void aFourByteCharacterCutOffAtTheEndIsOneDamagedSequence() throws IOException {
		byte[] bytes = { 'a', (byte) 0x95, 0x32, (byte) 0x82 };

		assertThat(read(bytes)).isEqualTo(new Decoded("a\uFFFD", 1));
	}

	@Provide
	Arbitrary<byte[]> gb18030ish() {
		Arbitrary<byte[]> ascii = Arbitraries.integers().between(0, 0x7F).map(b -> new byte[] { b.byteValue() });
		Arbitrary<byte[]> pair = Arbitraries.integers()
			.between(0x81, 0xFE)
			.flatMap(lead -> Arbitraries.integers()
				.between(0x40, 0xFE)
				.filter(trail -> trail != 0x7F)
				.map(trail -> new byte[] { lead.byteValue(), trail.byteValue() }));
		Arbitrary<Integer> fourLead = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.integers().between(0x81, 0x84)),
				Tuple.of(3, Arbitraries.integers().between(0x90, 0xE3)),
				Tuple.of(1, Arbitraries.integers().between(0x81, 0xFE)));
		Arbitrary<Integer> digit = Arbitraries.integers().between(0x30, 0x39);
		Arbitrary<byte[]> four = fourLead.flatMap(first -> digit.flatMap(second -> Arbitraries.integers()
			.between(0x81, 0xFE)
			.flatMap(third -> digit.map(fourth -> new byte[] { first.byteValue(), second.byteValue(), third.byteValue(),
					fourth.byteValue() }))));
		Arbitrary<byte[]> anyByte = Arbitraries.integers().between(0, 0xFF).map(b -> new byte[] { b.byteValue() });
		return Arbitraries.frequencyOf(Tuple.of(5, ascii), Tuple.of(4, pair), Tuple.of(1, four), Tuple.of(1, anyByte))
			.list()
			.ofMaxSize(120)
			.map(Gb18030TextTests::concatenated);
	}

	private static byte[] concatenated(List<byte[]> pieces) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		pieces.forEach(bytes::writeBytes);
		return bytes.toByteArray();
	}

	private static Decoded read(byte[] bytes) throws IOException {
		Decoded whole = readThrough(new ByteArrayInputStream(bytes), 4096);
		Decoded bytewise = readThrough(new ChunkedStream(bytes, List.of(1)), 1);
		assertThat(bytewise).isEqualTo(whole);
		return whole;
	}

	private static Decoded readThrough(InputStream in, int readSize) throws IOException {
		StrictTextReader reader = new StrictTextReader(in, GB18030);
		return new Decoded(readAll(reader, readSize), reader.damaged());
	}

	private static String readAll(StrictTextReader reader, int readSize) throws IOException {
		StringBuilder text = new StringBuilder();
		char[] target = new char[readSize];
		int n;
		while ((n = reader.read(target, 0, target.length)) >= 0) {
			text.append(target, 0, n);
		}
		return text.toString();
	}

	/** The JDK's GB18030 decoder over all the bytes at once, each error one U+FFFD. */
	private static Decoded jdk(byte[] bytes) {
		CharsetDecoder decoder = GB18030.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.wrap(bytes);
		CharBuffer out = CharBuffer.allocate(2 * bytes.length + 1);
		long damaged = 0;
		CoderResult result;
		while ((result = decoder.decode(in, out, true)).isError()) {
			in.position(in.position() + result.length());
			out.put(StrictTextReader.REPLACEMENT);
			damaged++;
		}
		decoder.flush(out);
		return new Decoded(out.flip().toString(), damaged);
	}

	record Decoded(String text, long damaged) {
	}

	/**
	 * Hands out bytes in reads of the given sizes, in turn, as a network upload might.
	 */
	private static final class ChunkedStream extends InputStream {

		private final byte[] bytes;

		private final List<Integer> chunks;

		private int position;

		private int reads;

		ChunkedStream(byte[] bytes, List<Integer> chunks) {
			this.bytes = bytes;
			this.chunks = chunks;
		}

		@Override
		public int read() {
			return (this.position < this.bytes.length) ? this.bytes[this.position++] & 0xFF : -1;
		}

		@Override
		public int read(byte[] target, int offset, int length) {
			if (this.position == this.bytes.length) {
				return -1;
			}
			int n = Math.min(Math.min(length, this.chunks.get(this.reads++ % this.chunks.size())),
					this.bytes.length - this.position);
			System.arraycopy(this.bytes, this.position, target, offset, n);
			this.position += n;
			return n;
		}

	}

}
