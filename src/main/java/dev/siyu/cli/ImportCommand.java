package dev.siyu.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.siyu.ingest.ImportResult;
import dev.siyu.ingest.Imports;
import dev.siyu.tenant.Tenant;
import dev.siyu.tenant.Tenants;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import org.springframework.context.ConfigurableApplicationContext;

@Command(name = "import", mixinStandardHelpOptions = true,
		description = "Import platform order exports (CSV or XLSX; GBK, GB18030 or UTF-8) into a tenant.")
class ImportCommand implements Callable<Integer> {

	@Mixin
	DatabaseOptions database = new DatabaseOptions();

	@Option(names = "--tenant", required = true, paramLabel = "NAME")
	String tenant;

	@Option(names = "--source", required = true, paramLabel = "SOURCE",
			description = "taobao, douyin, jd, youzan or generic (youzan and generic need --mapping)")
	String source;

	@Option(names = "--mapping", paramLabel = "FILE", description = "Mapping file (YAML or JSON), see docs/mappings.md")
	Path mapping;

	@Option(names = "--json", description = "Print one JSON object as the last line")
	boolean json;

	@Parameters(arity = "1..*", paramLabel = "FILE", description = "Export files of one platform")
	List<Path> files;

	@Override
	public Integer call() {
		try (ConfigurableApplicationContext context = Application.forCommand(this.database);
				ProgressBar progress = new ProgressBar()) {
			Tenant tenant = context.getBean(Tenants.class).require(this.tenant);
			ImportResult result = context.getBean(Imports.class)
				.importFiles(tenant.id(), this.source, this.mapping, this.files, progress::update);
			progress.close();
			Map<String, Object> out = new LinkedHashMap<>();
			out.put("rows", result.rows());
			out.put("imported", result.imported());
			out.put("updated", result.updated());
			out.put("unchanged", result.unchanged());
			out.put("rejected", result.rejected());
			out.put("items", result.items());
			out.put("errorsFile", (result.errorsFile() != null) ? result.errorsFile().toString() : null);
			out.put("importId", result.importId());
			Output.result(this.json, out);
			return 0;
		}
	}

}
