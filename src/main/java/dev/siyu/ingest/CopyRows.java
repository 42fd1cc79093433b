package dev.siyu.ingest;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Streams rows into a table with PostgreSQL's COPY (text format), buffering bytes so each
 * row costs a few array writes.
 */
final class CopyRows implements AutoCloseable {

	private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

	private final CopyIn copy;

	private byte[] buffer = new byte[1 << 17];

	private int length;

	private boolean firstColumn = true;

	CopyRows(Connection connection, String table, String columns) throws SQLException {
		this.copy = connection.unwrap(PGConnection.class)
			.getCopyAPI()
			.copyIn("copy " + table + " (" + columns + ") from stdin");
	}

	CopyRows text(String value) {
		separator();
		if (value == null) {
			put((byte) '\\');
			put((byte) 'N');
			return this;
		}
		ensure(value.length() * 3 + 2);
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c < 0x80) {
				switch (c) {
					case '\\' -> {
						this.buffer[this.length++] = '\\';
						this.buffer[this.length++] = '\\';
					}
					case '\t' -> {
						this.buffer[this.length++] = '\\';
						this.buffer[this.length++] = 't';
					}
					case '\n' -> {
						this.buffer[this.length++] = '\\';
						this.buffer[this.length++] = 'n';
					}
					case '\r' -> {
						this.buffer[this.length++] = '\\';
						this.buffer[this.length++] = 'r';
					}
					case '\0' -> {
					}
					default -> this.buffer[this.length++] = (byte) c;
				}
			}
			else if (c < 0x800) {
				this.buffer[this.length++] = (byte) (0xc0 | (c >> 6));
				this.buffer[this.length++] = (byte) (0x80 | (c & 0x3f));
			}
			else if (Character.isHighSurrogate(c) && i + 1 < value.length()
					&& Character.isLowSurrogate(value.charAt(i + 1))) {
				int cp = Character.toCodePoint(c, value.charAt(++i));
				ensure(4 + (value.length() - i) * 3);
				this.buffer[this.length++] = (byte) (0xf0 | (cp >> 18));
				this.buffer[this.length++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
				this.buffer[this.length++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
				this.buffer[this.length++] = (byte) (0x80 | (cp & 0x3f));
			}
			else if (Character.isSurrogate(c)) {
				this.buffer[this.length++] = (byte) '?';
			}
			else {
				this.buffer[this.length++] = (byte) (0xe0 | (c >> 12));
				this.buffer[this.length++] = (byte) (0x80 | ((c >> 6) & 0x3f));
				this.buffer[this.length++] = (byte) (0x80 | (c & 0x3f));
			}
		}
		return this;
	}

	/** An empty text is written as NULL: exports use empty cells for "no value". */
	CopyRows nullable(String value) {
		return text((value == null || value.isEmpty()) ? null : value);
	}

	CopyRows number(long value) {
		return text(Long.toString(value));
	}

	CopyRows bool(boolean value) {
		return text(value ? "t" : "f");
	}

	CopyRows bytes(byte[] value) {
		separator();
		if (value == null) {
			put((byte) '\\');
			put((byte) 'N');
			return this;
		}
		ensure(value.length * 2 + 4);
		this.buffer[this.length++] = '\\';
		this.buffer[this.length++] = '\\';
		this.buffer[this.length++] = 'x';
		for (byte b : value) {
			this.buffer[this.length++] = HEX[(b >> 4) & 0xf];
			this.buffer[this.length++] = HEX[b & 0xf];
		}
		return this;
	}

	void endRow() throws SQLException {
		put((byte) '\n');
		this.firstColumn = true;
		if (this.length > this.buffer.length - (1 << 14)) {
			flush();
		}
	}

	/** Ends the COPY and returns the rows written. */
	long finish() throws SQLException {
		flush();
		return this.copy.endCopy();
	}

	@Override
	public void close() throws SQLException {
		if (this.copy.isActive()) {
			this.copy.cancelCopy();
		}
	}

	private void flush() throws SQLException {
		if (this.length > 0) {
			this.copy.writeToCopy(this.buffer, 0, this.length);
			this.length = 0;
		}
	}

	private void separator() {
		if (!this.firstColumn) {
			put((byte) '\t');
		}
		this.firstColumn = false;
	}

	private void put(byte b) {
		ensure(1);
		this.buffer[this.length++] = b;
	}

	private void ensure(int extra) {
		if (this.length + extra > this.buffer.length) {
			byte[] larger = new byte[Math.max(this.buffer.length * 2, this.length + extra)];
			System.arraycopy(this.buffer, 0, larger, 0, this.length);
			this.buffer = larger;
		}
	}

}
