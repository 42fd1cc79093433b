package dev.siyu.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Records are candidates when they share the key of a rule: the blocking keys of one or
 * more fields, each possibly cut to its first characters. Written {@code surname+date} or
 * {@code surname:3+postcode}.
 */
public record BlockingRule(List<Part> parts) {

	public BlockingRule {
		parts = List.copyOf(parts);
	}

	/** Reads an expression against the field names. */
	public static BlockingRule parse(String expression, List<Field> fields) {
		List<Part> parts = new ArrayList<>();
		for (String term : expression.split("\\+")) {
			String name = term.strip();
			int prefix = 0;
			int colon = name.lastIndexOf(':');
			if (colon > 0) {
				try {
					prefix = Integer.parseInt(name.substring(colon + 1).strip());
				}
				catch (NumberFormatException ex) {
					throw new IllegalArgumentException("blocking rule '" + expression + "': '" + term
							+ "' must be FIELD or FIELD:N with N the number of leading characters", ex);
				}
				name = name.substring(0, colon).strip();
			}
			int field = indexOf(name, fields);
			if (field < 0) {
				throw new IllegalArgumentException("blocking rule '" + expression + "' names '" + name
						+ "', which is not a field; fields are " + fields.stream().map(Field::name).toList());
			}
			parts.add(new Part(field, prefix));
		}
		return new BlockingRule(parts);
	}

	private static int indexOf(String name, List<Field> fields) {
		for (int i = 0; i < fields.size(); i++) {
			if (fields.get(i).name().equals(name)) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * The rules used when none are given: every identifying field alone, and every two of
	 * the other fields that have enough distinct values.
	 */
	public static List<BlockingRule> defaults(List<Field> fields) {
		List<BlockingRule> rules = new ArrayList<>();
		List<Integer> others = new ArrayList<>();
		for (int i = 0; i < fields.size(); i++) {
			FieldKind kind = fields.get(i).kind();
			if (kind.identifying()) {
				rules.add(new BlockingRule(List.of(new Part(i, 0))));
			}
			else if (!kind.coarse()) {
				others.add(i);
			}
		}
		if (others.size() == 1) {
			rules.add(new BlockingRule(List.of(new Part(others.get(0), 0))));
		}
		for (int a = 0; a < others.size(); a++) {
			for (int b = a + 1; b < others.size(); b++) {
				rules.add(new BlockingRule(List.of(new Part(others.get(a), 0), new Part(others.get(b), 0))));
			}
		}
		if (rules.isEmpty()) {
			throw new IllegalArgumentException("no field can block: give a --block rule");
		}
		return rules;
	}

	/** The key of a record, or null when a field it needs is missing. */
	String key(Records records, int record) {
		if (this.parts.size() == 1) {
			return this.parts.get(0).key(records, record);
		}
		StringBuilder key = new StringBuilder();
		for (Part part : this.parts) {
			String value = part.key(records, record);
			if (value == null) {
				return null;
			}
			key.append(value).append('\u0001');
		}
		return key.toString();
	}

	public String describe(List<Field> fields) {
		return this.parts.stream()
			.map((part) -> fields.get(part.field()).name() + ((part.prefix() > 0) ? ":" + part.prefix() : ""))
			.collect(Collectors.joining("+"));
	}

	/** One field of a rule, cut to {@code prefix} characters when positive. */
	public record Part(int field, int prefix) {

		String key(Records records, int record) {
			Object value = records.value(this.field, record);
			if (value == null) {
				return null;
			}
			String key = records.comparison(this.field).blockingKey(value);
			if (key == null || key.isEmpty()) {
				return null;
			}
			return (this.prefix > 0 && key.length() > this.prefix) ? key.substring(0, this.prefix) : key;
		}

	}

}
