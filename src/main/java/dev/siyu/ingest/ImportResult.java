package dev.siyu.ingest;

import java.nio.file.Path;

/**
 * What an import did. Rows and rejected count file rows; imported, updated and unchanged
 * count orders; items counts item rows of separate item files.
 */
public record ImportResult(long importId, long rows, long imported, long updated, long unchanged, long rejected,
		long items, Path errorsFile) {
}
