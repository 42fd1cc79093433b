package dev.siyu.matching;

/**
 * How one kind of field is read and compared. Values are prepared once per record; a
 * comparison returns the index of the best agreement level that holds, the last level
 * meaning "different". A missing value is prepared as null and never compared.
 */
interface Comparison {

	/** The prepared form of a raw cell, or null when it holds nothing usable. */
	Object prepare(String raw);

	/** Names of the agreement levels, best first; the last is "different". */
	String[] levels();

	int compare(Object left, Object right);

	/** The value whose frequency adjusts the weight of an exact agreement. */
	String frequencyKey(Object prepared);

	/** The key records are grouped by when a blocking rule names this field. */
	String blockingKey(Object prepared);

}
