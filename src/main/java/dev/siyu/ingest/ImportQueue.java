package dev.siyu.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

import dev.siyu.shared.TenantId;
import dev.siyu.storage.Folders;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Imports of uploaded files run one after another in the background: the files are
 * checked at once (a file that is not a recognisable export is refused before any job
 * exists), the job is recorded, and the uploaded files are deleted as soon as the import
 * ends, because they hold personal data in clear.
 */
@Component
public class ImportQueue {

	private static final Logger log = LoggerFactory.getLogger(ImportQueue.class);

	private final Imports imports;

	private final Executor runner = Executors.newSingleThreadExecutor(task -> {
		Thread thread = new Thread(task, "import");
		thread.setDaemon(true);
		return thread;
	});

	ImportQueue(Imports imports) {
		this.imports = imports;
	}

	/**
	 * Checks the files, records a job and starts it; returns the job's id. The folder the
	 * files were uploaded to is deleted when the import ends, or now if they are refused.
	 */
	public long submit(TenantId tenant, String source, Path mapping, List<Path> files, Path uploadFolder) {
		Imports.Plan plan;
		try {
			plan = this.imports.plan(tenant, source, mapping, files);
		}
		catch (RuntimeException ex) {
			deleteUpload(uploadFolder);
			throw ex;
		}
		long jobId = this.imports.openJob(plan, mapping);
		this.runner.execute(() -> {
			try {
				this.imports.runJob(plan, jobId, ImportProgress.NONE);
			}
			catch (RuntimeException ex) {
				log.warn("Import {} failed: {}", jobId, ex.getMessage());
			}
			finally {
				deleteUpload(uploadFolder);
			}
		});
		return jobId;
	}

	private static void deleteUpload(Path folder) {
		try {
			Folders.delete(folder);
		}
		catch (IOException ex) {
			log.warn("Could not delete the uploaded files in {}: {}", folder, ex.getMessage());
		}
	}

}
