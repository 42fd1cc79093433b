package dev.siyu.ingest;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * A platform export read row by row: CSV or TSV text in any of the encodings Chinese
 * platforms write, or the first sheet of an XLSX workbook. The kind is told by content,
 * not by file name. Cells come cleaned of spreadsheet tricks (see {@link TabularCells});
 * blank rows are skipped.
 */
final class TabularFile implements Rows {

	private static final int SAMPLE_BYTES = 64 * 1024;

	private final String kind;

	private final String fileName;

	private final Charset charset;

	private final TabularRows rows;

	private List<String> header;

	/** The cells of the header row, empty ones at its end included. */
	private int headerCells;

	private final String describedSource;

	private boolean exhausted;

	private TabularFile(String kind, String fileName, Charset charset, TabularRows rows, String describedSource)
			throws IOException {
		this.kind = kind;
		this.fileName = fileName;
		this.charset = charset;
		this.rows = rows;
		this.describedSource = describedSource;
		this.header = readHeader();
	}

	/** Opens a file, telling XLSX from CSV or TSV text by its content. */
	static TabularFile open(Path file) throws IOException {
		return open(file, 0);
	}

	private static TabularFile open(Path file, int sheet) throws IOException {
		InputStream in = Files.newInputStream(file);
		try {
			return open(in, String.valueOf(file.getFileName()), Files.size(file), file, sheet);
		}
		catch (IOException | RuntimeException ex) {
			in.close();
			throw ex;
		}
	}

	/**
	 * Opens a sheet of a workbook (a text file has one) whose header may stand below some
	 * rows of title or notes.
	 * @param sheet the index of the sheet, from 0
	 * @param rowsAboveHeader how many non-blank rows come before the header
	 */
	static TabularFile open(Path file, int sheet, int rowsAboveHeader) throws IOException {
		TabularFile table = open(file, sheet);
		try {
			for (int i = 0; i < rowsAboveHeader; i++) {
				if (!table.headerOneRowLower()) {
					throw new IOException("file " + file.getFileName() + " changed while it was imported");
				}
			}
			return table;
		}
		catch (IOException | RuntimeException ex) {
			table.close();
			throw ex;
		}
	}

	/**
	 * Opens an upload. The returned file owns the stream and closes it.
	 * @param in the content
	 * @param fileName the name used in messages
	 * @param sizeBytes the length of the content for {@link #progress()}, 0 or less when
	 * unknown
	 */
	static TabularFile open(InputStream in, String fileName, long sizeBytes) throws IOException {
		try {
			return open(in, fileName, sizeBytes, null, 0);
		}
		catch (IOException | RuntimeException ex) {
			in.close();
			throw ex;
		}
	}

	private static TabularFile open(InputStream source, String fileName, long sizeBytes, Path path, int sheet)
			throws IOException {
		CountingInputStream in = new CountingInputStream(source);
		byte[] sample = new byte[SAMPLE_BYTES];
		int length = in.readNBytes(sample, 0, sample.length);
		if (length == 0) {
			throw new IOException("file " + fileName + " is empty");
		}
		if (startsWith(sample, length, 0x50, 0x4B, 0x03, 0x04)) {
			return openXlsx(in, sample, length, fileName, path, sheet);
		}
		if (startsWith(sample, length, 0xD0, 0xCF, 0x11, 0xE0)) {
			throw new IOException("file " + fileName + " is an old Excel .xls workbook; save it as .xlsx or CSV");
		}
		TextEncodings.Detected encoding = TextEncodings.detect(sample, length, length < sample.length);
		if (encoding != null && path != null && length == sample.length && TextEncodings.isAsciiOnly(sample, length)) {
			// English headers and plain rows at the start say nothing: the rest of the
			// file decides
			encoding = TextEncodings.detectWhole(path);
		}
		if (encoding == null) {
			throw new IOException("file " + fileName + " is neither an XLSX workbook nor CSV text"
					+ " (it holds binary data or an unsupported encoding)");
		}
		if (isWebPage(sample, length, encoding)) {
			throw new IOException("file " + fileName + " is a web page disguised as a spreadsheet;"
					+ " open it in Excel and save it as .xlsx or CSV");
		}
		InputStream text = new SequenceInputStream(
				new ByteArrayInputStream(sample, encoding.bomLength(), length - encoding.bomLength()), in);
		CsvRows rows = new CsvRows(new StrictTextReader(text, encoding.charset()), fileName,
				() -> in.fractionOf(sizeBytes));
		String kind = (rows.delimiter() == '\t') ? "TSV" : "CSV";
		return new TabularFile(kind, fileName, encoding.charset(), rows, encoding.charset().name());
	}

	private static TabularFile openXlsx(InputStream in, byte[] sample, int length, String fileName, Path path,
			int sheet) throws IOException {
		Path file = path;
		Runnable afterClose = () -> {
		};
		if (file == null) {
			Path copy = Files.createTempFile("siyu-upload-", ".xlsx");
			afterClose = () -> deleteQuietly(copy);
			try (OutputStream out = Files.newOutputStream(copy)) {
				out.write(sample, 0, length);
				in.transferTo(out);
			}
			catch (IOException ex) {
				afterClose.run();
				throw ex;
			}
			file = copy;
		}
		in.close();
		XlsxRows rows = XlsxRows.open(file, fileName, sheet, afterClose);
		try {
			return new TabularFile("XLSX", fileName, StandardCharsets.UTF_8, rows, "sheet " + rows.sheetName());
		}
		catch (IOException | RuntimeException ex) {
			rows.close();
			throw ex;
		}
	}

	private List<String> readHeader() throws IOException {
		if (!next()) {
			throw new IOException("file " + this.fileName + " has no header row");
		}
		return headerOfCurrentRow();
	}

	/**
	 * Takes the next non-blank row as the header, for a file with a title or notes above
	 * its header; {@code false} at the end of the file.
	 */
	boolean headerOneRowLower() throws IOException {
		if (!next()) {
			return false;
		}
		this.header = headerOfCurrentRow();
		return true;
	}

	private List<String> headerOfCurrentRow() {
		this.headerCells = this.rows.size();
		List<String> names = new ArrayList<>(this.rows.size());
		for (int i = 0; i < this.rows.size(); i++) {
			names.add(TabularCells.cleanHeader(this.rows.cell(i)));
		}
		while (!names.isEmpty() && names.get(names.size() - 1).isEmpty()) {
			names.remove(names.size() - 1);
		}
		return Collections.unmodifiableList(names);
	}

	/** The cleaned names of the header row, without trailing empty ones. */
	@Override
	public List<String> header() {
		return this.header;
	}

	/** Advances to the next data row that has at least one non-empty cell. */
	@Override
	public boolean next() throws IOException {
		if (this.exhausted) {
			return false;
		}
		while (this.rows.next()) {
			if (!isBlankRow()) {
				return true;
			}
		}
		this.exhausted = true;
		return false;
	}

	private boolean isBlankRow() {
		for (int i = 0; i < this.rows.size(); i++) {
			if (!this.rows.isBlank(i)) {
				return false;
			}
		}
		return true;
	}

	/** The number of cells in the current row. */
	int size() {
		return this.exhausted ? 0 : this.rows.size();
	}

	/** A cleaned cell of the current row; {@code ""} past the end of the row. */
	@Override
	public String cell(int index) {
		if (index < 0 || index >= size()) {
			return "";
		}
		return TabularCells.clean(this.rows.cell(index));
	}

	@Override
	public boolean cutOff() {
		return !this.exhausted && this.rows.unterminated() && this.rows.size() < this.header.size();
	}

	@Override
	public boolean repeatsHeader() {
		int named = 0;
		int same = 0;
		for (int i = 0; i < this.header.size() && i < size(); i++) {
			if (!this.header.get(i).isEmpty()) {
				named++;
				same += TabularCells.cleanHeader(this.rows.cell(i)).equals(this.header.get(i)) ? 1 : 0;
			}
		}
		return named > 0 && same * 2 > named;
	}

	@Override
	public int undecodable() {
		return this.exhausted ? -1 : this.rows.undecodable();
	}

	@Override
	public int unclosedQuote() {
		return this.exhausted ? -1 : this.rows.unclosedQuote();
	}

	@Override
	public int spilledWidth() {
		if (!(this.rows instanceof CsvRows)) {
			return 0;
		}
		int width = size();
		while (width > this.header.size() && this.rows.isBlank(width - 1)) {
			width--;
		}
		return (width > this.header.size()) ? width : 0;
	}

	@Override
	public String shapeHint() {
		if (!(this.rows instanceof CsvRows) || size() <= this.headerCells) {
			return "";
		}
		return " (the row has " + size() + " cells and the header " + this.headerCells
				+ ": a delimiter that is not quoted may have shifted its cells)";
	}

	/** The row number a spreadsheet shows for the current row; the header is row 1. */
	@Override
	public long rowNumber() {
		return this.rows.rowNumber();
	}

	/** Fraction 0..1 of the input consumed, for a progress bar. */
	@Override
	public double progress() {
		return this.exhausted ? 1.0 : this.rows.progress();
	}

	/** The number of sheets of a workbook; 1 for a text file. */
	int sheetCount() {
		return (this.rows instanceof XlsxRows workbook) ? workbook.sheetCount() : 1;
	}

	/** The encoding of a text file; UTF-8 for a workbook. */
	Charset charset() {
		return this.charset;
	}

	/** For messages, for example {@code CSV, GB18030, 61 columns}. */
	String describe() {
		return this.kind + ", " + this.describedSource + ", " + this.header.size() + " columns";
	}

	@Override
	public void close() throws IOException {
		this.rows.close();
	}

	private static boolean startsWith(byte[] sample, int length, int... prefix) {
		if (length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if ((sample[i] & 0xFF) != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	/** Some platforms export an HTML table named {@code .xls}. */
	private static boolean isWebPage(byte[] sample, int length, TextEncodings.Detected encoding) {
		int bom = encoding.bomLength();
		String start = new String(sample, bom, Math.min(length - bom, 1024), encoding.charset()).strip()
			.toLowerCase(Locale.ROOT);
		return start.startsWith("<") && (start.contains("<html") || start.contains("<table"));
	}

	private static void deleteQuietly(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ignored) {
			file.toFile().deleteOnExit();
		}
	}

	/** Counts the bytes read, for progress. */
	private static final class CountingInputStream extends FilterInputStream {

		private long count;

		CountingInputStream(InputStream in) {
			super(in);
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				this.count++;
			}
			return b;
		}

		@Override
		public int read(byte[] bytes, int offset, int length) throws IOException {
			int read = super.read(bytes, offset, length);
			if (read > 0) {
				this.count += read;
			}
			return read;
		}

		@Override
		public long skip(long n) throws IOException {
			long skipped = super.skip(n);
			this.count += skipped;
			return skipped;
		}

		double fractionOf(long size) {
			return (size <= 0) ? 0.0 : Math.min(1.0, (double) this.count / size);
		}

	}

}
