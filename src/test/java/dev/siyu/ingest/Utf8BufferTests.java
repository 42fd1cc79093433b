package dev.siyu.ingest;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class Utf8BufferTests {

	private final Utf8Buffer buffer = new Utf8Buffer();

	@Property
	void encodesAnyTextExactlyAsTheJdkDoes(@ForAll String text) {
		assertThat(encoded(text)).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void encodesChineseSupplementaryAndLoneSurrogatesAsTheJdkDoes() {
		for (String text : new String[] { "中".repeat(600), "王芳\u0001,¥12.50", "𠀀𠀁 emoji 😀", "lone \ud800 high",
				"lone \udc00 low", "end \ud83d", "x".repeat(5000) + "欧阳" }) {
			assertThat(encoded(text)).as(text).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
		}
	}

	private byte[] encoded(String text) {
		int length = this.buffer.encode(new StringBuilder(text));
		return Arrays.copyOf(this.buffer.bytes(), length);
	}

}
