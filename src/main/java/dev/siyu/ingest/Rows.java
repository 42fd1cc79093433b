package dev.siyu.ingest;

import java.io.IOException;
import java.util.List;

/**
 * A header and rows of cells, read one row at a time: an export file or a batch of API
 * orders.
 */
interface Rows extends AutoCloseable {

	List<String> header();

	boolean next() throws IOException;

	String cell(int index);

	/**
	 * Whether the current row is the last and stops short of the header's columns without
	 * a line break: the file was cut off in the middle of it.
	 */
	default boolean cutOff() {
		return false;
	}

	/**
	 * Whether the current row repeats the header, as a file made of several exports
	 * joined together has.
	 */
	default boolean repeatsHeader() {
		return false;
	}

	/**
	 * The index of the current row's first cell holding bytes that were not text in the
	 * file's encoding (read as U+FFFD); -1 when there is none.
	 */
	default int undecodable() {
		return -1;
	}

	/**
	 * The index of the current row's cell that opens with a quote (") never closed, which
	 * was read as plain text instead; -1 when there is none.
	 */
	default int unclosedQuote() {
		return -1;
	}

	/**
	 * The number of cells of the current row when it has values past the header's columns
	 * (its cells are shifted), else 0.
	 */
	default int spilledWidth() {
		return 0;
	}

	/**
	 * What a reason to reject the current row should add when the row's shape suggests
	 * the cause, else "".
	 */
	default String shapeHint() {
		return "";
	}

	/** The row number a person sees (the header is row 1). */
	long rowNumber();

	/** How much of the input is read, from 0 to 1. */
	double progress();

	@Override
	void close() throws IOException;

}
