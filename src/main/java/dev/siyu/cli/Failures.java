package dev.siyu.cli;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Turns an exception, however deeply wrapped by the framework, into the one line a user
 * reads.
 */
final class Failures {

	private Failures() {
	}

	static String reason(Throwable failure) {
		Throwable cause = failure;
		Throwable userFacing = null;
		while (cause != null) {
			if (cause instanceof IllegalArgumentException || cause instanceof IllegalStateException
					|| cause instanceof IOException || cause instanceof UncheckedIOException) {
				userFacing = cause;
			}
			if (cause.getCause() == cause) {
				break;
			}
			cause = cause.getCause();
		}
		Throwable chosen = (userFacing != null) ? userFacing : rootOf(failure);
		String message = chosen.getMessage();
		if (message == null || message.isBlank()) {
			message = chosen.getClass().getSimpleName();
		}
		return message.replaceAll("\\s*\\R\\s*", " ").trim();
	}

	private static Throwable rootOf(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root;
	}

}
