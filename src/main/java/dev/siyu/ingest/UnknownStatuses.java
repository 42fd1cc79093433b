package dev.siyu.ingest;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The status texts of an import that neither the mapping nor the known vocabulary
 * recognised, with how many rows had each, so the person importing can name them in the
 * mapping's statuses. Keeps the first 20 texts.
 */
final class UnknownStatuses {

	private static final int MOST = 20;

	private final Map<String, Long> rows = new LinkedHashMap<>();

	void see(String text) {
		if (text.isBlank()) {
			return;
		}
		if (this.rows.size() < MOST || this.rows.containsKey(text)) {
			this.rows.merge(text, 1L, Long::sum);
		}
	}

	Map<String, Long> rows() {
		return Collections.unmodifiableMap(this.rows);
	}

}
