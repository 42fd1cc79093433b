package dev.siyu.cli;

import java.io.PrintStream;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * What a command prints: human lines, and with {@code --json} one JSON object as the last
 * line.
 */
final class Output {

	private static final JsonMapper json = JsonMapper.builder().build();

	private Output() {
	}

	static void result(boolean asJson, Map<String, ?> fields) {
		PrintStream out = System.out;
		if (asJson) {
			out.println(json.writeValueAsString(fields));
		}
		else {
			fields.forEach((key, value) -> out.println(key + ": " + value));
		}
		out.flush();
	}

}
