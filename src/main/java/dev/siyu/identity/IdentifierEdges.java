package dev.siyu.identity;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * Which account shows which identifier, as two primitive arrays: a key per edge (the
 * identifier id and its priority in the low seven bits) and the dense number of the
 * account. Sorted by key, the accounts sharing an identifier lie next to each other.
 */
final class IdentifierEdges {

	static final int PRIORITY_BITS = 7;

	private long[] keys;

	private int[] accounts;

	private int size;

	IdentifierEdges(int expected) {
		this.keys = new long[Math.max(16, expected)];
		this.accounts = new int[this.keys.length];
	}

	/**
	 * Streams {@code (identifier_id, account_id, priority)} rows of a query; rows of
	 * accounts the index does not know are skipped.
	 */
	static IdentifierEdges read(Connection connection, String query, AccountIndex index, int expected)
			throws SQLException {
		IdentifierEdges edges = new IdentifierEdges(expected);
		try (CopyRows rows = CopyRows.of(connection, query)) {
			while (rows.next()) {
				long identifier = rows.number();
				int account = index.find(rows.number());
				long priority = rows.number();
				if (account >= 0) {
					edges.add(identifier, account, (int) priority);
				}
			}
		}
		return edges;
	}

	/**
	 * Streams the same rows without an index, keeping the account ids as they are, so the
	 * identifiers can be read while the accounts are still being read on another
	 * connection; {@link Raw#numbered} turns them into edges.
	 */
	static Raw readRaw(Connection connection, String query, int expected) throws SQLException {
		Raw raw = new Raw(Math.max(16, expected));
		try (CopyRows rows = CopyRows.of(connection, query)) {
			while (rows.next()) {
				long identifier = rows.number();
				long account = rows.number();
				raw.add(identifier, account, (int) rows.number());
			}
		}
		return raw;
	}

	void add(long identifier, int account, int priority) {
		if (identifier < 0 || identifier >= (1L << (63 - PRIORITY_BITS))) {
			throw new IllegalArgumentException("identifier id out of range: " + identifier);
		}
		if (priority < 0 || priority >= (1 << PRIORITY_BITS)) {
			throw new IllegalArgumentException("identifier priority out of range: " + priority);
		}
		if (this.size == this.keys.length) {
			this.keys = Arrays.copyOf(this.keys, this.size * 2);
			this.accounts = Arrays.copyOf(this.accounts, this.size * 2);
		}
		this.keys[this.size] = (identifier << PRIORITY_BITS) | priority;
		this.accounts[this.size++] = account;
	}

	int size() {
		return this.size;
	}

	long key(int edge) {
		return this.keys[edge];
	}

	int account(int edge) {
		return this.accounts[edge];
	}

	/** Puts the edges in order of identifier (stable). */
	void sort() {
		PairSort.Sorted sorted = PairSort.sort(this.keys, this.accounts, this.size);
		this.keys = sorted.keys();
		this.accounts = sorted.values();
	}

	/** Edges whose accounts are still ids. */
	static final class Raw {

		private long[] keys;

		private long[] accounts;

		private int size;

		private Raw(int expected) {
			this.keys = new long[expected];
			this.accounts = new long[expected];
		}

		private void add(long identifier, long account, int priority) {
			if (this.size == this.keys.length) {
				this.keys = Arrays.copyOf(this.keys, this.size * 2);
				this.accounts = Arrays.copyOf(this.accounts, this.size * 2);
			}
			this.keys[this.size] = identifier;
			this.accounts[this.size++] = ((long) priority << 56) | account;
		}

		/** The edges of the accounts the index knows. */
		IdentifierEdges numbered(AccountIndex index) {
			IdentifierEdges edges = new IdentifierEdges(this.size);
			for (int e = 0; e < this.size; e++) {
				int account = index.find(this.accounts[e] & ((1L << 56) - 1));
				if (account >= 0) {
					edges.add(this.keys[e], account, (int) (this.accounts[e] >>> 56));
				}
			}
			this.keys = null;
			this.accounts = null;
			return edges;
		}

	}

}
