package dev.siyu.cli;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.siyu.SiyuApplication;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Boots the application for one command: quietly, without HTTP unless serving. */
final class Application {

	private Application() {
	}

	static ConfigurableApplicationContext forCommand(DatabaseOptions database) {
		Map<String, Object> properties = new LinkedHashMap<>(database.properties());
		properties.put("logging.level.root", "WARN");
		properties.put("logging.level.dev.siyu", "WARN");
		properties.put("spring.main.log-startup-info", "false");
		properties.put("siyu.role", "command");
		return new SpringApplicationBuilder(SiyuApplication.class).web(WebApplicationType.NONE)
			.properties(properties)
			.run();
	}

	static ConfigurableApplicationContext forServing(DatabaseOptions database, Map<String, Object> extra) {
		Map<String, Object> properties = new LinkedHashMap<>(database.properties());
		properties.putAll(extra);
		properties.put("siyu.role", "server");
		return new SpringApplicationBuilder(SiyuApplication.class).web(WebApplicationType.SERVLET)
			.properties(properties)
			.run();
	}

}
