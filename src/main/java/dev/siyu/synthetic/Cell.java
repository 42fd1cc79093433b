package dev.siyu.synthetic;

import java.nio.charset.StandardCharsets;

/** A constant cell value, encoded (and quoted if needed) once per charset. */
final class Cell {

	private final String text;

	private byte[] utf8;

	private byte[] gbk;

	Cell(String text) {
		this.text = text;
	}

	String text() {
		return this.text;
	}

	byte[] bytes(boolean gbk) {
		if (gbk) {
			if (this.gbk == null) {
				this.gbk = csv().getBytes(GbkTable.GBK);
			}
			return this.gbk;
		}
		if (this.utf8 == null) {
			this.utf8 = csv().getBytes(StandardCharsets.UTF_8);
		}
		return this.utf8;
	}

	private String csv() {
		boolean quote = this.text.chars().anyMatch((c) -> c == ',' || c == '"' || c == '\n' || c == '\r');
		return quote ? "\"" + this.text.replace("\"", "\"\"") + "\"" : this.text;
	}

	@Override
	public String toString() {
		return this.text;
	}

}
