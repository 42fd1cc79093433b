package dev.siyu.synthetic;

import java.io.IOException;
import java.nio.file.Path;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Writes {@code manifest.json}. */
final class ManifestJson {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private ManifestJson() {
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
