package dev.siyu.identity;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;

/**
 * The rows of a query streamed with {@code COPY (query) TO STDOUT (FORMAT binary)}: one
 * row at a time off the wire, so neither the driver nor the caller holds the result.
 * Fields are read in order as numbers (smallint, integer or bigint; null reads as 0).
 */
final class CopyRows implements AutoCloseable {

	private static final int HEADER = 11 + 4 + 4;

	private final CopyOut copy;

	private byte[] buffer = new byte[0];

	private int position;

	private boolean done;

	private CopyRows(CopyOut copy) {
		this.copy = copy;
	}

	/** Starts streaming the rows of a query on the connection (and its transaction). */
	static CopyRows of(Connection connection, String query) throws SQLException {
		CopyOut copy = connection.unwrap(PGConnection.class)
			.getCopyAPI()
			.copyOut("copy (" + query + ") to stdout (format binary)");
		CopyRows rows = new CopyRows(copy);
		rows.require(HEADER);
		if (!new String(rows.buffer, 0, 5, StandardCharsets.US_ASCII).equals("PGCOP")) {
			throw new IllegalStateException("not a binary COPY stream");
		}
		rows.position = 11 + 4;
		int extension = rows.int4();
		rows.require(extension);
		rows.position += extension;
		return rows;
	}

	/** Moves to the next row; false after the last. */
	boolean next() throws SQLException {
		if (this.done) {
			return false;
		}
		require(2);
		short fields = (short) (((this.buffer[this.position] & 0xff) << 8) | (this.buffer[this.position + 1] & 0xff));
		this.position += 2;
		if (fields == -1) {
			this.done = true;
			while (this.copy.readFromCopy() != null) {
				// drain until the server ends the copy
			}
			return false;
		}
		return true;
	}

	/** The next field of the row as a number. */
	long number() throws SQLException {
		int length = int4();
		if (length == -1) {
			return 0;
		}
		require(length);
		long value = 0;
		for (int i = 0; i < length; i++) {
			value = (value << 8) | (this.buffer[this.position + i] & 0xff);
		}
		this.position += length;
		return switch (length) {
			case 2 -> (short) value;
			case 4 -> (int) value;
			case 8 -> value;
			default -> throw new IllegalStateException("a field of " + length + " bytes is not a number");
		};
	}

	private int int4() throws SQLException {
		require(4);
		byte[] b = this.buffer;
		int p = this.position;
		this.position += 4;
		return ((b[p] & 0xff) << 24) | ((b[p + 1] & 0xff) << 16) | ((b[p + 2] & 0xff) << 8) | (b[p + 3] & 0xff);
	}

	/** Makes sure {@code bytes} bytes can be read from the position on. */
	private void require(int bytes) throws SQLException {
		while (this.buffer.length - this.position < bytes) {
			byte[] message = this.copy.readFromCopy();
			if (message == null) {
				throw new IllegalStateException("the COPY stream ended in the middle of a row");
			}
			int left = this.buffer.length - this.position;
			if (left == 0) {
				this.buffer = message;
			}
			else {
				byte[] joined = new byte[left + message.length];
				System.arraycopy(this.buffer, this.position, joined, 0, left);
				System.arraycopy(message, 0, joined, left, message.length);
				this.buffer = joined;
			}
			this.position = 0;
		}
	}

	@Override
	public void close() throws SQLException {
		if (this.copy.isActive()) {
			this.copy.cancelCopy();
		}
	}

}
