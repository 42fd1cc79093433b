package dev.siyu.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

class ReadAheadTests {

	@TempDir
	Path folder;

	@Test
	void passesOnEveryRowWithItsCellsAndRowNumber() throws IOException {
		StringBuilder text = new StringBuilder("id,name\n");
		for (int i = 1; i <= 2_000; i++) {
			text.append(i).append(",name ").append(i).append('\n');
			if (i % 700 == 0) {
				text.append(",\n");
			}
		}
		Path file = write(text.toString());

		try (TabularFile direct = TabularFile.open(file);
				ReadAhead ahead = new ReadAhead(TabularFile.open(file), "orders.csv", new boolean[] { true, true })) {
			assertThat(ahead.header()).containsExactly("id", "name");
			int rows = 0;
			while (direct.next()) {
				assertThat(ahead.next()).isTrue();
				assertThat(ahead.cell(0)).isEqualTo(direct.cell(0));
				assertThat(ahead.cell(1)).isEqualTo(direct.cell(1));
				assertThat(ahead.cell(2)).isEmpty();
				assertThat(ahead.rowNumber()).isEqualTo(direct.rowNumber());
				rows++;
			}
			assertThat(ahead.next()).isFalse();
			assertThat(ahead.next()).isFalse();
			assertThat(ahead.progress()).isEqualTo(1.0);
			assertThat(rows).isEqualTo(2_000);
		}
	}

	@Test
	void aReadingFailureSurfacesAfterTheRowsBeforeIt() throws IOException {
		StringBuilder text = new StringBuilder("id,note\n");
		for (int i = 1; i <= 1_000; i++) {
			text.append(i).append(",ok\n");
		}
		text.append("1001,\"broken\n1002,more\n");
		Path file = write(text.toString());

		try (ReadAhead ahead = new ReadAhead(TabularFile.open(file), "orders.csv", new boolean[] { true, false })) {
			for (int i = 1; i <= 1_000; i++) {
				assertThat(ahead.next()).isTrue();
				assertThat(ahead.cell(0)).isEqualTo(Integer.toString(i));
			}
			assertThat(ahead.cell(1)).as("a column the mapping does not read").isEmpty();
			assertThatIOException().isThrownBy(ahead::next).withMessageContaining("row 1002 has a quote");
		}
	}

	@Test
	void closingBeforeTheEndStopsTheReader() throws IOException {
		StringBuilder text = new StringBuilder("id\n");
		for (int i = 1; i <= 50_000; i++) {
			text.append(i).append('\n');
		}
		Path file = write(text.toString());

		ReadAhead ahead = new ReadAhead(TabularFile.open(file), "orders.csv", new boolean[] { true });
		assertThat(ahead.next()).isTrue();
		ahead.close();

		assertThat(Thread.getAllStackTraces().keySet())
			.noneMatch((thread) -> thread.getName().equals("import-reader orders.csv"));
	}

	private Path write(String text) throws IOException {
		Path file = this.folder.resolve("orders.csv");
		Files.write(file, text.getBytes(StandardCharsets.UTF_8));
		return file;
	}

}
