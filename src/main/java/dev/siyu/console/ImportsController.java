package dev.siyu.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.siyu.ingest.ImportJobs;
import dev.siyu.ingest.ImportQueue;
import dev.siyu.tenant.Permission;

import org.springframework.core.io.FileSystemResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * Imports in the console: upload exports (and a mapping for sources without fixed
 * columns), follow the progress live, read the counts, download the error report, see the
 * history.
 */
@Controller
class ImportsController {

	static final List<String> SOURCES = List.of("taobao", "douyin", "jd", "youzan", "generic");

	private final ImportQueue queue;

	private final ImportJobs jobs;

	ImportsController(ImportQueue queue, ImportJobs jobs) {
		this.queue = queue;
		this.jobs = jobs;
	}

	@GetMapping("/imports")
	String imports(Workspace workspace, Model model) {
		workspace.require(Permission.VIEW_IMPORTS);
		model.addAttribute("sources", SOURCES);
		model.addAttribute("jobs", this.jobs.recent(workspace.tenantId(), 50));
		return "imports";
	}

	@PostMapping("/imports")
	String upload(Workspace workspace, @RequestParam String source, @RequestParam("file") List<MultipartFile> files,
			@RequestParam(name = "mapping", required = false) MultipartFile mapping, Model model) throws IOException {
		workspace.require(Permission.RUN_IMPORTS);
		List<MultipartFile> chosen = files.stream().filter(file -> !file.isEmpty()).toList();
		if (chosen.isEmpty()) {
			return refused(workspace, model, "imports.noFiles", null);
		}
		try {
			long job = this.queue.submitUploads(workspace.tenantId(), source, mapping, chosen);
			return "redirect:/imports/" + job;
		}
		catch (IllegalArgumentException ex) {
			return refused(workspace, model, "imports.refused", ex.getMessage());
		}
	}

	@GetMapping("/imports/{id}")
	String job(Workspace workspace, @PathVariable long id, Model model) {
		workspace.require(Permission.VIEW_IMPORTS);
		model.addAttribute("job", find(workspace, id));
		return "import";
	}

	@GetMapping("/imports/{id}/progress")
	String progress(Workspace workspace, @PathVariable long id, Model model) {
		workspace.require(Permission.VIEW_IMPORTS);
		model.addAttribute("job", find(workspace, id));
		return "import :: progress";
	}

	@GetMapping("/imports/{id}/errors")
	ResponseEntity<FileSystemResource> errors(Workspace workspace, @PathVariable long id) {
		workspace.require(Permission.VIEW_IMPORTS);
		ImportJobs.Job job = find(workspace, id);
		if (job.errorsFile() == null || !Files.exists(Path.of(job.errorsFile()))) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "import " + id + " has no error report");
		}
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=import-" + id + "-errors.csv")
			.contentType(MediaType.parseMediaType("text/csv; charset=UTF-8"))
			.body(new FileSystemResource(job.errorsFile()));
	}

	private String refused(Workspace workspace, Model model, String message, String reason) {
		model.addAttribute("error", message);
		model.addAttribute("reason", reason);
		return imports(workspace, model);
	}

	private ImportJobs.Job find(Workspace workspace, long id) {
		return this.jobs.find(workspace.tenantId(), id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no import " + id));
	}

}
