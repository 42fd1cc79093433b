package dev.siyu.ingest;

import java.io.Closeable;
import java.io.IOException;

/** The rows of one file format, raw: blank rows included, cells not cleaned. */
interface TabularRows extends Closeable {

	/** Advances to the next row, blank or not; {@code false} at the end of the file. */
	boolean next() throws IOException;

	int size();

	/** The raw text of a cell, {@code index < size()}. */
	String cell(int index);

	/** Whether the cell would be empty once cleaned. */
	default boolean isBlank(int index) {
		return TabularCells.clean(cell(index)).isEmpty();
	}

	/** Whether the current row ends where the input ends, without a line break. */
	default boolean unterminated() {
		return false;
	}

	/**
	 * The index of the current row's first cell holding bytes that were not text in the
	 * file's encoding; -1 when there is none.
	 */
	default int undecodable() {
		return -1;
	}

	/**
	 * The index of the current row's cell that opens with a quote never closed, read with
	 * the quote as plain text; -1 when there is none.
	 */
	default int unclosedQuote() {
		return -1;
	}

	/** The row number a spreadsheet shows for the current row. */
	long rowNumber();

	/** Fraction 0..1 of the input consumed; an estimate. */
	double progress();

}
