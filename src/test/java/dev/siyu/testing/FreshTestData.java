package dev.siyu.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/** Gives each test run a new data directory and removes those of earlier runs. */
public class FreshTestData implements LauncherSessionListener {

	@Override
	public void launcherSessionOpened(LauncherSession session) {
		Path root = Path.of("target", "test-data");
		if (Files.isDirectory(root)) {
			try (Stream<Path> walk = Files.walk(root)) {
				walk.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
			}
			catch (IOException ex) {
				System.err.println("could not clean " + root + ": " + ex.getMessage());
			}
		}
		System.setProperty("siyu.test.run", UUID.randomUUID().toString().substring(0, 8));
	}

}
