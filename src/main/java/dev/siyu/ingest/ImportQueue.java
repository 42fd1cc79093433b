package dev.siyu.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

import dev.siyu.shared.TenantId;
import dev.siyu.storage.DataDirectory;
import dev.siyu.storage.Folders;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

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

	private final DataDirectory dataDirectory;

	ImportQueue(Imports imports, DataDirectory dataDirectory) {
		this.imports = imports;
		this.dataDirectory = dataDirectory;
	}

	/**
	 * Saves uploaded files (and an optional mapping) to a folder of their own, then
	 * {@link #submit submits} them; returns the job's id.
	 */
	public long submitUploads(TenantId tenant, String source, MultipartFile mapping, List<MultipartFile> files)
			throws IOException {
		Path folder = Files.createTempDirectory(this.dataDirectory.folder("uploads"), "upload-");
		List<Path> saved = new ArrayList<>();
		Path mappingFile;
		try {
			for (MultipartFile file : files) {
				saved.add(save(folder, file));
			}
			mappingFile = (mapping != null && !mapping.isEmpty()) ? save(folder, mapping) : null;
		}
		catch (IOException | RuntimeException ex) {
			deleteUpload(folder);
			throw ex;
		}
		return submit(tenant, source, mappingFile, saved, folder);
	}

	/**
	 * Checks the files, records a job and starts it; returns the job's id. The folder the
	 * files were uploaded to is deleted when the import ends, or now if they are refused.
	 */
	long submit(TenantId tenant, String source, Path mapping, List<Path> files, Path uploadFolder) {
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

	private static Path save(Path folder, MultipartFile file) throws IOException {
		String name = Path.of((file.getOriginalFilename() != null) ? file.getOriginalFilename() : "upload")
			.getFileName()
			.toString();
		Path target = folder.resolve(name);
		try (InputStream in = file.getInputStream()) {
			Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
		}
		return target;
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
