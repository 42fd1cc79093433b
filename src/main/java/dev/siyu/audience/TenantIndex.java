package dev.siyu.audience;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.roaringbitmap.RoaringBitmap;

/**
 * One scope's persons as compressed bitmaps over a dense person number: who is active,
 * every tag, every text attribute value, every numeric attribute as bit slices, every way
 * of reach, and order facts. Readers hold the read lock, changes the write lock.
 */
final class TenantIndex {

	final long scope;

	final LocalDate today;

	final ReadWriteLock lock = new ReentrantReadWriteLock();

	/**
	 * Every fact with an older time was visible when the index was read from PostgreSQL
	 * ({@link PersonFactWatch#WATERMARK}); null for an index built in memory.
	 */
	volatile Instant loadedAt;

	/**
	 * Person ids by dense number, ascending: persons are numbered in the order of their
	 * ids.
	 */
	private long[] personIds = new long[1024];

	private int size;

	final RoaringBitmap active = new RoaringBitmap();

	final Map<Long, RoaringBitmap> tags = new HashMap<>();

	final Map<Attribute, Map<String, RoaringBitmap>> texts = new EnumMap<>(Attribute.class);

	final Map<Attribute, NumericColumn> numbers = new EnumMap<>(Attribute.class);

	final Map<Reach, RoaringBitmap> reach = new EnumMap<>(Reach.class);

	/** Order facts, loaded on first use and dropped when orders or persons change. */
	volatile OrderFacts orders;

	TenantIndex(long scope, LocalDate today) {
		this.scope = scope;
		this.today = today;
		for (Reach way : Reach.values()) {
			this.reach.put(way, new RoaringBitmap());
		}
	}

	/** Bitmaps of the persons' order facts for this index's day. */
	static final class OrderFacts {

		final Map<String, RoaringBitmap> platforms;

		final NumericColumn lastOrderDay;

		final Map<AggregateKey, NumericColumn> aggregates = new ConcurrentHashMap<>();

		OrderFacts(Map<String, RoaringBitmap> platforms, NumericColumn lastOrderDay) {
			this.platforms = platforms;
			this.lastOrderDay = lastOrderDay;
		}

	}

	/**
	 * Which aggregate of which orders: the metric, the window (null for all time), the
	 * filter.
	 */
	record AggregateKey(Expression.OrderMetric metric, Integer days, Expression.OrderFilter filter) {

	}

	/** The number of a person, adding the person when its id is above every known id. */
	int numberOrAdd(long personId) {
		boolean newest = this.size == 0 || personId > this.personIds[this.size - 1];
		int number = newest ? -1 : number(personId);
		if (number >= 0) {
			return number;
		}
		if (this.size > 0 && personId < this.personIds[this.size - 1]) {
			throw new IllegalStateException("person " + personId + " is older than the index; rebuild it");
		}
		if (this.size == this.personIds.length) {
			this.personIds = Arrays.copyOf(this.personIds, this.size * 2);
		}
		this.personIds[this.size] = personId;
		return this.size++;
	}

	/** The number of a person, or -1 when the index does not know it. */
	int number(long personId) {
		int found = Arrays.binarySearch(this.personIds, 0, this.size, personId);
		return (found >= 0) ? found : -1;
	}

	long personId(int number) {
		return this.personIds[number];
	}

	int size() {
		return this.size;
	}

	RoaringBitmap tag(long tagId) {
		return this.tags.computeIfAbsent(tagId, id -> new RoaringBitmap());
	}

	void setText(Attribute attribute, int person, String value) {
		Map<String, RoaringBitmap> values = this.texts.computeIfAbsent(attribute, a -> new HashMap<>());
		for (RoaringBitmap bitmap : values.values()) {
			bitmap.remove(person);
		}
		if (value != null) {
			values.computeIfAbsent(value, v -> new RoaringBitmap()).add(person);
		}
	}

	void setNumber(Attribute attribute, int person, Long value) {
		NumericColumn slices = this.numbers.computeIfAbsent(attribute, a -> new NumericColumn());
		if (value == null) {
			slices.clear(person);
		}
		else {
			slices.set(person, value);
		}
	}

	void setReach(Reach way, int person, boolean reachable) {
		if (reachable) {
			this.reach.get(way).add(person);
		}
		else {
			this.reach.get(way).remove(person);
		}
	}

	/**
	 * Builds the range bitmaps of numeric attributes never built and of those whose
	 * overlay of changes has grown large; called after every change, under the write
	 * lock.
	 */
	void seal() {
		this.numbers.values().forEach(NumericColumn::seal);
	}

	/** Approximate bytes held by the bitmaps. */
	long sizeInBytes() {
		long bytes = (long) this.personIds.length * Long.BYTES + this.active.getLongSizeInBytes();
		for (RoaringBitmap bitmap : this.tags.values()) {
			bytes += bitmap.getLongSizeInBytes();
		}
		for (Map<String, RoaringBitmap> values : this.texts.values()) {
			for (RoaringBitmap bitmap : values.values()) {
				bytes += bitmap.getLongSizeInBytes();
			}
		}
		for (NumericColumn slices : this.numbers.values()) {
			bytes += slices.sizeInBytes();
		}
		for (RoaringBitmap bitmap : this.reach.values()) {
			bytes += bitmap.getLongSizeInBytes();
		}
		return bytes;
	}

}
