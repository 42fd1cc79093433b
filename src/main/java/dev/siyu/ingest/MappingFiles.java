package dev.siyu.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads mapping files (YAML or JSON, see docs/mappings.md) into {@link Mapping}s, with
 * errors that say which key of which file is wrong and why.
 */
final class MappingFiles {

	private static final Pattern PLATFORM = Pattern.compile("[a-z][a-z0-9_]{0,31}");

	private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9_]{0,31}");

	private MappingFiles() {
	}

	static Mapping read(Path file) {
		if (!Files.isRegularFile(file)) {
			throw new IllegalArgumentException("mapping file " + file + " does not exist");
		}
		try (InputStream in = Files.newInputStream(file)) {
			return read(in, file.toString());
		}
		catch (IOException ex) {
			throw new IllegalArgumentException("cannot read mapping file " + file + ": " + ex.getMessage(), ex);
		}
	}

	static Mapping builtIn(String name) {
		try (InputStream in = MappingFiles.class.getResourceAsStream("/mappings/" + name + ".yaml")) {
			if (in == null) {
				throw new IllegalStateException("built-in mapping " + name + " is missing");
			}
			return read(in, "built-in mapping " + name);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static Mapping read(InputStream in, String origin) {
		JsonNode root;
		try {
			byte[] bytes = in.readAllBytes();
			String text = new String(bytes, StandardCharsets.UTF_8).stripLeading();
			ObjectMapper mapper = text.startsWith("{") ? JsonMapper.builder().build() : YAMLMapper.builder().build();
			root = mapper.readTree(text);
		}
		catch (IOException | JacksonException ex) {
			throw new IllegalArgumentException(origin + ": not valid YAML or JSON: " + firstLine(ex.getMessage()));
		}
		if (root == null || !root.isObject()) {
			throw new IllegalArgumentException(origin + ": expected a mapping object with name, platform and columns");
		}
		return new Reader(root, origin).mapping();
	}

	private static String firstLine(String message) {
		return (message == null) ? "" : message.lines().findFirst().orElse("");
	}

	/** Reads one mapping document, collecting every problem before failing. */
	private static final class Reader {

		private final JsonNode root;

		private final String origin;

		private final List<String> problems = new ArrayList<>();

		Reader(JsonNode root, String origin) {
			this.root = root;
			this.origin = origin;
		}

		Mapping mapping() {
			String name = text("name", "mapping");
			String platform = text("platform", null);
			if (platform == null) {
				this.problems.add("platform: required (e.g. mall, youzan, pos)");
			}
			else if (!PLATFORM.matcher(platform).matches()) {
				this.problems.add("platform: '" + platform + "' must be lower-case letters, digits or '_'");
			}
			Mapping.Granularity granularity = granularity();
			ZoneId zone = zone();
			List<String> detect = names(this.root.get("detect"), "detect", false);
			Map<OrderField, List<String>> columns = new EnumMap<>(OrderField.class);
			boolean amountPerLine = granularity == Mapping.Granularity.LINE;
			JsonNode columnsNode = this.root.get("columns");
			if (columnsNode == null || !columnsNode.isObject()) {
				this.problems.add("columns: required, an object from field (order_id, amount, ...) to column name");
			}
			else {
				for (Map.Entry<String, JsonNode> entry : columnsNode.properties()) {
					OrderField field = OrderField.ofKey(entry.getKey());
					if (field == null) {
						this.problems
							.add("columns." + entry.getKey() + ": unknown field; known fields: " + knownFields());
						continue;
					}
					JsonNode value = entry.getValue();
					if (value.isObject()) {
						if (value.has("per")) {
							String per = value.get("per").asString("");
							if (field != OrderField.AMOUNT) {
								this.problems.add("columns." + field.key() + ".per: only amount takes 'per'");
							}
							else if (per.equals("line") || per.equals("order")) {
								amountPerLine = per.equals("line");
							}
							else {
								this.problems.add("columns.amount.per: '" + per + "' must be 'line' or 'order'");
							}
						}
						value = value.get("column");
					}
					List<String> names = names(value, "columns." + field.key(), true);
					if (!names.isEmpty()) {
						columns.put(field, names);
					}
				}
				if (!columns.containsKey(OrderField.ORDER_ID)) {
					this.problems.add("columns.order_id: required (the column holding the order number)");
				}
			}
			List<Mapping.IdentifierColumn> identifiers = identifiers();
			Map<String, OrderStatus> statuses = statuses();
			if (!this.problems.isEmpty()) {
				throw new IllegalArgumentException(this.origin + ": " + String.join("; ", this.problems));
			}
			return new Mapping(name, platform, granularity, detect, zone, columns, identifiers, statuses,
					amountPerLine);
		}

		private String text(String key, String fallback) {
			JsonNode node = this.root.get(key);
			if (node == null || node.isNull()) {
				return fallback;
			}
			if (!node.isValueNode()) {
				this.problems.add(key + ": expected text");
				return fallback;
			}
			String value = node.asString().trim();
			return value.isEmpty() ? fallback : value;
		}

		private Mapping.Granularity granularity() {
			String value = text("granularity", "order");
			try {
				return Mapping.Granularity.valueOf(value.toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				this.problems.add("granularity: '" + value + "' must be order, line or items");
				return Mapping.Granularity.ORDER;
			}
		}

		private ZoneId zone() {
			String value = text("timezone", "Asia/Shanghai");
			try {
				return ZoneId.of(value);
			}
			catch (DateTimeException ex) {
				this.problems.add("timezone: '" + value + "' is not a time zone (e.g. Asia/Shanghai)");
				return ZoneId.of("Asia/Shanghai");
			}
		}

		private List<String> names(JsonNode node, String where, boolean required) {
			List<String> names = new ArrayList<>();
			if (node == null || node.isNull()) {
				if (required) {
					this.problems.add(where + ": needs a column name");
				}
				return names;
			}
			if (node.isArray()) {
				for (JsonNode element : node) {
					if (element.isValueNode() && !element.asString().isBlank()) {
						names.add(element.asString().trim());
					}
				}
			}
			else if (node.isValueNode() && !node.asString().isBlank()) {
				names.add(node.asString().trim());
			}
			if (names.isEmpty() && required) {
				this.problems.add(where + ": needs a column name or a list of alternative names");
			}
			return names;
		}

		private List<Mapping.IdentifierColumn> identifiers() {
			List<Mapping.IdentifierColumn> identifiers = new ArrayList<>();
			JsonNode node = this.root.get("identifiers");
			if (node == null || node.isNull()) {
				return identifiers;
			}
			if (!node.isArray()) {
				this.problems.add("identifiers: expected a list of {kind, column}");
				return identifiers;
			}
			int index = 0;
			for (JsonNode element : node) {
				String where = "identifiers[" + index++ + "]";
				String kind = element.path("kind").asString("").trim();
				if (!KIND.matcher(kind).matches()) {
					this.problems.add(where + ".kind: '" + kind + "' must be a kind such as " + IdentifierKinds.KNOWN);
					continue;
				}
				List<String> names = names(element.get("column"), where + ".column", true);
				if (!names.isEmpty()) {
					identifiers.add(new Mapping.IdentifierColumn(kind, names));
				}
			}
			return identifiers;
		}

		private Map<String, OrderStatus> statuses() {
			Map<String, OrderStatus> statuses = new LinkedHashMap<>();
			JsonNode node = this.root.get("statuses");
			if (node == null || node.isNull()) {
				return statuses;
			}
			if (!node.isObject()) {
				this.problems.add("statuses: expected an object from the source's status text to a status");
				return statuses;
			}
			for (Map.Entry<String, JsonNode> entry : node.properties()) {
				OrderStatus status = OrderStatus.ofCode(entry.getValue().asString(""));
				if (status == null) {
					this.problems.add("statuses." + entry.getKey() + ": '" + entry.getValue().asString("")
							+ "' must be one of pending, paid, shipped, completed, closed, refunded, other");
				}
				else {
					statuses.put(StatusVocabulary.normalize(entry.getKey()), status);
				}
			}
			return statuses;
		}

		private static String knownFields() {
			StringBuilder known = new StringBuilder();
			for (OrderField field : OrderField.values()) {
				known.append(known.isEmpty() ? "" : ", ").append(field.key());
			}
			return known.toString();
		}

	}

}
