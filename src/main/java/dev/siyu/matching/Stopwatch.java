package dev.siyu.matching;

import java.util.LinkedHashMap;
import java.util.Map;

/** Seconds spent in each phase of a run. */
final class Stopwatch {

	private final Map<String, Double> laps = new LinkedHashMap<>();

	private long since = System.nanoTime();

	void lap(String phase) {
		long now = System.nanoTime();
		this.laps.put(phase, Math.round((now - this.since) / 1e7) / 100.0);
		this.since = now;
	}

	Map<String, Double> laps() {
		return this.laps;
	}

}
