package dev.siyu.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The folder where siyu keeps its embedded database, keys and import reports. */
public record DataDirectory(Path path) {

	public DataDirectory {
		path = path.toAbsolutePath().normalize();
	}

	/** A sub-folder of the data directory, created when missing. */
	public Path folder(String name) {
		Path folder = this.path.resolve(name);
		try {
			Files.createDirectories(folder);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create " + folder, ex);
		}
		return folder;
	}

}
