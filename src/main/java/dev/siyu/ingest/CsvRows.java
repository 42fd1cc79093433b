package dev.siyu.ingest;

import java.io.IOException;
import java.io.Reader;
import java.util.function.DoubleSupplier;

/**
 * A streaming RFC 4180 parser: quoted cells with doubled quotes, delimiters and line
 * breaks inside quotes, CRLF, LF or CR line ends. A quote inside an unquoted cell is kept
 * as text, and text after a closing quote is appended to the cell. Cells are copied into
 * one reused buffer and become strings only when asked for.
 */
final class CsvRows implements TabularRows {

	private static final int BUFFER_CHARS = 64 * 1024;

	private static final int MAX_ROW_CHARS = 16 * 1024 * 1024;

	private final Reader reader;

	private final String fileName;

	private final DoubleSupplier progress;

	private final char[] buffer = new char[BUFFER_CHARS];

	private int position;

	private int limit;

	private boolean endOfInput;

	private final char delimiter;

	private char[] row = new char[1024];

	private int rowLength;

	private int[] cellEnds = new int[64];

	private int cellCount;

	private long rowNumber;

	private boolean unterminated;

	/**
	 * @param reader the text, without a byte order mark
	 * @param fileName the name used in error messages
	 * @param progress how much of the input has been read, 0..1
	 */
	CsvRows(Reader reader, String fileName, DoubleSupplier progress) throws IOException {
		this.reader = reader;
		this.fileName = fileName;
		this.progress = progress;
		fillFirstLine();
		this.delimiter = delimiterOfFirstLine();
	}

	char delimiter() {
		return this.delimiter;
	}

	@Override
	public boolean next() throws IOException {
		this.rowLength = 0;
		this.cellCount = 0;
		this.unterminated = false;
		if (this.position >= this.limit && !fill()) {
			return false;
		}
		this.rowNumber++;
		boolean more = true;
		while (more) {
			more = readCell();
			endCell();
		}
		return true;
	}

	@Override
	public int size() {
		return this.cellCount;
	}

	@Override
	public String cell(int index) {
		int start = (index == 0) ? 0 : this.cellEnds[index - 1];
		return new String(this.row, start, this.cellEnds[index] - start);
	}

	@Override
	public boolean isBlank(int index) {
		int start = (index == 0) ? 0 : this.cellEnds[index - 1];
		return TabularCells.isBlank(this.row, start, this.cellEnds[index]);
	}

	@Override
	public boolean unterminated() {
		return this.unterminated;
	}

	@Override
	public long rowNumber() {
		return this.rowNumber;
	}

	@Override
	public double progress() {
		return this.endOfInput && this.position >= this.limit ? 1.0 : this.progress.getAsDouble();
	}

	@Override
	public void close() throws IOException {
		this.reader.close();
	}

	/** Reads one cell and its terminator; {@code true} when another cell follows. */
	private boolean readCell() throws IOException {
		if (this.position >= this.limit && !fill()) {
			this.unterminated = true;
			return false;
		}
		if (this.buffer[this.position] == '"') {
			this.position++;
			readQuoted();
		}
		return readUnquoted();
	}

	private void readQuoted() throws IOException {
		while (true) {
			char[] chars = this.buffer;
			int start = this.position;
			int end = this.limit;
			int p = start;
			while (p < end && chars[p] != '"') {
				p++;
			}
			append(chars, start, p - start);
			this.position = p;
			if (p < end) {
				this.position++;
				if (this.position >= this.limit && !fill()) {
					return;
				}
				if (this.buffer[this.position] != '"') {
					return;
				}
				append(this.buffer, this.position, 1);
				this.position++;
			}
			else if (!fill()) {
				throw problem("has a quote (\") that is never closed");
			}
		}
	}

	private boolean readUnquoted() throws IOException {
		char separator = this.delimiter;
		char highestStop = (char) Math.max(separator, '\r');
		while (true) {
			char[] chars = this.buffer;
			int start = this.position;
			int end = this.limit;
			for (int p = start; p < end; p++) {
				char c = chars[p];
				if (c <= highestStop && (c == separator || c == '\n' || c == '\r')) {
					append(chars, start, p - start);
					this.position = p + 1;
					if (c == separator) {
						return true;
					}
					if (c == '\r') {
						skipLineFeed();
					}
					return false;
				}
			}
			append(chars, start, end - start);
			this.position = end;
			if (!fill()) {
				this.unterminated = true;
				return false;
			}
		}
	}

	private void skipLineFeed() throws IOException {
		if ((this.position < this.limit || fill()) && this.buffer[this.position] == '\n') {
			this.position++;
		}
	}

	private void append(char[] chars, int from, int count) throws IOException {
		if (count == 0) {
			return;
		}
		int needed = this.rowLength + count;
		if (needed > this.row.length) {
			if (needed > MAX_ROW_CHARS) {
				throw problem("is longer than " + MAX_ROW_CHARS + " characters; a quote (\") is probably never closed");
			}
			char[] larger = new char[Math.max(needed, Math.min(this.row.length * 2, MAX_ROW_CHARS))];
			System.arraycopy(this.row, 0, larger, 0, this.rowLength);
			this.row = larger;
		}
		System.arraycopy(chars, from, this.row, this.rowLength, count);
		this.rowLength = needed;
	}

	private IOException problem(String what) {
		return new IOException("file " + this.fileName + ": row " + this.rowNumber + " " + what);
	}

	private void endCell() {
		if (this.cellCount == this.cellEnds.length) {
			int[] larger = new int[this.cellEnds.length * 2];
			System.arraycopy(this.cellEnds, 0, larger, 0, this.cellCount);
			this.cellEnds = larger;
		}
		this.cellEnds[this.cellCount++] = this.rowLength;
	}

	/** Refills the buffer from the start; {@code false} at the end of the input. */
	private boolean fill() throws IOException {
		if (this.endOfInput) {
			return false;
		}
		int read;
		do {
			read = this.reader.read(this.buffer, 0, this.buffer.length);
		}
		while (read == 0);
		this.position = 0;
		if (read < 0) {
			this.limit = 0;
			this.endOfInput = true;
			return false;
		}
		this.limit = read;
		return true;
	}

	/**
	 * Reads until the buffer holds the first non-empty line, is full or the input ends.
	 */
	private void fillFirstLine() throws IOException {
		while (this.limit < this.buffer.length && lineEnd(firstLineStart()) < 0) {
			int read = this.reader.read(this.buffer, this.limit, this.buffer.length - this.limit);
			if (read < 0) {
				this.endOfInput = true;
				return;
			}
			this.limit += read;
		}
	}

	/**
	 * The most frequent of comma, tab and semicolon in the first line that has any (a
	 * title above the header has none): Excel writes "Unicode text" with tabs, and CSV
	 * with semicolons where the comma is the decimal mark. A comma wins ties.
	 */
	private char delimiterOfFirstLine() {
		int tabs = 0;
		int commas = 0;
		int semicolons = 0;
		int start = firstLineStart();
		while (start < this.limit && tabs + commas + semicolons == 0) {
			int end = lineEnd(start);
			for (int i = start; i < ((end < 0) ? this.limit : end); i++) {
				switch (this.buffer[i]) {
					case '\t' -> tabs++;
					case ',' -> commas++;
					case ';' -> semicolons++;
					default -> {
					}
				}
			}
			start = (end < 0) ? this.limit : end + 1;
		}
		if (tabs > commas && tabs >= semicolons) {
			return '\t';
		}
		return (semicolons > commas) ? ';' : ',';
	}

	private int firstLineStart() {
		int i = 0;
		while (i < this.limit && (this.buffer[i] == '\n' || this.buffer[i] == '\r')) {
			i++;
		}
		return i;
	}

	private int lineEnd(int from) {
		for (int i = from; i < this.limit; i++) {
			if (this.buffer[i] == '\n' || this.buffer[i] == '\r') {
				return i;
			}
		}
		return -1;
	}

}
