package dev.siyu.synthetic;

import java.util.Arrays;

/**
 * A constant cell value, encoded (and quoted if needed) once per charset. Safe to share
 * between threads: at worst, two threads both encode it.
 */
final class Cell {

	private final String text;

	private volatile byte[] utf8;

	private volatile byte[] gbk;

	Cell(String text) {
		this.text = text;
	}

	String text() {
		return this.text;
	}

	byte[] bytes(boolean gbk) {
		if (gbk) {
			if (this.gbk == null) {
				this.gbk = encode(true);
			}
			return this.gbk;
		}
		if (this.utf8 == null) {
			this.utf8 = encode(false);
		}
		return this.utf8;
	}

	private byte[] encode(boolean gbk) {
		char[] chars = this.text.toCharArray();
		byte[] bytes = new byte[chars.length * CellEncoding.MAX_BYTES_PER_CHAR + 2];
		if (CellEncoding.needsQuotes(chars, 0, chars.length)) {
			bytes[0] = '"';
			int end = CellEncoding.encode(chars, 0, chars.length, bytes, 1, gbk, true);
			bytes[end] = '"';
			return Arrays.copyOf(bytes, end + 1);
		}
		return Arrays.copyOf(bytes, CellEncoding.encode(chars, 0, chars.length, bytes, 0, gbk, false));
	}

	@Override
	public String toString() {
		return this.text;
	}

}
