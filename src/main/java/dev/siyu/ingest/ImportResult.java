package dev.siyu.ingest;

import java.nio.file.Path;
import java.util.Map;

/**
 * What an import did. Rows, rejected and repeated count file rows (repeated: rows of an
 * order or order line that a later row of the same import replaced); imported, updated
 * and unchanged count orders; items counts item rows of separate item files.
 * unknownStatuses counts the rows of each status text nobody recognised (kept as other).
 */
public record ImportResult(long importId, long rows, long imported, long updated, long unchanged, long rejected,
		long repeated, long items, Path errorsFile, Map<String, Long> unknownStatuses) {
}
