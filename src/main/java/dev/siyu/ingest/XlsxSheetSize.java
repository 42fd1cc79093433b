package dev.siyu.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Estimates how many rows the first sheet of a workbook has, for progress: from the
 * declared dimension when the writer knew it, else by extrapolating the size of the first
 * rows to the whole sheet.
 */
final class XlsxSheetSize {

	private static final int SAMPLE_BYTES = 64 * 1024;

	private static final Pattern DIMENSION = Pattern.compile("<dimension\\s+ref=\"[A-Z]+\\d+:[A-Z]+(\\d+)\"");

	private static final Pattern ROW = Pattern.compile("<row[\\s>]");

	private XlsxSheetSize() {
	}

	/** The estimated number of rows, 0 when unknown. */
	static long estimateRows(Path workbook) {
		try (ZipFile zip = new ZipFile(workbook.toFile())) {
			ZipEntry sheet = zip.getEntry("xl/worksheets/sheet1.xml");
			if (sheet == null) {
				return 0;
			}
			try (InputStream in = zip.getInputStream(sheet)) {
				byte[] sample = in.readNBytes(SAMPLE_BYTES);
				boolean whole = in.read() < 0;
				return estimate(new String(sample, StandardCharsets.ISO_8859_1), whole, sheet.getSize());
			}
		}
		catch (IOException | RuntimeException ex) {
			return 0;
		}
	}

	private static long estimate(String sample, boolean whole, long sheetBytes) {
		Matcher dimension = DIMENSION.matcher(sample);
		if (dimension.find()) {
			return Long.parseLong(dimension.group(1));
		}
		Matcher row = ROW.matcher(sample);
		long rows = 0;
		int first = -1;
		while (row.find()) {
			first = (first < 0) ? row.start() : first;
			rows++;
		}
		if (whole || rows == 0 || sheetBytes <= 0) {
			return rows;
		}
		double bytesPerRow = (double) (sample.length() - first) / rows;
		return rows + (long) ((sheetBytes - sample.length()) / bytesPerRow);
	}

}
