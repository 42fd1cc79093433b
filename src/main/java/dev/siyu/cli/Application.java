package dev.siyu.cli;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.siyu.SiyuApplication;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Boots the application for one command: quietly, without HTTP unless serving. Options
 * become command-line properties, so they win over application.properties and the
 * environment.
 */
final class Application {

	private Application() {
	}

	static ConfigurableApplicationContext forCommand(DatabaseOptions database) {
		Map<String, Object> properties = new LinkedHashMap<>(database.properties());
		// a command reports its failure in one line of its own; the framework's logs stay
		// quiet
		properties.put("logging.level.root", "OFF");
		properties.put("logging.level.dev.siyu", "WARN");
		properties.put("spring.main.log-startup-info", "false");
		// reactions to what a command did (indexes, precomputed figures) finish before it
		// exits
		properties.put("spring.task.execution.shutdown.await-termination", "true");
		properties.put("spring.task.execution.shutdown.await-termination-period", "30m");
		return new SpringApplicationBuilder(SiyuApplication.class).web(WebApplicationType.NONE)
			.run(arguments(properties));
	}

	static ConfigurableApplicationContext forServing(DatabaseOptions database, Map<String, Object> extra) {
		Map<String, Object> properties = new LinkedHashMap<>(database.properties());
		properties.putAll(extra);
		return new SpringApplicationBuilder(SiyuApplication.class).web(WebApplicationType.SERVLET)
			.run(arguments(properties));
	}

	private static String[] arguments(Map<String, Object> properties) {
		return properties.entrySet()
			.stream()
			.map(property -> "--" + property.getKey() + "=" + property.getValue())
			.toArray(String[]::new);
	}

}
