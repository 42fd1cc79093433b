package dev.siyu.ingest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A mapping bound to the header of one file: which column index holds each field. Header
 * names are compared without any white space and case, since exports add stray spaces.
 * Where a mapping names alternatives for a field and the file has several of them, the
 * first holds the field and the others stand in for it in rows where it is empty.
 */
final class HeaderMatch {

	private static final int[] NONE = {};

	final Mapping mapping;

	/**
	 * The column of each field by its ordinal, -1 where absent; arrays, as they are read
	 * for every cell.
	 */
	private final int[] indexes = new int[OrderField.values().length];

	/** The columns standing in for each field by its ordinal. */
	private final int[][] standIns = new int[OrderField.values().length][];

	private final Map<OrderField, String> names = new EnumMap<>(OrderField.class);

	final List<BoundIdentifier> identifiers = new ArrayList<>();

	private final List<String> missing = new ArrayList<>();

	/**
	 * Read columns whose name the header has more than once, each with the index of a
	 * namesake: {index, namesake}.
	 */
	final List<int[]> namesakes = new ArrayList<>();

	private HeaderMatch(Mapping mapping, List<String> header) {
		this.mapping = mapping;
		Arrays.fill(this.indexes, -1);
		Arrays.fill(this.standIns, NONE);
		Map<String, Integer> positions = new HashMap<>();
		for (int i = 0; i < header.size(); i++) {
			positions.putIfAbsent(normalize(header.get(i)), i);
		}
		for (Map.Entry<OrderField, List<String>> column : mapping.columns().entrySet()) {
			List<Integer> present = new ArrayList<>();
			for (String name : column.getValue()) {
				Integer index = positions.get(normalize(name));
				if (index != null && !present.contains(index)) {
					present.add(index);
				}
			}
			if (!present.isEmpty()) {
				this.indexes[column.getKey().ordinal()] = present.get(0);
				this.names.put(column.getKey(), header.get(present.get(0)).trim());
				this.standIns[column.getKey().ordinal()] = present.subList(1, present.size())
					.stream()
					.mapToInt(Integer::intValue)
					.toArray();
			}
		}
		for (Mapping.IdentifierColumn identifier : mapping.identifiers()) {
			for (String name : identifier.names()) {
				Integer index = positions.get(normalize(name));
				if (index != null) {
					this.identifiers.add(new BoundIdentifier(identifier.kind(), index, header.get(index).trim()));
					break;
				}
			}
		}
		for (String detect : mapping.detect()) {
			if (!positions.containsKey(normalize(detect))) {
				this.missing.add(detect);
			}
		}
		findNamesakes(header);
		requireAll(OrderField.ORDER_ID);
		switch (mapping.granularity()) {
			case ITEMS -> {
				requireAny(OrderField.TITLE, OrderField.SKU);
				requireAll(OrderField.QUANTITY);
			}
			case ORDER, LINE -> {
				if (!has(OrderField.AMOUNT) && !(has(OrderField.UNIT_PRICE) && has(OrderField.QUANTITY))) {
					requireAll(OrderField.AMOUNT);
				}
				requireAny(OrderField.CREATED_AT, OrderField.PAID_AT);
			}
			default -> throw new IllegalStateException(mapping.granularity().name());
		}
	}

	/**
	 * Finds the read columns whose name the header has twice; a namesake stands in for a
	 * field's column where that is empty.
	 */
	private void findNamesakes(List<String> header) {
		List<Integer> read = new ArrayList<>();
		Arrays.stream(this.indexes).filter((index) -> index >= 0).forEach(read::add);
		Arrays.stream(this.standIns).forEach((others) -> Arrays.stream(others).forEach(read::add));
		this.identifiers.forEach((identifier) -> read.add(identifier.index()));
		for (int index : read.stream().distinct().sorted().toList()) {
			String name = normalize(header.get(index));
			for (int other = 0; other < header.size(); other++) {
				if (other != index && !name.isEmpty() && normalize(header.get(other)).equals(name)) {
					this.namesakes.add(new int[] { index, other });
				}
			}
		}
		for (int field = 0; field < this.indexes.length; field++) {
			for (int[] pair : this.namesakes) {
				if (pair[0] == this.indexes[field]) {
					int[] others = this.standIns[field];
					int[] more = Arrays.copyOf(others, others.length + 1);
					more[others.length] = pair[1];
					this.standIns[field] = more;
				}
			}
		}
	}

	static HeaderMatch of(Mapping mapping, List<String> header) {
		return new HeaderMatch(mapping, header);
	}

	boolean complete() {
		return this.missing.isEmpty();
	}

	/** The columns (by the mapping's first name for each) this file lacks. */
	List<String> missing() {
		return this.missing;
	}

	boolean has(OrderField field) {
		return this.indexes[field.ordinal()] >= 0;
	}

	int index(OrderField field) {
		return this.indexes[field.ordinal()];
	}

	/** The other columns that hold the field where its own column is empty. */
	int[] standIns(OrderField field) {
		return this.standIns[field.ordinal()];
	}

	String columnName(OrderField field) {
		return this.names.getOrDefault(field, field.key());
	}

	private void requireAll(OrderField field) {
		if (!has(field)) {
			lacks(names(field), String.join("/", names(field)));
		}
	}

	/**
	 * Adds a requirement to what the file lacks, unless one of its column names is
	 * already listed as lacking.
	 */
	private void lacks(List<String> anyOf, String shown) {
		for (String name : anyOf) {
			if (this.missing.contains(name)) {
				return;
			}
		}
		this.missing.add(shown);
	}

	private List<String> names(OrderField field) {
		return this.mapping.columns().containsKey(field) ? this.mapping.columns().get(field) : List.of(field.key());
	}

	private void requireAny(OrderField first, OrderField second) {
		if (!has(first) && !has(second)) {
			List<String> names = new ArrayList<>(names(first));
			names.addAll(names(second));
			lacks(names, String.join("/", names(first)) + " or " + String.join("/", names(second)));
		}
	}

	static String normalize(String name) {
		StringBuilder out = new StringBuilder(name.length());
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (!Character.isWhitespace(c) && !Character.isSpaceChar(c) && c != '\ufeff' && c != '"') {
				out.append(Character.toLowerCase(c));
			}
		}
		return out.toString();
	}

	/** An identifier column found in this file. */
	record BoundIdentifier(String kind, int index, String column) {
	}

}
