package dev.siyu.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import picocli.CommandLine.Option;

/** Where the data lives: every command takes these. */
class DatabaseOptions {

	@Option(names = "--data-dir", paramLabel = "DIR",
			description = "Data directory for the embedded PostgreSQL, keys and reports (default: ./siyu-data)")
	Path dataDir;

	@Option(names = "--db", paramLabel = "JDBC_URL",
			description = "Use an external PostgreSQL, e.g. jdbc:postgresql://host:5432/siyu?user=siyu&password=...")
	String db;

	Map<String, Object> properties() {
		Map<String, Object> properties = new LinkedHashMap<>();
		if (this.dataDir != null) {
			properties.put("siyu.data-dir", this.dataDir.toString());
		}
		if (this.db != null) {
			if (!this.db.startsWith("jdbc:postgresql:")) {
				throw new IllegalArgumentException(
						"--db must be a PostgreSQL JDBC URL (jdbc:postgresql://...), got " + this.db);
			}
			properties.put("spring.datasource.url", this.db);
		}
		return properties;
	}

}
