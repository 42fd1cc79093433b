package dev.siyu.storage;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;

import dev.siyu.shared.Utf8;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Rows written with {@code COPY ... FROM STDIN (FORMAT binary)}, buffered a megabyte at a
 * time: nothing for the server to parse. Each row starts with {@link #row(int)} and
 * continues with its fields in order, each in the wire format of its column's type.
 */
public final class BinaryCopy implements AutoCloseable {

	private static final byte[] HEADER = { 'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0, 0, 0, 0, 0,
			0, 0, 0, 0 };

	/** 2000-01-01 UTC, where PostgreSQL counts its timestamps from. */
	private static final long POSTGRES_EPOCH_MICROS = 946_684_800_000_000L;

	private final CopyIn copy;

	private final byte[] buffer = new byte[1 << 20];

	private int position;

	private long rows;

	private boolean ended;

	private BinaryCopy(CopyIn copy) {
		this.copy = copy;
	}

	/**
	 * Starts copying into a table, e.g. {@code "link_result (account_id, person_id)"}.
	 */
	public static BinaryCopy into(Connection connection, String table) throws SQLException {
		BinaryCopy writer = new BinaryCopy(connection.unwrap(PGConnection.class)
			.getCopyAPI()
			.copyIn("copy " + table + " from stdin (format binary)"));
		System.arraycopy(HEADER, 0, writer.buffer, 0, HEADER.length);
		writer.position = HEADER.length;
		return writer;
	}

	public BinaryCopy row(int fields) throws SQLException {
		room(2);
		putShort(fields);
		this.rows++;
		return this;
	}

	public BinaryCopy int8(long value) throws SQLException {
		room(12);
		putInt(8);
		for (int shift = 56; shift >= 0; shift -= 8) {
			this.buffer[this.position++] = (byte) (value >>> shift);
		}
		return this;
	}

	public BinaryCopy int2(int value) throws SQLException {
		room(6);
		putInt(2);
		putShort(value);
		return this;
	}

	public BinaryCopy text(String value) throws SQLException {
		if (value == null) {
			return nothing();
		}
		int most = 4 + Utf8.MAX_BYTES_PER_CHAR * value.length();
		if (most > this.buffer.length) {
			return bytes(value.getBytes(StandardCharsets.UTF_8));
		}
		room(most);
		int start = this.position + 4;
		int end = Utf8.encode(value, this.buffer, start);
		putInt(end - start);
		this.position = end;
		return this;
	}

	/** A text, or null when it is null or empty. */
	public BinaryCopy nullable(String value) throws SQLException {
		return text((value == null || value.isEmpty()) ? null : value);
	}

	public BinaryCopy int4(int value) throws SQLException {
		room(8);
		putInt(4);
		putInt(value);
		return this;
	}

	/**
	 * A {@code timestamptz} as microseconds since 1970-01-01 UTC.
	 */
	public BinaryCopy timestamp(long epochMicros) throws SQLException {
		return int8(epochMicros - POSTGRES_EPOCH_MICROS);
	}

	/**
	 * A {@code numeric} from a plain decimal such as {@code -1299.5}: an optional minus,
	 * digits and an optional fraction; the column's scale rounds it as it would the text.
	 */
	public BinaryCopy numeric(String decimal) throws SQLException {
		int length = decimal.length();
		boolean negative = length > 0 && decimal.charAt(0) == '-';
		int start = negative ? 1 : 0;
		int point = decimal.indexOf('.', start);
		int integerEnd = (point < 0) ? length : point;
		int fractionDigits = (point < 0) ? 0 : length - point - 1;
		if (integerEnd == start && fractionDigits == 0) {
			throw new IllegalArgumentException("not a decimal: '" + decimal + "'");
		}
		int integerGroups = (integerEnd - start + 3) / 4;
		int fractionGroups = (fractionDigits + 3) / 4;
		short[] groups = new short[integerGroups + fractionGroups];
		int g = 0;
		int firstGroupDigits = (integerEnd - start) - 4 * (integerGroups - 1);
		int i = start;
		for (int k = 0; k < integerGroups; k++) {
			int digits = (k == 0) ? firstGroupDigits : 4;
			int value = 0;
			for (int d = 0; d < digits; d++) {
				value = value * 10 + digit(decimal, i++);
			}
			groups[g++] = (short) value;
		}
		i = point + 1;
		for (int k = 0; k < fractionGroups; k++) {
			int value = 0;
			for (int d = 0; d < 4; d++) {
				value = value * 10 + ((i < length) ? digit(decimal, i++) : 0);
			}
			groups[g++] = (short) value;
		}
		int first = 0;
		while (first < groups.length && groups[first] == 0) {
			first++;
		}
		int last = groups.length - 1;
		while (last >= first && groups[last] == 0) {
			last--;
		}
		int count = (first > last) ? 0 : last - first + 1;
		int weight = (count == 0) ? 0 : integerGroups - 1 - first;
		room(4 + 8 + 2 * count);
		putInt(8 + 2 * count);
		putShort(count);
		putShort(weight);
		putShort((negative && count > 0) ? 0x4000 : 0);
		putShort(fractionDigits);
		for (int k = first; k <= last; k++) {
			putShort(groups[k]);
		}
		return this;
	}

	private static int digit(String decimal, int at) {
		char c = decimal.charAt(at);
		if (c < '0' || c > '9') {
			throw new IllegalArgumentException("not a decimal: '" + decimal + "'");
		}
		return c - '0';
	}

	public BinaryCopy bytes(byte[] value) throws SQLException {
		if (value == null) {
			return nothing();
		}
		room(4 + value.length);
		putInt(value.length);
		if (this.position + value.length > this.buffer.length) {
			flush();
			this.copy.writeToCopy(value, 0, value.length);
			return this;
		}
		System.arraycopy(value, 0, this.buffer, this.position, value.length);
		this.position += value.length;
		return this;
	}

	public BinaryCopy bool(boolean value) throws SQLException {
		room(5);
		putInt(1);
		this.buffer[this.position++] = (byte) (value ? 1 : 0);
		return this;
	}

	/** A null field. */
	public BinaryCopy nothing() throws SQLException {
		room(4);
		putInt(-1);
		return this;
	}

	/** Ends the copy; returns the rows written. */
	public long finish() throws SQLException {
		room(2);
		putShort(-1);
		flush();
		this.ended = true;
		this.copy.endCopy();
		return this.rows;
	}

	private void room(int bytes) throws SQLException {
		if (this.position + bytes > this.buffer.length) {
			flush();
		}
	}

	private void flush() throws SQLException {
		this.copy.writeToCopy(this.buffer, 0, this.position);
		this.position = 0;
	}

	private void putShort(int value) {
		this.buffer[this.position++] = (byte) (value >>> 8);
		this.buffer[this.position++] = (byte) value;
	}

	private void putInt(int value) {
		this.buffer[this.position++] = (byte) (value >>> 24);
		this.buffer[this.position++] = (byte) (value >>> 16);
		this.buffer[this.position++] = (byte) (value >>> 8);
		this.buffer[this.position++] = (byte) value;
	}

	@Override
	public void close() throws SQLException {
		if (!this.ended && this.copy.isActive()) {
			this.copy.cancelCopy();
		}
	}

}
