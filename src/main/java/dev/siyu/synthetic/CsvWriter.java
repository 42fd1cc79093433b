package dev.siyu.synthetic;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A fast CSV writer straight to bytes, in UTF-8 or GBK. Cells holding a comma, quote or
 * line break are quoted, inner quotes doubled. A cell starts with {@code text},
 * {@code raw}, {@code cell}, {@code number} and the like; {@code and} appends to the
 * current cell unquoted. Not thread safe.
 */
final class CsvWriter implements Closeable {

	private static final int BUFFER_SIZE = 1 << 18;

	private final OutputStream out;

	private final boolean gbk;

	private final boolean crlf;

	private final byte[] buffer = new byte[BUFFER_SIZE];

	private char[] chars = new char[256];

	/** Strings up to this length are first tried as ASCII. */
	private static final int SHORT = 64;

	private int position;

	private boolean rowStarted;

	private CsvWriter(Path file, boolean gbk, boolean bom, boolean crlf) throws IOException {
		this.out = Files.newOutputStream(file);
		this.gbk = gbk;
		this.crlf = crlf;
		if (bom) {
			this.buffer[this.position++] = (byte) 0xEF;
			this.buffer[this.position++] = (byte) 0xBB;
			this.buffer[this.position++] = (byte) 0xBF;
		}
	}

	static CsvWriter utf8(Path file, boolean bom, boolean crlf) throws IOException {
		return new CsvWriter(file, false, bom, crlf);
	}

	static CsvWriter gbk(Path file, boolean crlf) throws IOException {
		return new CsvWriter(file, true, false, crlf);
	}

	void header(String... names) throws IOException {
		for (String name : names) {
			text(name);
		}
		endRow();
	}

	/** A cell, quoted if it needs to be; {@code null} is an empty cell. */
	CsvWriter text(String value) throws IOException {
		separate();
		if (value == null || value.isEmpty()) {
			return this;
		}
		int length = load(value);
		if (CellEncoding.needsQuotes(this.chars, 0, length)) {
			ensure(1);
			this.buffer[this.position++] = '"';
			encode(length, true);
			ensure(1);
			this.buffer[this.position++] = '"';
		}
		else {
			encode(length, false);
		}
		return this;
	}

	/** A constant cell. */
	CsvWriter cell(Cell cell) throws IOException {
		separate();
		byte[] bytes = cell.bytes(this.gbk);
		ensure(bytes.length);
		System.arraycopy(bytes, 0, this.buffer, this.position, bytes.length);
		this.position += bytes.length;
		return this;
	}

	/** A cell written as is: the caller knows it needs no quotes (or wants none). */
	CsvWriter raw(String value) throws IOException {
		separate();
		return and(value);
	}

	/** Appends to the current cell, unquoted. */
	CsvWriter and(String value) throws IOException {
		return and(value, 0, value.length());
	}

	/** Appends part of a string to the current cell, unquoted. */
	CsvWriter and(String value, int from, int to) throws IOException {
		int next = from;
		if (to - from <= SHORT) {
			next = ascii(value, from, to);
			if (next == to) {
				return this;
			}
		}
		int length = to - next;
		if (this.chars.length < length) {
			this.chars = new char[Math.max(length, this.chars.length * 2)];
		}
		value.getChars(next, to, this.chars, 0);
		encode(length, false);
		return this;
	}

	/** Writes the leading ASCII chars of a short string, returns where they end. */
	private int ascii(String value, int from, int to) throws IOException {
		ensure(SHORT);
		byte[] bytes = this.buffer;
		int at = this.position;
		int i = from;
		while (i < to) {
			char c = value.charAt(i);
			if (c >= 0x80) {
				break;
			}
			bytes[at++] = (byte) c;
			i++;
		}
		this.position = at;
		return i;
	}

	/** Appends bytes to the current cell. */
	CsvWriter and(byte[] bytes) throws IOException {
		ensure(bytes.length);
		System.arraycopy(bytes, 0, this.buffer, this.position, bytes.length);
		this.position += bytes.length;
		return this;
	}

	CsvWriter empty() throws IOException {
		separate();
		return this;
	}

	CsvWriter number(long value) throws IOException {
		separate();
		ensure(20);
		digits(value);
		return this;
	}

	/** Appends {@code value} to the current cell, zero-padded to {@code width} digits. */
	CsvWriter andDigits(long value, int width) throws IOException {
		ensure(20 + width);
		int start = this.position;
		digits(value);
		int missing = width - (this.position - start);
		if (missing > 0) {
			System.arraycopy(this.buffer, start, this.buffer, start + missing, this.position - start);
			for (int i = 0; i < missing; i++) {
				this.buffer[start + i] = '0';
			}
			this.position += missing;
		}
		return this;
	}

	/** An amount in cents as {@code 1299.00}. */
	CsvWriter money(long cents) throws IOException {
		separate();
		ensure(24);
		cents(cents, false);
		return this;
	}

	/**
	 * An amount in cents with thousands separators ({@code "1,299.00"}) when it has them.
	 */
	CsvWriter groupedMoney(long cents) throws IOException {
		separate();
		ensure(32);
		if (Math.abs(cents) >= 100_000) {
			this.buffer[this.position++] = '"';
			cents(cents, true);
			this.buffer[this.position++] = '"';
		}
		else {
			cents(cents, false);
		}
		return this;
	}

	/** {@code yyyy-MM-dd HH:mm:ss}; a negative time is an empty cell. */
	CsvWriter dateTime(Timeline timeline, long time) throws IOException {
		separate();
		if (time < 0) {
			return this;
		}
		ensure(19);
		byte[] day = timeline.isoDay(time);
		System.arraycopy(day, 0, this.buffer, this.position, day.length);
		this.position += day.length;
		int second = (int) (time % Timeline.DAY);
		this.buffer[this.position++] = ' ';
		twoDigits(second / 3600);
		this.buffer[this.position++] = ':';
		twoDigits(second / 60 % 60);
		this.buffer[this.position++] = ':';
		twoDigits(second % 60);
		return this;
	}

	void endRow() throws IOException {
		ensure(2);
		if (this.crlf) {
			this.buffer[this.position++] = '\r';
		}
		this.buffer[this.position++] = '\n';
		this.rowStarted = false;
	}

	@Override
	public void close() throws IOException {
		try (OutputStream stream = this.out) {
			flush();
		}
	}

	private void separate() throws IOException {
		if (this.rowStarted) {
			ensure(1);
			this.buffer[this.position++] = ',';
		}
		this.rowStarted = true;
	}

	private int load(String value) {
		int length = value.length();
		if (this.chars.length < length) {
			this.chars = new char[Math.max(length, this.chars.length * 2)];
		}
		value.getChars(0, length, this.chars, 0);
		return length;
	}

	/** Encodes the first {@code length} loaded chars, flushing as needed. */
	private void encode(int length, boolean escapeQuotes) throws IOException {
		int from = 0;
		while (from < length) {
			int room = (this.buffer.length - this.position) / CellEncoding.MAX_BYTES_PER_CHAR;
			if (room < 2) {
				flush();
				continue;
			}
			int to = Math.min(length, from + room);
			if (to < length && Character.isHighSurrogate(this.chars[to - 1])) {
				to--;
			}
			this.position = CellEncoding.encode(this.chars, from, to, this.buffer, this.position, this.gbk,
					escapeQuotes);
			from = to;
		}
	}

	private void digits(long value) {
		long rest = value;
		if (rest < 0) {
			this.buffer[this.position++] = '-';
			rest = -rest;
		}
		int count = 1;
		for (long left = rest / 10; left > 0; left /= 10) {
			count++;
		}
		int end = this.position + count;
		for (int i = end - 1; i >= this.position; i--) {
			this.buffer[i] = (byte) ('0' + rest % 10);
			rest /= 10;
		}
		this.position = end;
	}

	private void groupedDigits(long value) {
		if (value >= 1000) {
			groupedDigits(value / 1000);
			this.buffer[this.position++] = ',';
			long rest = value % 1000;
			this.buffer[this.position++] = (byte) ('0' + rest / 100);
			this.buffer[this.position++] = (byte) ('0' + rest / 10 % 10);
			this.buffer[this.position++] = (byte) ('0' + rest % 10);
		}
		else {
			digits(value);
		}
	}

	private void cents(long cents, boolean grouped) {
		long amount = cents;
		if (amount < 0) {
			this.buffer[this.position++] = '-';
			amount = -amount;
		}
		if (grouped) {
			groupedDigits(amount / 100);
		}
		else {
			digits(amount / 100);
		}
		this.buffer[this.position++] = '.';
		twoDigits((int) (amount % 100));
	}

	private void twoDigits(int value) {
		this.buffer[this.position++] = (byte) ('0' + value / 10);
		this.buffer[this.position++] = (byte) ('0' + value % 10);
	}

	private void ensure(int bytes) throws IOException {
		if (this.position + bytes > this.buffer.length) {
			flush();
		}
	}

	private void flush() throws IOException {
		this.out.write(this.buffer, 0, this.position);
		this.position = 0;
	}

}
