package dev.siyu.ingest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows an import rejected, as CSV: file, row, column, value, reason. Written only
 * when there is something to report; values of personal columns appear masked.
 */
final class ErrorReport implements AutoCloseable {

	private final Path path;

	private BufferedWriter writer;

	private long count;

	private final List<Rejection> kept = new ArrayList<>();

	private int keep;

	ErrorReport(Path path) {
		this.path = path;
	}

	void reject(String file, long row, String column, String value, String reason) {
		try {
			if (this.writer == null) {
				Files.createDirectories(this.path.getParent());
				this.writer = Files.newBufferedWriter(this.path, StandardCharsets.UTF_8);
				this.writer.write('\ufeff');
				this.writer.write("file,row,column,value,reason\n");
			}
			this.writer.write(
					csv(file) + "," + row + "," + csv(column) + "," + csv(shortened(value)) + "," + csv(reason) + "\n");
			this.count++;
			if (this.kept.size() < this.keep) {
				this.kept.add(new Rejection(file, row, column, value, reason));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write the error report " + this.path, ex);
		}
	}

	/**
	 * Also keeps up to {@code limit} rejections in memory, for answers that list them.
	 */
	ErrorReport keeping(int limit) {
		this.keep = limit;
		return this;
	}

	List<Rejection> kept() {
		return this.kept;
	}

	long count() {
		return this.count;
	}

	/** The report's path, or null when no row was rejected. */
	Path path() {
		return (this.count > 0) ? this.path : null;
	}

	@Override
	public void close() {
		if (this.writer != null) {
			try {
				this.writer.close();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

	/** A cell's value as the report shows it: at most 200 characters. */
	private static String shortened(String value) {
		return (value != null && value.length() > 200) ? value.substring(0, 200) + "…" : value;
	}

	private static String csv(String value) {
		if (value == null) {
			return "";
		}
		String shown = value;
		if (shown.indexOf(',') >= 0 || shown.indexOf('"') >= 0 || shown.indexOf('\n') >= 0
				|| shown.indexOf('\r') >= 0) {
			return '"' + shown.replace("\"", "\"\"") + '"';
		}
		return shown;
	}

	/** One rejected row. */
	record Rejection(String file, long row, String column, String value, String reason) {
	}

}
