package dev.siyu.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.siyu.ingest.ImportProgress;
import dev.siyu.ingest.ImportResult;
import dev.siyu.ingest.Imports;
import dev.siyu.synthetic.Manifest;
import dev.siyu.synthetic.ManifestFile;
import dev.siyu.tenant.Tenant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import org.springframework.context.ConfigurableApplicationContext;

@Command(name = "import", mixinStandardHelpOptions = true,
		description = "Import platform order exports (CSV or XLSX; GBK, GB18030 or UTF-8) into a tenant, "
				+ "or everything a manifest.json of 'siyu generate' lists.")
class ImportCommand implements Callable<Integer> {

	@Mixin
	DatabaseOptions database = new DatabaseOptions();

	@Mixin
	TenantOption tenant = new TenantOption();

	@Option(names = "--source", paramLabel = "SOURCE",
			description = "taobao, douyin, jd, youzan or generic (youzan and generic need --mapping)")
	String source;

	@Option(names = "--mapping", paramLabel = "FILE", description = "Mapping file (YAML or JSON), see docs/mappings.md")
	Path mapping;

	@Option(names = "--manifest", paramLabel = "FILE",
			description = "Import every file a manifest.json lists, each with its source and mapping")
	Path manifest;

	@Option(names = "--json", description = "Print one JSON object as the last line")
	boolean json;

	@Parameters(arity = "0..*", paramLabel = "FILE", description = "Export files of one platform")
	List<Path> files = new ArrayList<>();

	@Override
	public Integer call() {
		List<Job> jobs = jobs();
		try (ConfigurableApplicationContext context = Application.forCommand(this.database);
				ProgressBar progress = new ProgressBar()) {
			Tenant tenant = this.tenant.in(context);
			Imports imports = context.getBean(Imports.class);
			Totals totals = new Totals();
			for (int i = 0; i < jobs.size(); i++) {
				Job job = jobs.get(i);
				int done = i;
				ImportProgress reporting = (fraction, phase) -> progress.update((done + fraction) / jobs.size(), phase);
				totals.add(imports.importFiles(tenant.id(), job.source(), job.mapping(), job.files(), reporting));
			}
			progress.close();
			Output.result(this.json, totals.asMap());
			return 0;
		}
	}

	private List<Job> jobs() {
		if (this.manifest != null) {
			if (this.source != null || !this.files.isEmpty()) {
				throw new IllegalArgumentException(
						"--manifest imports what the manifest lists: give no --source or files");
			}
			return manifestJobs();
		}
		if (this.source == null || this.files.isEmpty()) {
			throw new IllegalArgumentException("give --source and export files, or --manifest FILE");
		}
		return List.of(new Job(this.source, this.mapping, this.files));
	}

	private List<Job> manifestJobs() {
		Manifest read;
		try {
			read = Manifest.read(this.manifest);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex.getMessage(), ex);
		}
		Path dir = this.manifest.toAbsolutePath().getParent();
		List<Job> jobs = new ArrayList<>();
		for (List<ManifestFile> group : read.imports()) {
			ManifestFile first = group.get(0);
			jobs.add(new Job(first.source(), (first.mapping() != null) ? dir.resolve(first.mapping()) : null,
					group.stream().map(file -> dir.resolve(file.path())).toList()));
		}
		return jobs;
	}

	private record Job(String source, Path mapping, List<Path> files) {
	}

	/** Counts summed over the imports of one command. */
	private static final class Totals {

		private long rows;

		private long imported;

		private long updated;

		private long unchanged;

		private long rejected;

		private long repeated;

		private final Map<String, Long> unknownStatuses = new LinkedHashMap<>();

		private long items;

		private final List<String> errorsFiles = new ArrayList<>();

		private final List<Long> importIds = new ArrayList<>();

		void add(ImportResult result) {
			this.rows += result.rows();
			this.imported += result.imported();
			this.updated += result.updated();
			this.unchanged += result.unchanged();
			this.rejected += result.rejected();
			this.repeated += result.repeated();
			result.unknownStatuses().forEach((text, rows) -> this.unknownStatuses.merge(text, rows, Long::sum));
			this.items += result.items();
			this.importIds.add(result.importId());
			if (result.errorsFile() != null) {
				this.errorsFiles.add(result.errorsFile().toString());
			}
		}

		Map<String, Object> asMap() {
			Map<String, Object> out = new LinkedHashMap<>();
			out.put("rows", this.rows);
			out.put("imported", this.imported);
			out.put("updated", this.updated);
			out.put("unchanged", this.unchanged);
			out.put("rejected", this.rejected);
			out.put("repeated", this.repeated);
			out.put("unknownStatuses", this.unknownStatuses);
			out.put("items", this.items);
			out.put("errorsFile", this.errorsFiles.isEmpty() ? null : this.errorsFiles.get(0));
			if (this.errorsFiles.size() > 1) {
				out.put("errorsFiles", this.errorsFiles);
			}
			out.put("importIds", this.importIds);
			return out;
		}

	}

}
