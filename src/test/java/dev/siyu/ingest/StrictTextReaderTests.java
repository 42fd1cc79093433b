package dev.siyu.ingest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class StrictTextReaderTests {

	private static final Charset GBK = Charset.forName("GBK");

	@TempDir
	Path dir;

	@Test
	void aFileWithEnglishHeadersAndGbkRowsFarDownIsReadAsGbk() throws IOException {
		StringBuilder ascii = new StringBuilder("receipt,member,name\n");
		for (int i = 0; ascii.length() < 200_000; i++) {
			ascii.append("R-").append(i).append(",M-").append(i).append(",guest\n");
		}
		ByteArrayOutputStream file = new ByteArrayOutputStream();
		file.write(ascii.toString().getBytes(StandardCharsets.US_ASCII));
		file.write("R-last,M-last,欧阳娜娜\n".getBytes(GBK));
		Path csv = this.dir.resolve("pos.csv");
		Files.write(csv, file.toByteArray());

		try (TabularFile table = TabularFile.open(csv)) {
			String last = null;
			while (table.next()) {
				last = table.cell(2);
			}
			assertThat(last).isEqualTo("欧阳娜娜");
		}
	}

	@Test
	void bytesThatAreNotUtf8AreMarkedAndCountedNeverPassedOffAsText() throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		bytes.writeBytes("名字\n".getBytes(StandardCharsets.UTF_8));
		bytes.writeBytes(new byte[] { 'a', (byte) 0xE6, (byte) 0x9D, 'b', '\n', (byte) 0xFF });
		StrictTextReader reader = new StrictTextReader(new ByteArrayInputStream(bytes.toByteArray()),
				StandardCharsets.UTF_8);

		assertThat(readAll(reader)).isEqualTo("名字\na\uFFFDb\n\uFFFD");
		assertThat(reader.damaged()).isEqualTo(2);
	}

	@Test
	void plainUtf8IsReadAsIs() throws IOException {
		byte[] text = "订单编号,金额\n1,99.00\n".getBytes(StandardCharsets.UTF_8);

		StrictTextReader reader = new StrictTextReader(new ByteArrayInputStream(text), StandardCharsets.UTF_8);

		assertThat(readAll(reader)).isEqualTo("订单编号,金额\n1,99.00\n");
		assertThat(reader.damaged()).isZero();
	}

	private static String readAll(Reader reader) throws IOException {
		StringBuilder text = new StringBuilder();
		char[] buffer = new char[7];
		int n;
		while ((n = reader.read(buffer, 0, buffer.length)) >= 0) {
			text.append(buffer, 0, n);
		}
		return text.toString();
	}

}
