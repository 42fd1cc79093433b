package dev.siyu.ingest;

import java.io.IOException;
import java.io.Reader;
import java.util.function.DoubleSupplier;

/**
 * A streaming RFC 4180 parser: quoted cells with doubled quotes, delimiters and line
 * breaks inside quotes, CRLF, LF or CR line ends. A quote inside an unquoted cell is kept
 * as text, and text after a closing quote is appended to the cell. Cells are copied into
 * one reused buffer and become strings only when asked for.
 * <p>
 * A cell that opens with a quote which never closes (the file ends inside it, it grows
 * past {@value #MAX_QUOTED_CHARS} characters, or it runs over a line break or a delimiter
 * to a "closing" quote followed by more text) is read again with the quote as plain text,
 * and its row is flagged in {@link #unclosedQuote()}: one stray quote costs its own row,
 * not the rest of the file.
 */
final class CsvRows implements TabularRows {

	private static final int BUFFER_CHARS = 64 * 1024;

	private static final int MAX_ROW_CHARS = 16 * 1024 * 1024;

	/** Thirty times what a spreadsheet cell holds. */
	static final int MAX_QUOTED_CHARS = 1024 * 1024;

	private static final char[] OPENING_QUOTE = { '"' };

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

	private int unclosedQuote = -1;

	private int undecodable = -1;

	/** Input to read again before the rest of the file, after an unclosed quote. */
	private char[] replay;

	private int replayFrom;

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
		this.unclosedQuote = -1;
		this.undecodable = -1;
		if (this.position >= this.limit && !fill()) {
			return false;
		}
		this.rowNumber++;
		boolean more = true;
		while (more) {
			more = readCell();
			endCell();
		}
		if (this.reader instanceof StrictTextReader text && text.damaged() > 0) {
			this.undecodable = cellHolding(StrictTextReader.REPLACEMENT);
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
	public int undecodable() {
		return this.undecodable;
	}

	@Override
	public int unclosedQuote() {
		return this.unclosedQuote;
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
		int cellStart = this.rowLength;
		while (true) {
			if (this.rowLength - cellStart > MAX_QUOTED_CHARS) {
				readAgainUnquoted(cellStart, "");
				return;
			}
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
				char next = this.buffer[this.position];
				if (next != '"') {
					if (next != this.delimiter && next != '\n' && next != '\r' && swallowsSeparators(cellStart)) {
						readAgainUnquoted(cellStart, "\"");
					}
					return;
				}
				append(this.buffer, this.position, 1);
				this.position++;
			}
			else if (!fill()) {
				readAgainUnquoted(cellStart, "");
				return;
			}
		}
	}

	private int cellHolding(char c) {
		for (int i = 0; i < this.rowLength; i++) {
			if (this.row[i] == c) {
				int cell = 0;
				while (this.cellEnds[cell] <= i) {
					cell++;
				}
				return cell;
			}
		}
		return -1;
	}

	/**
	 * Whether the quoted text holds a line break or a delimiter: followed by more text
	 * after its closing quote, it was a stray quote that swallowed cells.
	 */
	private boolean swallowsSeparators(int cellStart) {
		for (int i = cellStart; i < this.rowLength; i++) {
			char c = this.row[i];
			if (c == '\n' || c == '\r' || c == this.delimiter) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Takes back what was read as the quoted cell from {@code cellStart} (with its
	 * doubled quotes and the already consumed {@code tail}), keeps the opening quote as
	 * text and reads the rest again as plain input.
	 */
	private void readAgainUnquoted(int cellStart, String tail) throws IOException {
		int pending = this.limit - this.position;
		int replayed = (this.replay != null) ? this.replay.length - this.replayFrom : 0;
		StringBuilder again = new StringBuilder(2 * (this.rowLength - cellStart) + tail.length() + pending + replayed);
		for (int i = cellStart; i < this.rowLength; i++) {
			char c = this.row[i];
			again.append(c);
			if (c == '"') {
				again.append('"');
			}
		}
		again.append(tail).append(this.buffer, this.position, pending);
		if (replayed > 0) {
			again.append(this.replay, this.replayFrom, replayed);
		}
		this.replay = new char[again.length()];
		again.getChars(0, again.length(), this.replay, 0);
		this.replayFrom = 0;
		this.position = this.limit;
		this.rowLength = cellStart;
		append(OPENING_QUOTE, 0, 1);
		this.unclosedQuote = this.cellCount;
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
		if (this.replay != null) {
			int n = Math.min(this.buffer.length, this.replay.length - this.replayFrom);
			System.arraycopy(this.replay, this.replayFrom, this.buffer, 0, n);
			this.replayFrom += n;
			if (this.replayFrom == this.replay.length) {
				this.replay = null;
			}
			this.position = 0;
			this.limit = n;
			return true;
		}
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
