package dev.siyu.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import javax.sql.DataSource;

import dev.siyu.storage.Folders;
import dev.siyu.value.ValueBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import org.springframework.context.ConfigurableApplicationContext;

@Command(name = "value", mixinStandardHelpOptions = true,
		description = "Draw N customers' purchase histories, fit BG/NBD and Gamma-Gamma and score everyone; time it "
				+ "against one SQL aggregation pass over the same orders in PostgreSQL and print the ratio.")
class ValueBench implements Callable<Integer> {

	@Mixin
	DatabaseOptions database = new DatabaseOptions();

	@Option(names = "--customers", defaultValue = "1000000", paramLabel = "N",
			description = "Customers to draw (default: ${DEFAULT-VALUE})")
	int customers;

	@Option(names = "--seed", defaultValue = "7")
	long seed;

	@Option(names = "--json", description = "Print one JSON object as the last line")
	boolean json;

	@Override
	public Integer call() throws Exception {
		if (this.customers < 100) {
			throw new IllegalArgumentException("--customers must be at least 100, not " + this.customers);
		}
		Path work = null;
		if (this.database.dataDir == null && this.database.db == null) {
			work = Files.createTempDirectory("siyu-bench-");
			this.database.dataDir = work.resolve("data");
		}
		try (ProgressBar progress = new ProgressBar();
				ConfigurableApplicationContext context = Application.forCommand(this.database)) {
			Map<String, Object> out = new ValueBenchmark(context.getBean(DataSource.class)).run(this.customers,
					this.seed, progress::update);
			progress.close();
			Output.result(this.json, out);
		}
		finally {
			if (work != null) {
				Folders.delete(work);
			}
		}
		return 0;
	}

}
