package dev.siyu.identity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import dev.siyu.storage.BinaryCopy;
import dev.siyu.storage.TenantPartitions;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * The accounts of an import into an identity scope that has none yet, gathered in memory
 * while the rows stream past and written once at the end: persons, accounts, identifiers,
 * which account showed which, and the link evidence. The outcome is the one
 * {@link IdentityResolution#absorb} reaches on an empty scope (the same persons, hubs and
 * evidence), without staging tables or look-ups against the graph (decision 0076).
 * Account ids are handed out while reading, so the caller can write rows that refer to
 * them before the persons are known.
 */
public final class FirstAccounts {

	private static final int ID_BLOCK = 65_536;

	/** The tables of the identity graph a first load writes, partitioned by scope. */
	public static final List<String> GRAPH_TABLES = List.of("person", "account", "identifier", "account_identifier");

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	private final ApplicationEventPublisher events;

	private final long scope;

	private final String platform;

	private final int hubThreshold;

	private final Map<String, Integer> priorities;

	private final Set<String> notLinking;

	private final boolean autoMatch;

	private final Map<String, Integer> accounts = new HashMap<>();

	private long[] accountIds = new long[1024];

	private long[] reserved = new long[0];

	private int nextReserved;

	private final Map<IdentifierKey, Integer> identifiers = new HashMap<>();

	private final List<SeenIdentifier> identifierValues = new ArrayList<>();

	/**
	 * (account number << 32 | identifier number) for every sighting, repeats included.
	 */
	private long[] sightings = new long[1024];

	private int sightingCount;

	FirstAccounts(JdbcClient jdbc, DataSource dataSource, ApplicationEventPublisher events, long scope, String platform,
			int hubThreshold, Map<String, Integer> priorities, Set<String> notLinking, boolean autoMatch) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.events = events;
		this.scope = scope;
		this.platform = platform;
		this.hubThreshold = hubThreshold;
		this.priorities = priorities;
		this.notLinking = notLinking;
		this.autoMatch = autoMatch;
	}

	/** The id of the buyer account with this key, new the first time it is seen. */
	public long account(String key) {
		Integer number = this.accounts.get(key);
		if (number != null) {
			return this.accountIds[number];
		}
		int added = this.accounts.size();
		if (added == this.accountIds.length) {
			this.accountIds = Arrays.copyOf(this.accountIds, added * 2);
		}
		this.accountIds[added] = nextAccountId();
		this.accounts.put(key, added);
		return this.accountIds[added];
	}

	/**
	 * Records that the account (by its key) showed an identifier: its blind index,
	 * ciphertext (or null), masked form and whether it is strong.
	 */
	public void identifier(String accountKey, String kind, byte[] valueHash, byte[] valueEnc, String masked,
			boolean strong) {
		int account = this.accounts.get(accountKey);
		IdentifierKey key = new IdentifierKey(kind, valueHash);
		Integer number = this.identifiers.get(key);
		if (number == null) {
			number = this.identifierValues.size();
			this.identifiers.put(key, number);
			this.identifierValues.add(new SeenIdentifier(kind, valueHash, valueEnc, masked, strong));
		}
		else if (strong && !this.identifierValues.get(number).strong) {
			SeenIdentifier seen = this.identifierValues.get(number);
			this.identifierValues.set(number, new SeenIdentifier(kind, valueHash, seen.enc, seen.masked, true));
		}
		if (this.sightingCount == this.sightings.length) {
			this.sightings = Arrays.copyOf(this.sightings, this.sightingCount * 2);
		}
		this.sightings[this.sightingCount++] = ((long) account << 32) | number;
	}

	/**
	 * Roughly how much heap the accounts gathered so far hold: their keys, identifiers
	 * with blind index and ciphertext, and sightings, with the maps around them.
	 */
	public long approximateBytes() {
		return this.accounts.size() * 140L + this.identifierValues.size() * 300L + this.sightings.length * 8L;
	}

	/**
	 * The tables of the graph this writes in the scope's own partitions where it can have
	 * them; made now, so the caller can lock them with the rest before they are filled.
	 */
	public void claimTables(TenantPartitions tables) throws SQLException {
		for (String table : GRAPH_TABLES) {
			tables.target(table, this.scope);
		}
	}

	/**
	 * Links the accounts in memory (who is one person, which identifiers are hubs) and
	 * takes ids for the persons and identifiers, on connections of its own: the caller's
	 * may be busy meanwhile. Nothing is written until {@link Linked#write}.
	 */
	public Linked link() {
		int accountCount = this.accounts.size();
		long[] edges = distinctSightings();
		int identifierCount = this.identifierValues.size();
		int[] accountsPerIdentifier = new int[identifierCount];
		for (long edge : edges) {
			accountsPerIdentifier[(int) edge]++;
		}
		int[] identifierOrder = indexOrder(identifierCount);
		long[] identifierIds = idsInOrder(identifierOrder);
		AccountIndex index = new AccountIndex(accountCount);
		for (int a = 0; a < accountCount; a++) {
			index.indexOf(this.accountIds[a]);
		}
		IdentifierEdges linking = new IdentifierEdges(edges.length);
		List<Long> hubs = new ArrayList<>();
		List<Integer> hubSizes = new ArrayList<>();
		boolean[] hub = new boolean[identifierCount];
		for (int i = 0; i < identifierCount; i++) {
			if (this.identifierValues.get(i).strong && accountsPerIdentifier[i] > this.hubThreshold) {
				hub[i] = true;
				hubs.add(identifierIds[i]);
				hubSizes.add(accountsPerIdentifier[i]);
			}
		}
		for (long edge : edges) {
			int identifier = (int) edge;
			SeenIdentifier seen = this.identifierValues.get(identifier);
			if (seen.strong && !hub[identifier] && !this.notLinking.contains(seen.kind)) {
				linking.add(identifierIds[identifier], (int) (edge >>> 32),
						this.priorities.getOrDefault(seen.kind, IdentityRules.OTHER_PRIORITY));
			}
		}
		AccountSets sets = AccountSets.connect(index, linking, DoNotLink.none(), this.hubThreshold);
		String[] keys = new String[accountCount];
		this.accounts.forEach((key, a) -> keys[a] = key);
		int[] byKey = inKeyOrder(keys);
		int[] personOf = new int[accountCount];
		int persons = 0;
		int[] personOfRoot = new int[accountCount];
		Arrays.fill(personOfRoot, -1);
		for (int a : byKey) {
			int root = sets.sets.find(a);
			if (personOfRoot[root] < 0) {
				personOfRoot[root] = persons++;
			}
			personOf[a] = personOfRoot[root];
		}
		return new Linked(edges, identifierOrder, identifierIds, hubs, hubSizes, sets, keys, byKey, personOf,
				ids("person", persons));
	}

	/** The accounts linked, with every id taken, ready to be written. */
	public final class Linked {

		private final long[] edges;

		private final int[] identifierOrder;

		private final long[] identifierIds;

		private final List<Long> hubs;

		private final List<Integer> hubSizes;

		private final AccountSets sets;

		private final String[] keys;

		private final int[] byKey;

		private final int[] personOf;

		private final long[] personIds;

		private Linked(long[] edges, int[] identifierOrder, long[] identifierIds, List<Long> hubs,
				List<Integer> hubSizes, AccountSets sets, String[] keys, int[] byKey, int[] personOf,
				long[] personIds) {
			this.edges = edges;
			this.identifierOrder = identifierOrder;
			this.identifierIds = identifierIds;
			this.hubs = hubs;
			this.hubSizes = hubSizes;
			this.sets = sets;
			this.keys = keys;
			this.byKey = byKey;
			this.personOf = personOf;
			this.personIds = personIds;
		}

		/**
		 * Writes the graph in the caller's transaction, in the scope's new partitions
		 * where it has them (which the caller attaches), and tells who listens that
		 * accounts were absorbed.
		 */
		public LinkSummary write(String madeBy, TenantPartitions tables) {
			Connection connection = DataSourceUtils.getConnection(FirstAccounts.this.dataSource);
			try {
				return write(connection, madeBy, tables);
			}
			catch (SQLException ex) {
				throw new IllegalStateException("cannot write the accounts: " + ex.getMessage(), ex);
			}
			finally {
				DataSourceUtils.releaseConnection(connection, FirstAccounts.this.dataSource);
			}
		}

		private LinkSummary write(Connection connection, String madeBy, TenantPartitions tables) throws SQLException {
			FirstAccounts accounts = FirstAccounts.this;
			long scope = accounts.scope;
			int accountCount = this.keys.length;
			int identifierCount = this.identifierIds.length;
			int persons = this.personIds.length;
			try (BinaryCopy rows = BinaryCopy.into(connection, tables.target("person", scope) + " (id, tenant_id)")) {
				for (long id : this.personIds) {
					rows.row(2).int8(id).int8(scope);
				}
				rows.finish();
			}
			try (BinaryCopy rows = BinaryCopy.into(connection,
					tables.target("account", scope) + " (id, tenant_id, platform, account_key, person_id)")) {
				for (int a : this.byKey) {
					rows.row(5)
						.int8(accounts.accountIds[a])
						.int8(scope)
						.text(accounts.platform)
						.text(this.keys[a])
						.int8(this.personIds[this.personOf[a]]);
				}
				rows.finish();
			}
			try (BinaryCopy rows = BinaryCopy.into(connection, tables.target("identifier", scope)
					+ " (id, tenant_id, kind, value_hash, value_enc, masked, strong)")) {
				for (int i : this.identifierOrder) {
					SeenIdentifier seen = accounts.identifierValues.get(i);
					rows.row(7)
						.int8(this.identifierIds[i])
						.int8(scope)
						.text(seen.kind)
						.bytes(seen.hash)
						.bytes(seen.enc)
						.text(seen.masked)
						.bool(seen.strong);
				}
				rows.finish();
			}
			try (BinaryCopy rows = BinaryCopy.into(connection,
					tables.target("account_identifier", scope) + " (account_id, identifier_id, tenant_id)")) {
				for (long edge : this.edges) {
					rows.row(3)
						.int8(accounts.accountIds[(int) (edge >>> 32)])
						.int8(this.identifierIds[(int) edge])
						.int8(scope);
				}
				rows.finish();
			}
			try (BinaryCopy rows = BinaryCopy.into(connection,
					"identity_link (tenant_id, account_id, person_id, rule, identifier_id, linked_with, made_by)")) {
				for (int a = 0; a < accountCount; a++) {
					if (this.sets.linkedWith[a] < 0) {
						continue;
					}
					rows.row(7)
						.int8(scope)
						.int8(accounts.accountIds[a])
						.int8(this.personIds[this.personOf[a]])
						.text("shared_identifier")
						.int8(this.sets.viaIdentifier[a])
						.int8(accounts.accountIds[this.sets.linkedWith[a]])
						.text(madeBy);
				}
				rows.finish();
			}
			if (!this.hubs.isEmpty()) {
				accounts.jdbc
					.sql("""
							update %s i set quarantined_at = now(), account_count = hub.n
							from unnest(?::bigint[], ?::int[]) as hub (id, n) where i.id = hub.id"""
						.formatted(tables.target("identifier", scope)))
					.params(this.hubs.toArray(Long[]::new), this.hubSizes.toArray(Integer[]::new))
					.update();
			}
			long pending = 0;
			if (accounts.autoMatch) {
				pending = accounts.jdbc.sql("""
						insert into identity_match_pending (tenant_id, person_id)
						select ?, id from unnest(?::bigint[]) as id on conflict do nothing""")
					.params(scope, Arrays.stream(this.personIds).boxed().toArray(Long[]::new))
					.update();
			}
			accounts.events.publishEvent(new AccountsAbsorbed(scope, pending));
			// as the general path counts: every new account's person, less those that
			// linking folded into another
			return new LinkSummary(accountCount, identifierCount, persons, 0, accountCount - persons, this.hubs.size());
		}

	}

	/**
	 * Ids for the identifiers, ascending in the order of the table's unique index (blind
	 * index, kind), so writing them in that order appends to both its indexes instead of
	 * inserting at random.
	 */
	private long[] idsInOrder(int[] order) {
		long[] reserved = ids("identifier", order.length);
		long[] ids = new long[order.length];
		for (int rank = 0; rank < order.length; rank++) {
			ids[order[rank]] = reserved[rank];
		}
		return ids;
	}

	/**
	 * The identifiers by blind index and kind. Sorted as packed longs (the first 35 bits
	 * of the blind index, the kind, the identifier's number), which is exact enough: an
	 * order slightly off costs a few random inserts, never a wrong row.
	 */
	private int[] indexOrder(int count) {
		List<String> kinds = this.identifierValues.stream().map(SeenIdentifier::kind).distinct().sorted().toList();
		int[] order = new int[count];
		if (kinds.size() > 15 || count >= (1 << 24)) {
			for (int i = 0; i < count; i++) {
				order[i] = i;
			}
			return order;
		}
		long[] packed = new long[count];
		for (int i = 0; i < count; i++) {
			SeenIdentifier seen = this.identifierValues.get(i);
			long prefix = 0;
			for (int b = 0; b < 5 && b < seen.hash.length; b++) {
				prefix = (prefix << 8) | (seen.hash[b] & 0xff);
			}
			packed[i] = ((prefix >>> 5) << 28) | ((long) kinds.indexOf(seen.kind) << 24) | i;
		}
		Arrays.sort(packed);
		for (int rank = 0; rank < count; rank++) {
			order[rank] = (int) (packed[rank] & ((1 << 24) - 1));
		}
		return order;
	}

	/**
	 * The account numbers by account key: written in that order, the accounts append to
	 * the index on their key, and persons numbered in it to the one on the person,
	 * leaving only the primary key to take inserts at random.
	 */
	private static int[] inKeyOrder(String[] keys) {
		Integer[] order = new Integer[keys.length];
		for (int a = 0; a < keys.length; a++) {
			order[a] = a;
		}
		Arrays.sort(order, (a, b) -> keys[a].compareTo(keys[b]));
		int[] sorted = new int[keys.length];
		for (int i = 0; i < keys.length; i++) {
			sorted[i] = order[i];
		}
		return sorted;
	}

	/** The sightings without repeats, sorted. */
	private long[] distinctSightings() {
		long[] sorted = Arrays.copyOf(this.sightings, this.sightingCount);
		this.sightings = null;
		Arrays.sort(sorted);
		int distinct = 0;
		for (int i = 0; i < sorted.length; i++) {
			if (i == 0 || sorted[i] != sorted[i - 1]) {
				sorted[distinct++] = sorted[i];
			}
		}
		return Arrays.copyOf(sorted, distinct);
	}

	private long nextAccountId() {
		if (this.nextReserved == this.reserved.length) {
			this.reserved = reserveAccountIds();
			this.nextReserved = 0;
		}
		return this.reserved[this.nextReserved++];
	}

	/**
	 * Account ids are needed while the caller's connection is busy copying rows that
	 * refer to them, so they come from the sequence on a connection of their own; a
	 * sequence hands out each number once, whatever becomes of the transaction.
	 */
	private long[] reserveAccountIds() {
		return ids("account", ID_BLOCK);
	}

	private long[] ids(String table, int count) {
		try (Connection connection = this.dataSource.getConnection()) {
			return ids(connection, table, count);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("cannot reserve " + table + " ids: " + ex.getMessage(), ex);
		}
	}

	private static long[] ids(Connection connection, String table, int count) throws SQLException {
		long[] ids = new long[count];
		if (count == 0) {
			return ids;
		}
		try (PreparedStatement statement = connection
			// offset 0 keeps the look-up of the sequence from being repeated on every row
			.prepareStatement(
					"select nextval(q.seq) from (select pg_get_serial_sequence(?, 'id')::regclass as seq offset 0) q, "
							+ "generate_series(1, ?)")) {
			statement.setString(1, table);
			statement.setInt(2, count);
			try (ResultSet rs = statement.executeQuery()) {
				int i = 0;
				while (rs.next()) {
					ids[i++] = rs.getLong(1);
				}
			}
		}
		return ids;
	}

	private record IdentifierKey(String kind, byte[] hash) {

		@Override
		public boolean equals(Object other) {
			return other instanceof IdentifierKey key && this.kind.equals(key.kind)
					&& Arrays.equals(this.hash, key.hash);
		}

		@Override
		public int hashCode() {
			return 31 * this.kind.hashCode() + Arrays.hashCode(this.hash);
		}

	}

	private record SeenIdentifier(String kind, byte[] hash, byte[] enc, String masked, boolean strong) {
	}

}
