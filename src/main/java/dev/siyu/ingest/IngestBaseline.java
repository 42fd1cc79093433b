package dev.siyu.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

import org.postgresql.PGConnection;

/**
 * The benchmark's baseline: the same export file copied raw (server-side CSV parsing,
 * every cell as text) into an unindexed table, the fastest way PostgreSQL can take those
 * rows in.
 */
public final class IngestBaseline {

	private final DataSource dataSource;

	private long rows;

	public IngestBaseline(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/** Seconds to COPY the file raw; the table is dropped afterwards. */
	public double copySeconds(Path file) throws IOException, SQLException {
		List<String> header;
		Charset charset;
		try (TabularFile table = TabularFile.open(file)) {
			header = table.header();
			charset = table.charset();
		}
		StringBuilder columns = new StringBuilder();
		for (int i = 0; i < header.size(); i++) {
			columns.append((i > 0) ? ", " : "").append("c").append(i).append(" text");
		}
		String encoding = charset.name().equalsIgnoreCase("UTF-8") ? "UTF8" : "GB18030";
		try (Connection connection = this.dataSource.getConnection()) {
			try (Statement statement = connection.createStatement()) {
				statement.execute("drop table if exists bench_raw_copy");
				statement.execute("create table bench_raw_copy (" + columns + ")");
			}
			long start = System.nanoTime();
			try (InputStream in = Files.newInputStream(file)) {
				this.rows = connection.unwrap(PGConnection.class)
					.getCopyAPI()
					.copyIn("copy bench_raw_copy from stdin with (format csv, header true, encoding '" + encoding
							+ "')", in, 1 << 16);
			}
			double seconds = (System.nanoTime() - start) / 1e9;
			try (Statement statement = connection.createStatement()) {
				statement.execute("drop table bench_raw_copy");
			}
			return seconds;
		}
	}

	public long rows() {
		return this.rows;
	}

}
