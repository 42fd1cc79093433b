package dev.siyu.audience;

import tools.jackson.databind.JsonNode;

/** Reading and writing expressions in their text and JSON forms. */
public final class Expressions {

	private Expressions() {
	}

	/**
	 * Reads the text form; a {@link AudienceSyntaxException} says at which column and
	 * why.
	 */
	public static Expression parse(String text) {
		return TextParser.parse(text);
	}

	/**
	 * Reads the JSON tree form; a {@link AudienceSyntaxException} names the JSON path.
	 */
	public static Expression fromJson(JsonNode tree) {
		return JsonTree.read(tree);
	}

	public static String toText(Expression expression) {
		return TextWriter.write(expression);
	}

	public static JsonNode toJson(Expression expression) {
		return JsonTree.write(expression);
	}

}
