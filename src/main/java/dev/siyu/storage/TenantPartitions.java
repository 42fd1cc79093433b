package dev.siyu.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Tenants' own partitions of the bulk tables, written as plain tables in the caller's
 * transaction and attached together when complete: PostgreSQL then builds their indexes
 * once, by sorting, where rows copied into the shared partition would update every index
 * row by row (decision 0078). A tenant gets one only while it has no rows in the table,
 * and only while the shared partition is small enough for the attach to check quickly.
 */
public final class TenantPartitions {

	/**
	 * Attaching scans the shared partition, locked, for rows of the tenant; beyond this
	 * size the scan would hold up the other tenants too long.
	 */
	static final long MAX_SHARED_BYTES = 512L * 1024 * 1024;

	private final Connection connection;

	/**
	 * How long to try for the locks before the rows go in through the shared partition.
	 */
	private final Duration patience;

	private final boolean own;

	private final Map<String, Partition> partitions = new LinkedHashMap<>();

	public TenantPartitions(Connection connection) {
		this(connection, Duration.ofMinutes(2), true);
	}

	TenantPartitions(Connection connection, Duration patience, boolean own) {
		this.connection = connection;
		this.patience = patience;
		this.own = own;
	}

	/** Partitions that write every table itself. */
	public static TenantPartitions none(Connection connection) {
		return new TenantPartitions(connection, Duration.ZERO, false);
	}

	/**
	 * The partitions holding the tenants' rows of a partitioned table: their own, or the
	 * shared one. Analysing these instead of the table spares the other tenants'.
	 */
	public static List<String> holding(JdbcClient jdbc, String table, Long... tenants) {
		return jdbc.sql("""
				select distinct coalesce(to_regclass(? || '_' || t)::text, ? || '_shared')
				from unnest(?::bigint[]) as t""").params(table, table, tenants).query(String.class).list();
	}

	/**
	 * The table to write a tenant's rows of {@code table} into: a new partition when the
	 * tenant can have one, else the table itself.
	 */
	public String target(String table, long tenant) throws SQLException {
		if (!this.own) {
			return table;
		}
		if (!this.partitions.containsKey(table)) {
			this.partitions.put(table, create(table, tenant));
		}
		Partition partition = this.partitions.get(table);
		return (partition != null) ? partition.name : table;
	}

	private Partition create(String table, long tenant) throws SQLException {
		String name = table + "_" + tenant;
		try (PreparedStatement check = this.connection.prepareStatement("""
				select to_regclass(?) is null
				   and pg_relation_size(?::regclass) <= ?
				   and not exists (select 1 from %s where tenant_id = ?)""".formatted(table))) {
			check.setString(1, name);
			check.setString(2, table + "_shared");
			check.setLong(3, MAX_SHARED_BYTES);
			check.setLong(4, tenant);
			try (ResultSet rs = check.executeQuery()) {
				rs.next();
				if (!rs.getBoolean(1)) {
					return null;
				}
			}
		}
		List<String> statements = new ArrayList<>();
		statements
			.add("create table %s (like %s including defaults, check (tenant_id = %d))".formatted(name, table, tenant));
		// the identity stays the parent's; until attached, the rows take its numbers this
		// way
		try (PreparedStatement identities = this.connection.prepareStatement("""
				select format('alter table %I alter column %I set default nextval(%L::regclass)',
				              ?, attname, pg_get_serial_sequence(?, attname))
				from pg_attribute where attrelid = ?::regclass and attidentity <> '' and not attisdropped""")) {
			identities.setString(1, name);
			identities.setString(2, table);
			identities.setString(3, table);
			try (ResultSet rs = identities.executeQuery()) {
				while (rs.next()) {
					statements.add(rs.getString(1));
				}
			}
		}
		execute(statements);
		return new Partition(table, name, tenant);
	}

	/**
	 * Attaches the partitions. Attaching locks the shared partition against every
	 * tenant's readers, and the parent against other attaches, so all those locks are
	 * taken first and at once, giving way and trying again while anyone holds one: a
	 * reader caught between them would otherwise wait on this transaction in a circle. If
	 * the locks cannot be had for two minutes, the rows go in through the shared
	 * partition instead, and the tables made for them are dropped.
	 */
	public void attach() throws SQLException {
		attach(this.partitions.keySet().toArray(String[]::new));
	}

	/**
	 * Attaches the partitions of the named tables now and leaves the others, still to be
	 * filled, for a later {@link #attach()}. The locks taken are those of every partition
	 * made so far, so attaching the rest takes no new ones. If the locks cannot be had,
	 * every partition made so far gives way to the shared one, and the tables not yet
	 * filled are written through their parents.
	 */
	public void attach(String... tables) throws SQLException {
		List<Partition> pending = this.partitions.values().stream().filter((p) -> p != null && !p.attached).toList();
		List<Partition> now = pending.stream().filter((p) -> List.of(tables).contains(p.parent)).toList();
		if (now.isEmpty()) {
			return;
		}
		List<String> locks = new ArrayList<>();
		for (Partition partition : pending) {
			locks.add("lock table only %s in share update exclusive mode".formatted(partition.parent));
		}
		for (Partition partition : pending) {
			locks.add("lock table %s_shared in access exclusive mode".formatted(partition.parent));
		}
		if (locked(locks)) {
			List<String> attaches = new ArrayList<>();
			for (Partition partition : now) {
				attaches.add("alter table %s attach partition %s for values in (%d)".formatted(partition.parent,
						partition.name, partition.tenant));
			}
			execute(attaches);
			now.forEach((partition) -> partition.attached = true);
		}
		else {
			List<String> copies = new ArrayList<>();
			for (Partition partition : pending) {
				copies.add("insert into %s overriding system value select * from %s".formatted(partition.parent,
						partition.name));
				copies.add("drop table " + partition.name);
				this.partitions.put(partition.parent, null);
			}
			execute(copies);
		}
	}

	private boolean locked(List<String> locks) throws SQLException {
		String before;
		try (Statement statement = this.connection.createStatement();
				ResultSet rs = statement.executeQuery("select current_setting('lock_timeout')")) {
			rs.next();
			before = rs.getString(1);
		}
		long deadline = System.nanoTime() + this.patience.toNanos();
		while (true) {
			Savepoint savepoint = this.connection.setSavepoint();
			try (Statement statement = this.connection.createStatement()) {
				statement.execute("set local lock_timeout = '200ms'");
				for (String lock : locks) {
					statement.execute(lock);
				}
				statement.execute("select set_config('lock_timeout', '" + before.replace("'", "''") + "', true)");
				this.connection.releaseSavepoint(savepoint);
				return true;
			}
			catch (SQLException ex) {
				if (!"55P03".equals(ex.getSQLState())) {
					throw ex;
				}
				this.connection.rollback(savepoint);
			}
			if (System.nanoTime() > deadline) {
				return false;
			}
			try {
				Thread.sleep(ThreadLocalRandom.current().nextLong(50, 500));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new SQLException("interrupted while waiting to attach partitions", ex);
			}
		}
	}

	private void execute(List<String> statements) throws SQLException {
		try (Statement statement = this.connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
	}

	/** A partition being written, of which table, for which tenant. */
	private static final class Partition {

		private final String parent;

		private final String name;

		private final long tenant;

		private boolean attached;

		Partition(String parent, String name, long tenant) {
			this.parent = parent;
			this.name = name;
			this.tenant = tenant;
		}

	}

}
