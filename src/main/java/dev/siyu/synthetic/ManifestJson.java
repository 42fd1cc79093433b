package dev.siyu.synthetic;

import java.io.IOException;
import java.nio.file.Path;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Writes and reads {@code manifest.json}. */
final class ManifestJson {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private ManifestJson() {
	}

	static Manifest read(Path file) throws IOException {
		try {
			return MAPPER.readValue(file.toFile(), Manifest.class);
		}
		catch (JacksonException ex) {
			throw new IOException(file + " is not a manifest written by siyu generate: " + ex.getOriginalMessage(), ex);
		}
	}

	static void write(Path file, Manifest manifest) throws IOException {
		try {
			MAPPER.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), manifest);
		}
		catch (JacksonException ex) {
			throw new IOException("cannot write " + file, ex);
		}
	}

}
