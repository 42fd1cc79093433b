package dev.siyu.matching;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A comma-separated file with a header row, as customer lists come: quoted cells may hold
 * commas, quotes and line breaks; header cells and values are trimmed; a UTF-8 byte order
 * mark is ignored.
 */
public final class CsvInput {

	private final Path file;

	private final List<String> header;

	private final List<String[]> rows;

	private CsvInput(Path file, List<String> header, List<String[]> rows) {
		this.file = file;
		this.header = header;
		this.rows = rows;
	}

	public static CsvInput read(Path file) throws IOException {
		try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			CellReader cells = new CellReader(reader);
			List<String> header = cells.nextRow();
			if (header == null) {
				throw new IllegalArgumentException(file + " is empty: a header row is needed");
			}
			if (!header.isEmpty() && header.get(0).startsWith("\uFEFF")) {
				header.set(0, header.get(0).substring(1));
			}
			header.replaceAll(String::strip);
			List<String[]> rows = new ArrayList<>();
			List<String> row;
			int line = 1;
			while ((row = cells.nextRow()) != null) {
				line++;
				if (row.size() == 1 && row.get(0).isBlank()) {
					continue;
				}
				if (row.size() > header.size()) {
					throw new IllegalArgumentException(file + " row " + line + " has " + row.size()
							+ " cells but the header has " + header.size());
				}
				String[] values = new String[header.size()];
				for (int c = 0; c < values.length; c++) {
					values[c] = (c < row.size()) ? row.get(c).strip() : "";
				}
				rows.add(values);
			}
			return new CsvInput(file, header, rows);
		}
	}

	public List<String> header() {
		return this.header;
	}

	public int column(String name) {
		int index = this.header.indexOf(name.strip());
		if (index < 0) {
			throw new IllegalArgumentException(
					this.file + " has no column '" + name.strip() + "'; its columns are " + this.header);
		}
		return index;
	}

	public List<String[]> rows() {
		return this.rows;
	}

	/**
	 * The records of this file: the id column and the columns of the fields. Ids must be
	 * present and unique.
	 */
	public Records records(String idColumn, List<Field> fields) {
		int id = column(idColumn);
		int[] columns = fields.stream().mapToInt((field) -> column(field.name())).toArray();
		Records.Builder builder = Records.builder(fields);
		Map<String, Integer> seen = new LinkedHashMap<>();
		for (int r = 0; r < this.rows.size(); r++) {
			String[] row = this.rows.get(r);
			String key = row[id];
			if (key.isEmpty()) {
				throw new IllegalArgumentException(
						this.file + " row " + (r + 2) + ": the id column '" + idColumn + "' is empty");
			}
			Integer previous = seen.putIfAbsent(key, r + 2);
			if (previous != null) {
				throw new IllegalArgumentException(
						this.file + " row " + (r + 2) + ": id '" + key + "' was already used on row " + previous);
			}
			String[] values = new String[columns.length];
			for (int f = 0; f < columns.length; f++) {
				values[f] = row[columns[f]];
			}
			builder.add(key, values);
		}
		return builder.build();
	}

	/** RFC 4180 cells, one row at a time. */
	private static final class CellReader {

		private final BufferedReader reader;

		CellReader(BufferedReader reader) {
			this.reader = reader;
		}

		List<String> nextRow() throws IOException {
			int c = this.reader.read();
			if (c < 0) {
				return null;
			}
			List<String> cells = new ArrayList<>();
			StringBuilder cell = new StringBuilder();
			boolean quoted = false;
			boolean wasQuoted = false;
			while (c >= 0) {
				char ch = (char) c;
				if (quoted) {
					if (ch == '"') {
						this.reader.mark(1);
						int next = this.reader.read();
						if (next == '"') {
							cell.append('"');
						}
						else {
							quoted = false;
							if (next >= 0) {
								this.reader.reset();
							}
						}
					}
					else {
						cell.append(ch);
					}
				}
				else if (ch == '"' && cell.toString().isBlank() && !wasQuoted) {
					quoted = true;
					wasQuoted = true;
					cell.setLength(0);
				}
				else if (ch == ',') {
					cells.add(cell.toString());
					cell.setLength(0);
					wasQuoted = false;
				}
				else if (ch == '\n') {
					break;
				}
				else if (ch != '\r') {
					cell.append(ch);
				}
				c = this.reader.read();
			}
			cells.add(cell.toString());
			return cells;
		}

	}

}
