package dev.siyu.ingest;

import java.nio.file.Path;

/**
 * What an import did. Rows, rejected and repeated count file rows (repeated: rows of an
 * order or order line that a later row of the same import replaced); imported, updated
 * and unchanged count orders; items counts item rows of separate item files.
 */
public record ImportResult(long importId, long rows, long imported, long updated, long unchanged, long rejected,
		long repeated, long items, Path errorsFile) {
}
