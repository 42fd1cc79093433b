package dev.siyu.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import dev.siyu.SiyuApplication;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

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
		// reactions left over by a server are the server's to finish, not a passing
		// command's
		properties.put("spring.modulith.events.republish-outstanding-events-on-restart", "false");
		properties.put("spring.task.execution.shutdown.await-termination-period", "30m");
		return new SpringApplicationBuilder(SiyuApplication.class).web(WebApplicationType.NONE)
			.listeners(Application::finishReactionsOnClose)
			.run(arguments(properties));
	}

	/**
	 * When a command closes the application, first lets the reactions to its events
	 * finish while the database is still there.
	 */
	private static void finishReactionsOnClose(ApplicationEvent event) {
		if (event instanceof ContextClosedEvent closed) {
			for (ThreadPoolTaskExecutor executor : closed.getApplicationContext()
				.getBeansOfType(ThreadPoolTaskExecutor.class)
				.values()) {
				ThreadPoolExecutor pool = executor.getThreadPoolExecutor();
				if (System.console() != null && (pool.getActiveCount() > 0 || !pool.getQueue().isEmpty())) {
					System.err.println(
							"waiting for the work that follows from this command (overview, value scores, matching)...");
				}
				pool.shutdown();
				try {
					pool.awaitTermination(30, TimeUnit.MINUTES);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
		}
	}

	static ConfigurableApplicationContext forServing(DatabaseOptions database, Map<String, Object> extra) {
		Map<String, Object> properties = new LinkedHashMap<>(database.properties());
		// a server that cannot start says why in one line (see Failures), not in a stack
		// trace per failed bean
		properties.put("logging.level.org.springframework.boot.SpringApplication", "OFF");
		properties.put("logging.level.org.springframework.boot.diagnostics.LoggingFailureAnalysisReporter", "OFF");
		properties.put("logging.level.org.springframework.boot.autoconfigure.logging.ConditionEvaluationReportLogger",
				"OFF");
		properties.put("logging.level.org.springframework.boot.web.server.servlet.context", "ERROR");
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
