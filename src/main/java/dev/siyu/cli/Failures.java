package dev.siyu.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.web.server.PortInUseException;

/**
 * Turns an exception, however deeply wrapped by the framework, into the one line a user
 * reads.
 */
final class Failures {

	private Failures() {
	}

	static String reason(Throwable failure) {
		List<Throwable> chain = new ArrayList<>();
		for (Throwable cause = failure; cause != null && !chain.contains(cause); cause = cause.getCause()) {
			chain.add(cause);
		}
		PortInUseException portInUse = (PortInUseException) first(chain, PortInUseException.class);
		if (portInUse != null) {
			return "port " + portInUse.getPort()
					+ " is already in use: stop what listens there, or choose another port with --port";
		}
		Throwable chosen = first(chain, IllegalArgumentException.class);
		if (chosen == null) {
			chosen = first(chain, SQLException.class);
		}
		if (chosen == null) {
			chosen = firstNamed(chain, "org.flywaydb");
		}
		if (chosen == null) {
			chosen = first(chain, IllegalStateException.class);
		}
		if (chosen == null) {
			chosen = first(chain, UncheckedIOException.class);
		}
		if (chosen == null) {
			chosen = first(chain, IOException.class);
		}
		if (chosen == null) {
			chosen = chain.get(chain.size() - 1);
		}
		String message = chosen.getMessage();
		if (message == null || message.isBlank()) {
			return chosen.getClass().getSimpleName();
		}
		List<String> lines = message.lines().map(String::strip).filter(line -> !line.isEmpty()).limit(2).toList();
		return String.join(" ", lines);
	}

	private static Throwable first(List<Throwable> chain, Class<? extends Throwable> type) {
		return chain.stream().filter(type::isInstance).findFirst().orElse(null);
	}

	private static Throwable firstNamed(List<Throwable> chain, String packagePrefix) {
		return chain.stream().filter(t -> t.getClass().getName().startsWith(packagePrefix)).findFirst().orElse(null);
	}

}
