package dev.siyu.ingest;

import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * How the columns of one kind of export file become orders: the same description serves
 * the built-in platform formats and any other source's mapping file.
 */
record Mapping(String name, String platform, Granularity granularity, List<String> detect, ZoneId zone,
		Map<OrderField, List<String>> columns, List<IdentifierColumn> identifiers, Map<String, OrderStatus> statuses,
		boolean amountPerLine) {

	Mapping {
		columns = new EnumMap<>(columns);
		identifiers = List.copyOf(identifiers);
		statuses = Map.copyOf(statuses);
		detect = List.copyOf(detect);
	}

	/**
	 * Whether one row is a whole order, a line of an order, or an item of an order
	 * imported before.
	 */
	enum Granularity {

		ORDER, LINE, ITEMS

	}

	/** A column whose values are identifiers of a kind (phone, unionid, ...). */
	record IdentifierColumn(String kind, List<String> names) {
	}

}
