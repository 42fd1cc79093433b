package dev.siyu.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.siyu.synthetic.GenerationRequest;
import dev.siyu.synthetic.Manifest;
import dev.siyu.synthetic.SyntheticBrand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "generate", mixinStandardHelpOptions = true,
		description = "Write synthetic export files of a dairy brand (Tmall, Douyin, JD, own mall) with the truth "
				+ "of who is who, and DIR/manifest.json listing them.")
class GenerateCommand implements Callable<Integer> {

	/** Accepted like by every command; generating needs no database. */
	@Mixin
	DatabaseOptions database = new DatabaseOptions();

	@Option(names = "--customers", required = true, paramLabel = "N", description = "Persons to generate")
	long customers;

	@Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Same seed, same files (default: 1)")
	long seed;

	@Option(names = "--out", required = true, paramLabel = "DIR",
			description = "Where the exports, truth.csv and manifest.json go")
	Path out;

	@Option(names = "--json", description = "Print one JSON object as the last line")
	boolean json;

	@Override
	public Integer call() throws Exception {
		if (this.customers <= 0) {
			throw new IllegalArgumentException("--customers must be positive");
		}
		long expectedOrders = this.customers * 5;
		Manifest manifest;
		try (ProgressBar progress = new ProgressBar()) {
			manifest = SyntheticBrand.generate(GenerationRequest.of(this.customers, this.seed, this.out),
					written -> progress.update(Math.min(0.99, (double) written / expectedOrders),
							String.format("%,d orders", written)));
		}
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("customers", manifest.customers());
		result.put("orders", manifest.orders());
		result.put("orderLines", manifest.orderLines());
		result.put("files", manifest.files().size());
		result.put("manifest", this.out.resolve("manifest.json").toAbsolutePath().toString());
		Output.result(this.json, result);
		return 0;
	}

}
