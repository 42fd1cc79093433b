package dev.siyu.synthetic;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A CSV file read back for tests: RFC 4180 quoting, quotes inside unquoted cells taken as
 * they are (as in {@code ="123"}), a UTF-8 BOM dropped, strict decoding.
 */
final class CsvTable {

	private final List<String> header;

	private final List<List<String>> rows;

	private final Map<String, Integer> columns = new HashMap<>();

	private CsvTable(List<List<String>> records) {
		this.header = records.get(0);
		this.rows = records.subList(1, records.size());
		for (int i = 0; i < this.header.size(); i++) {
			this.columns.put(this.header.get(i).trim(), i);
		}
	}

	static CsvTable read(Path file, Charset charset) throws IOException {
		return new CsvTable(parse(decode(file, charset)));
	}

	static String decode(Path file, Charset charset) throws IOException {
		try {
			String text = charset.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(Files.readAllBytes(file)))
				.toString();
			return text.startsWith("\uFEFF") ? text.substring(1) : text;
		}
		catch (CharacterCodingException ex) {
			throw new IOException(file + " is not " + charset, ex);
		}
	}

	List<String> header() {
		return this.header;
	}

	List<List<String>> rows() {
		return this.rows;
	}

	String get(List<String> row, String column) {
		Integer index = this.columns.get(column);
		if (index == null) {
			throw new IllegalArgumentException("no column " + column + " in " + this.header);
		}
		return row.get(index);
	}

	List<String> column(String column) {
		return this.rows.stream().map((row) -> get(row, column)).toList();
	}

	private static List<List<String>> parse(String text) {
		List<List<String>> records = new ArrayList<>();
		List<String> record = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		int i = 0;
		while (i < text.length()) {
			char c = text.charAt(i);
			if (c == '"' && cell.length() == 0) {
				i++;
				while (true) {
					char q = text.charAt(i++);
					if (q == '"') {
						if (i < text.length() && text.charAt(i) == '"') {
							cell.append('"');
							i++;
						}
						else {
							break;
						}
					}
					else {
						cell.append(q);
					}
				}
				continue;
			}
			i++;
			if (c == ',') {
				record.add(cell.toString());
				cell.setLength(0);
			}
			else if (c == '\r' || c == '\n') {
				if (c == '\r' && i < text.length() && text.charAt(i) == '\n') {
					i++;
				}
				record.add(cell.toString());
				cell.setLength(0);
				records.add(record);
				record = new ArrayList<>();
			}
			else {
				cell.append(c);
			}
		}
		if (cell.length() > 0 || !record.isEmpty()) {
			record.add(cell.toString());
			records.add(record);
		}
		return records;
	}

}
