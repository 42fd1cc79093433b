package dev.siyu.ingest;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextEncodingsTests {

	@Test
	void byteOrderMarksDecide() {
		assertThat(detect(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a' }, true))
			.isEqualTo(new TextEncodings.Detected(StandardCharsets.UTF_8, 3));
		assertThat(detect(new byte[] { (byte) 0xFF, (byte) 0xFE, 'a', 0 }, true))
			.isEqualTo(new TextEncodings.Detected(StandardCharsets.UTF_16LE, 2));
		assertThat(detect(new byte[] { (byte) 0xFE, (byte) 0xFF, 0, 'a' }, true))
			.isEqualTo(new TextEncodings.Detected(StandardCharsets.UTF_16BE, 2));
	}

	@Test
	void validUtf8IsUtf8() {
		assertThat(detect("订单编号,金额".getBytes(StandardCharsets.UTF_8), true).charset())
			.isEqualTo(StandardCharsets.UTF_8);
		assertThat(detect("order,amount".getBytes(StandardCharsets.US_ASCII), true).charset())
			.isEqualTo(StandardCharsets.UTF_8);
	}

	@Test
	void gbkTextIsGb18030() {
		assertThat(detect("订单编号,金额".getBytes(Charset.forName("GBK")), true).charset()).isEqualTo(TextEncodings.GB18030);
	}

	@Test
	void aCharacterCutAtTheEndOfTheSampleIsNotAnError() {
		byte[] utf8 = "收货地址".getBytes(StandardCharsets.UTF_8);
		byte[] cut = Arrays.copyOf(utf8, utf8.length - 1);
		assertThat(detect(cut, false).charset()).isEqualTo(StandardCharsets.UTF_8);
		assertThat(TextEncodings.isValid(StandardCharsets.UTF_8, cut, cut.length, true)).isFalse();

		byte[] gb18030 = "\uD840\uDC00".getBytes(TextEncodings.GB18030);
		assertThat(gb18030).hasSize(4);
		assertThat(TextEncodings.isValid(TextEncodings.GB18030, gb18030, 3, false)).isTrue();
	}

	@Test
	void overlongUtf8IsNotUtf8() {
		byte[] overlong = { 'a', (byte) 0xC0, (byte) 0xAF, 'b' };
		assertThat(TextEncodings.isValid(StandardCharsets.UTF_8, overlong, overlong.length, true)).isFalse();
	}

	@Test
	void aFewDamagedBytesDoNotChangeTheEncoding() {
		String text = "订单编号,收件人,详细地址\n".repeat(40);
		byte[] utf8 = damaged(text.getBytes(StandardCharsets.UTF_8));
		byte[] gbk = damaged(text.getBytes(Charset.forName("GBK")));

		assertThat(detect(utf8, true).charset()).isEqualTo(StandardCharsets.UTF_8);
		assertThat(detect(gbk, true).charset()).isEqualTo(TextEncodings.GB18030);
	}

	@Test
	void gbkTextIsNeverTakenForDamagedUtf8() {
		byte[] gbk = "王芳,浙江省杭州市西湖区文三路,收货人姓名,买家留言\n".repeat(200).getBytes(Charset.forName("GBK"));

		assertThat(detect(gbk, true).charset()).isEqualTo(TextEncodings.GB18030);
	}

	private static byte[] damaged(byte[] bytes) {
		byte[] copy = bytes.clone();
		copy[copy.length / 2] = (byte) 0xFF;
		return copy;
	}

	@Test
	void binaryIsNoText() {
		assertThat(detect(new byte[] { 'P', 'K', 0, 0, 1 }, true)).isNull();
		assertThat(detect(new byte[] { 'a', (byte) 0x80, 'b' }, true)).isNull();
	}

	private static TextEncodings.Detected detect(byte[] sample, boolean wholeInput) {
		return TextEncodings.detect(sample, sample.length, wholeInput);
	}

}
