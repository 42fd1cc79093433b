package dev.siyu.ingest;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The values last computed for a bounded number of keys: a repeat buyer's address is
 * parsed and its receiver encrypted once per import, not once per order.
 */
final class RecentValues<K, V> {

	private final Map<K, V> values;

	RecentValues(int capacity) {
		this.values = new LinkedHashMap<>(1024, 0.75f) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
				return size() > capacity;
			}
		};
	}

	V get(K key, Function<K, V> compute) {
		V value = this.values.get(key);
		if (value == null) {
			value = compute.apply(key);
			this.values.put(key, value);
		}
		return value;
	}

}
