package dev.siyu.identity;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Rows written with {@code COPY ... FROM STDIN (FORMAT binary)}, buffered a megabyte at a
 * time. Each row starts with {@link #row(int)} and continues with its fields in order.
 */
final class CopyWriter implements AutoCloseable {

	private static final byte[] HEADER = { 'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0, 0, 0, 0, 0,
			0, 0, 0, 0 };

	private final CopyIn copy;

	private final byte[] buffer = new byte[1 << 20];

	private int position;

	private long rows;

	private boolean ended;

	private CopyWriter(CopyIn copy) {
		this.copy = copy;
	}

	/**
	 * Starts copying into a table, e.g. {@code "link_result (account_id, person_id)"}.
	 */
	static CopyWriter into(Connection connection, String table) throws SQLException {
		CopyWriter writer = new CopyWriter(connection.unwrap(PGConnection.class)
			.getCopyAPI()
			.copyIn("copy " + table + " from stdin (format binary)"));
		System.arraycopy(HEADER, 0, writer.buffer, 0, HEADER.length);
		writer.position = HEADER.length;
		return writer;
	}

	CopyWriter row(int fields) throws SQLException {
		room(2);
		putShort(fields);
		this.rows++;
		return this;
	}

	CopyWriter int8(long value) throws SQLException {
		room(12);
		putInt(8);
		for (int shift = 56; shift >= 0; shift -= 8) {
			this.buffer[this.position++] = (byte) (value >>> shift);
		}
		return this;
	}

	CopyWriter int2(int value) throws SQLException {
		room(6);
		putInt(2);
		putShort(value);
		return this;
	}

	CopyWriter text(String value) throws SQLException {
		if (value == null) {
			return nothing();
		}
		byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
		room(4 + bytes.length);
		putInt(bytes.length);
		System.arraycopy(bytes, 0, this.buffer, this.position, bytes.length);
		this.position += bytes.length;
		return this;
	}

	CopyWriter bytes(byte[] value) throws SQLException {
		if (value == null) {
			return nothing();
		}
		room(4 + value.length);
		putInt(value.length);
		System.arraycopy(value, 0, this.buffer, this.position, value.length);
		this.position += value.length;
		return this;
	}

	CopyWriter bool(boolean value) throws SQLException {
		room(5);
		putInt(1);
		this.buffer[this.position++] = (byte) (value ? 1 : 0);
		return this;
	}

	/** A null field. */
	CopyWriter nothing() throws SQLException {
		room(4);
		putInt(-1);
		return this;
	}

	/** Ends the copy; returns the rows written. */
	long finish() throws SQLException {
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
