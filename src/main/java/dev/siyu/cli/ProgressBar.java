package dev.siyu.cli;

import java.io.PrintStream;

/**
 * A one-line progress bar on standard error, drawn only when a person is watching a
 * terminal.
 */
final class ProgressBar implements AutoCloseable {

	private static final int WIDTH = 30;

	private final PrintStream err = System.err;

	private final boolean visible = System.console() != null && System.getenv("CI") == null;

	private final long started = System.nanoTime();

	private long lastDrawn;

	private boolean drawn;

	void update(double fraction, String phase) {
		if (!this.visible) {
			return;
		}
		long now = System.nanoTime();
		if (now - this.lastDrawn < 100_000_000L && fraction < 1.0) {
			return;
		}
		this.lastDrawn = now;
		double clamped = Math.max(0, Math.min(1, fraction));
		int filled = (int) Math.round(clamped * WIDTH);
		String bar = "#".repeat(filled) + " ".repeat(WIDTH - filled);
		double seconds = (now - this.started) / 1e9;
		this.err.printf("\r[%s] %3d%%  %-28s %6.1fs", bar, Math.round(clamped * 100), trim(phase), seconds);
		this.err.flush();
		this.drawn = true;
	}

	@Override
	public void close() {
		if (this.drawn) {
			this.err.print("\r" + " ".repeat(WIDTH + 50) + "\r");
			this.err.flush();
		}
	}

	private static String trim(String phase) {
		return (phase.length() > 28) ? phase.substring(0, 27) + "…" : phase;
	}

}
