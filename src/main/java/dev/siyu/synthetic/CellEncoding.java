package dev.siyu.synthetic;

/**
 * Chars to UTF-8 or GBK bytes, with CSV quote doubling, for {@link CsvWriter} and
 * {@link Cell}.
 */
final class CellEncoding {

	/** The most bytes one char takes, quotes doubled. */
	static final int MAX_BYTES_PER_CHAR = 4;

	private CellEncoding() {
	}

	static boolean needsQuotes(char[] chars, int from, int to) {
		for (int i = from; i < to; i++) {
			char c = chars[i];
			if (c == ',' || c == '"' || c == '\n' || c == '\r') {
				return true;
			}
		}
		return false;
	}

	/**
	 * Encodes {@code chars[from, to)} into {@code bytes} from {@code at}, which must have
	 * room for {@link #MAX_BYTES_PER_CHAR} bytes per char, and returns the position
	 * after.
	 */
	static int encode(char[] chars, int from, int to, byte[] bytes, int at, boolean gbk, boolean escapeQuotes) {
		int position = at;
		for (int i = from; i < to; i++) {
			char c = chars[i];
			if (c < 0x80) {
				if (c == '"' && escapeQuotes) {
					bytes[position++] = '"';
				}
				bytes[position++] = (byte) c;
			}
			else if (gbk) {
				int code = GbkTable.code(c);
				if ((code >>> 16) == 2) {
					bytes[position++] = (byte) (code >>> 8);
				}
				bytes[position++] = (byte) code;
			}
			else if (c < 0x800) {
				bytes[position++] = (byte) (0xC0 | (c >> 6));
				bytes[position++] = (byte) (0x80 | (c & 0x3F));
			}
			else if (!Character.isSurrogate(c)) {
				bytes[position++] = (byte) (0xE0 | (c >> 12));
				bytes[position++] = (byte) (0x80 | ((c >> 6) & 0x3F));
				bytes[position++] = (byte) (0x80 | (c & 0x3F));
			}
			else if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(chars[i + 1])) {
				int point = Character.toCodePoint(c, chars[++i]);
				bytes[position++] = (byte) (0xF0 | (point >> 18));
				bytes[position++] = (byte) (0x80 | ((point >> 12) & 0x3F));
				bytes[position++] = (byte) (0x80 | ((point >> 6) & 0x3F));
				bytes[position++] = (byte) (0x80 | (point & 0x3F));
			}
			else {
				bytes[position++] = '?';
			}
		}
		return position;
	}

}
