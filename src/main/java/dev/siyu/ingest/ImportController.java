package dev.siyu.ingest;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.siyu.api.NotFound;
import dev.siyu.shared.TenantId;
import dev.siyu.tenant.ApiAuthentication;

import org.springframework.core.io.FileSystemResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Imports through HTTP: upload export files, get a job back at once, and follow its
 * progress, counts and error report.
 */
@RestController
class ImportController {

	private final ImportQueue queue;

	private final ImportJobs jobs;

	ImportController(ImportQueue queue, ImportJobs jobs) {
		this.queue = queue;
		this.jobs = jobs;
	}

	@PostMapping(path = "/api/v1/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<Map<String, Object>> upload(@RequestAttribute(ApiAuthentication.TENANT) TenantId tenant,
			@RequestParam("source") String source, @RequestParam("file") List<MultipartFile> files,
			@RequestParam(name = "mapping", required = false) MultipartFile mapping) throws IOException {
		long jobId = this.queue.submitUploads(tenant, source, mapping, files);
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(view(find(tenant, jobId)));
	}

	@GetMapping("/api/v1/imports/{id}")
	Map<String, Object> status(@RequestAttribute(ApiAuthentication.TENANT) TenantId tenant, @PathVariable long id) {
		return view(find(tenant, id));
	}

	@GetMapping("/api/v1/imports")
	List<Map<String, Object>> recent(@RequestAttribute(ApiAuthentication.TENANT) TenantId tenant) {
		return this.jobs.recent(tenant, 50).stream().map(ImportController::view).toList();
	}

	@GetMapping(path = "/api/v1/imports/{id}/errors", produces = "text/csv")
	ResponseEntity<FileSystemResource> errors(@RequestAttribute(ApiAuthentication.TENANT) TenantId tenant,
			@PathVariable long id) {
		ImportJobs.Job job = find(tenant, id);
		if (job.errorsFile() == null) {
			throw new NotFound("import " + id + " rejected no rows");
		}
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=import-" + id + "-errors.csv")
			.contentType(MediaType.parseMediaType("text/csv; charset=UTF-8"))
			.body(new FileSystemResource(job.errorsFile()));
	}

	private ImportJobs.Job find(TenantId tenant, long id) {
		return this.jobs.find(tenant, id).orElseThrow(() -> new NotFound("no import " + id));
	}

	private static Map<String, Object> view(ImportJobs.Job job) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("id", job.id());
		view.put("status", job.status());
		view.put("progress", Math.round(job.progress() * 1000) / 1000.0);
		view.put("source", job.source());
		view.put("files", job.files());
		view.put("rows", job.rows());
		view.put("imported", job.imported());
		view.put("updated", job.updated());
		view.put("unchanged", job.unchanged());
		view.put("rejected", job.rejected());
		view.put("repeated", job.repeated());
		view.put("unknownStatuses", job.unknownStatuses());
		view.put("errors", (job.errorsFile() != null) ? "/api/v1/imports/" + job.id() + "/errors" : null);
		view.put("failure", job.failure());
		view.put("startedAt", job.startedAt());
		view.put("finishedAt", job.finishedAt());
		return view;
	}

}
