package dev.siyu.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import org.springframework.context.ConfigurableApplicationContext;

@Command(name = "serve", mixinStandardHelpOptions = true,
		description = "Run the siyu server (web console and HTTP API).")
class ServeCommand implements Callable<Integer> {

	static final int KEEP_RUNNING = Integer.MIN_VALUE;

	@Mixin
	DatabaseOptions database = new DatabaseOptions();

	@Option(names = "--port", defaultValue = "8080", description = "HTTP port (default: ${DEFAULT-VALUE})")
	int port;

	@Option(names = "--demo", description = "Create and fill the demo tenant on first start")
	boolean demo;

	@Override
	public Integer call() {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("server.port", this.port);
		properties.put("siyu.demo.enabled", this.demo);
		ConfigurableApplicationContext context = Application.forServing(this.database, properties);
		System.out.println("siyu is running at http://localhost:" + this.port + "/  (Ctrl+C to stop)");
		return context.isActive() ? KEEP_RUNNING : 1;
	}

}
