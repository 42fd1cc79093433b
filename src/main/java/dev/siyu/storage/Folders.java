package dev.siyu.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Removing a folder and everything in it. */
public final class Folders {

	private Folders() {
	}

	/**
	 * Deletes the folder (or file) and all it holds; nothing happens when it does not
	 * exist.
	 */
	public static void delete(Path path) throws IOException {
		if (!Files.exists(path)) {
			return;
		}
		try (Stream<Path> walk = Files.walk(path)) {
			for (Path each : walk.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(each);
			}
		}
	}

}
