package dev.siyu.ingest;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Rows read by a thread of their own: decoding and splitting the file runs on one core
 * while checking, encrypting and staging run on another. Rows travel in small batches, so
 * memory stays bounded; a failure of the reader surfaces at the row it happened.
 */
final class ReadAhead implements Rows {

	private static final int BATCH = 512;

	private static final String[] NO_CELLS = new String[0];

	private final Rows source;

	private final BlockingQueue<Batch> batches = new ArrayBlockingQueue<>(8);

	private final Thread reader;

	private final boolean[] used;

	private volatile boolean closed;

	private Batch batch;

	private int position = -1;

	private String[] cells = NO_CELLS;

	ReadAhead(Rows source, String name, boolean[] used) {
		this.source = source;
		this.used = used;
		this.reader = new Thread(this::read, "import-reader " + name);
		this.reader.setDaemon(true);
		this.reader.start();
	}

	@Override
	public List<String> header() {
		return this.source.header();
	}

	@Override
	public boolean next() throws IOException {
		if (this.batch != null && this.position + 1 < this.batch.size) {
			this.position++;
			this.cells = this.batch.cells[this.position];
			return true;
		}
		if (this.batch != null && this.batch.last) {
			return false;
		}
		try {
			this.batch = this.batches.take();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new InterruptedIOException("interrupted while reading");
		}
		this.position = -1;
		if (this.batch.failure != null) {
			Throwable failure = this.batch.failure;
			if (failure instanceof IOException io) {
				throw io;
			}
			if (failure instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException(failure);
		}
		return next();
	}

	@Override
	public String cell(int index) {
		return (index >= 0 && index < this.cells.length) ? this.cells[index] : "";
	}

	@Override
	public long rowNumber() {
		return this.batch.rowNumbers[this.position];
	}

	@Override
	public double progress() {
		return this.batch.progress;
	}

	@Override
	public void close() throws IOException {
		this.closed = true;
		this.batches.clear();
		try {
			this.reader.join(TimeUnit.SECONDS.toMillis(30));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			this.source.close();
		}
	}

	private void read() {
		Batch next = new Batch();
		try {
			boolean more = true;
			while (more && !this.closed) {
				while (next.size < BATCH && (more = this.source.next())) {
					String[] row = new String[this.used.length];
					for (int i = 0; i < row.length; i++) {
						row[i] = this.used[i] ? this.source.cell(i) : "";
					}
					next.cells[next.size] = row;
					next.rowNumbers[next.size++] = this.source.rowNumber();
				}
				next.last = !more;
				next.progress = this.source.progress();
				offer(next);
				next = new Batch();
			}
		}
		catch (IOException | RuntimeException ex) {
			// the rows read before the failure go first
			next.progress = this.source.progress();
			offer(next);
			Batch failed = new Batch();
			failed.failure = ex;
			offer(failed);
		}
	}

	private void offer(Batch next) {
		try {
			while (!this.closed && !this.batches.offer(next, 100, TimeUnit.MILLISECONDS)) {
				// the stager is busy; wait unless it stopped reading
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new UncheckedIOException(new InterruptedIOException("interrupted while reading ahead"));
		}
	}

	private static final class Batch {

		final String[][] cells = new String[BATCH][];

		final long[] rowNumbers = new long[BATCH];

		int size;

		boolean last;

		double progress;

		Throwable failure;

	}

}
