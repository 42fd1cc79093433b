package dev.siyu.storage;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import dev.siyu.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class TenantPartitionsTests {

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	long tenant;

	@BeforeEach
	void bulkTable() {
		this.jdbc.sql("""
				create table if not exists bulk (
				    id bigint generated always as identity, tenant_id bigint not null, v text not null,
				    primary key (id, tenant_id), unique (tenant_id, v)) partition by list (tenant_id);
				create table if not exists bulk_shared partition of bulk default;
				create table if not exists later (
				    id bigint generated always as identity, tenant_id bigint not null, v text not null,
				    primary key (id, tenant_id)) partition by list (tenant_id);
				create table if not exists later_shared partition of later default""").update();
		this.tenant = ThreadLocalRandom.current().nextLong(1_000_000, 1_000_000_000);
	}

	@Test
	void aTenantWithoutRowsHasItsRowsWrittenAsAPartitionOfItsOwnAndAttachedWithTheIndexesBuilt() {
		String target = inTransaction((partitions, connection) -> {
			String table = partitions.target("bulk", this.tenant);
			copy(connection, table, 1000);
			partitions.attach();
			return table;
		});

		assertThat(target).isEqualTo("bulk_" + this.tenant);
		assertThat(this.jdbc.sql("select count(*) from bulk where tenant_id = ?")
			.param(this.tenant)
			.query(Long.class)
			.single()).isEqualTo(1000);
		assertThat(this.jdbc
			.sql("select count(*) from pg_inherits where inhrelid = ?::regclass and inhparent = 'bulk'::regclass")
			.param(target)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(this.jdbc.sql("select count(*) from pg_indexes where tablename = ?")
			.param(target)
			.query(Long.class)
			.single()).isEqualTo(2);
		long largest = this.jdbc.sql("select max(id) from bulk where tenant_id = ?")
			.param(this.tenant)
			.query(Long.class)
			.single();
		long next = this.jdbc.sql("insert into bulk (tenant_id, v) values (?, 'later') returning id")
			.param(this.tenant)
			.query(Long.class)
			.single();
		assertThat(next).isGreaterThan(largest);
	}

	@Test
	void aTenantWithRowsInTheSharedPartitionWritesIntoTheTable() {
		this.jdbc.sql("insert into bulk (tenant_id, v) values (?, 'earlier')").param(this.tenant).update();

		String target = inTransaction((partitions, connection) -> {
			String table = partitions.target("bulk", this.tenant);
			copy(connection, table, 10);
			partitions.attach();
			return table;
		});

		assertThat(target).isEqualTo("bulk");
		assertThat(this.jdbc.sql("select count(*) from only bulk_shared where tenant_id = ?")
			.param(this.tenant)
			.query(Long.class)
			.single()).isEqualTo(11);
	}

	@Test
	void whileAnotherTransactionHoldsTheSharedPartitionTheRowsGoInThroughItInstead() throws SQLException {
		whileReading("bulk_shared", (patient, connection) -> {
			copy(connection, patient.target("bulk", this.tenant), 100);
			patient.attach();
		});

		assertThat(this.jdbc.sql("select count(*) from only bulk_shared where tenant_id = ?")
			.param(this.tenant)
			.query(Long.class)
			.single()).isEqualTo(100);
		assertThat(this.jdbc.sql("select to_regclass(?) is null")
			.param("bulk_" + this.tenant)
			.query(Boolean.class)
			.single()).isTrue();
	}

	@Test
	void attachingOneTableLeavesTheOthersToBeFilledAndAttachedLater() {
		List<Boolean> attached = inTransaction((partitions, connection) -> {
			String bulk = partitions.target("bulk", this.tenant);
			String later = partitions.target("later", this.tenant);
			copy(connection, bulk, 20);
			partitions.attach("bulk");
			List<Boolean> afterFirst = List.of(isPartition(connection, bulk), isPartition(connection, later));
			copy(connection, partitions.target("later", this.tenant), 30);
			partitions.attach();
			assertThat(isPartition(connection, later)).isTrue();
			return afterFirst;
		});

		assertThat(attached).containsExactly(true, false);
		assertThat(this.jdbc.sql("select count(*) from later_" + this.tenant).query(Long.class).single()).isEqualTo(30);
	}

	@Test
	void whenTheLocksCannotBeHadTheTablesNotYetFilledAreWrittenThroughTheirParents() throws SQLException {
		whileReading("later_shared", (patient, connection) -> {
			copy(connection, patient.target("bulk", this.tenant), 10);
			patient.target("later", this.tenant);
			patient.attach("bulk");
			assertThat(patient.target("later", this.tenant)).isEqualTo("later");
			copy(connection, patient.target("later", this.tenant), 5);
			patient.attach();
		});

		for (String table : List.of("bulk", "later")) {
			assertThat(this.jdbc.sql("select count(*) from only %s_shared where tenant_id = ?".formatted(table))
				.param(this.tenant)
				.query(Long.class)
				.single()).as(table).isEqualTo(table.equals("bulk") ? 10 : 5);
			assertThat(this.jdbc.sql("select to_regclass(?) is null")
				.param(table + "_" + this.tenant)
				.query(Boolean.class)
				.single()).as(table + "'s own table is gone").isTrue();
		}
	}

	/**
	 * Runs the work with partitions that wait half a second for their locks, while
	 * another transaction reads the table.
	 */
	private void whileReading(String table, PatientWork work) throws SQLException {
		try (Connection reader = this.dataSource.getConnection()) {
			reader.setAutoCommit(false);
			try (Statement statement = reader.createStatement()) {
				statement.execute("select count(*) from " + table);
			}
			inTransaction((partitions, connection) -> {
				work.run(new TenantPartitions(connection, Duration.ofMillis(500), true), connection);
				return null;
			});
			reader.rollback();
		}
	}

	private interface PatientWork {

		void run(TenantPartitions patient, Connection connection) throws SQLException;

	}

	private static boolean isPartition(Connection connection, String table) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(
						"select exists (select 1 from pg_inherits where inhrelid = '%s'::regclass)".formatted(table))) {
			rs.next();
			return rs.getBoolean(1);
		}
	}

	@Test
	void twoTenantsAttachingAtOnceBothGetTheirOwnPartitionsTheSecondWaitingForTheFirst() throws Exception {
		long first = this.tenant;
		long second = first + 1;
		CountDownLatch firstAttached = new CountDownLatch(1);
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			Future<String> one = threads.submit(() -> inTransaction((partitions, connection) -> {
				String table = partitions.target("bulk", first);
				copy(connection, table, first, 50);
				partitions.attach();
				firstAttached.countDown();
				// the locks of the attach are held until this transaction ends
				Thread.sleep(1500);
				return table;
			}));
			firstAttached.await();
			long start = System.nanoTime();
			Future<String> two = threads.submit(() -> inTransaction((partitions, connection) -> {
				String table = partitions.target("bulk", second);
				copy(connection, table, second, 50);
				partitions.attach();
				return table;
			}));

			assertThat(one.get()).isEqualTo("bulk_" + first);
			assertThat(two.get()).isEqualTo("bulk_" + second);
			assertThat(System.nanoTime() - start).as("the second attach waited for the first transaction")
				.isGreaterThan(500_000_000L);
		}
		finally {
			threads.shutdownNow();
		}
		for (long tenant : new long[] { first, second }) {
			assertThat(this.jdbc.sql("select distinct tableoid::regclass::text from bulk where tenant_id = ?")
				.param(tenant)
				.query(String.class)
				.single()).isEqualTo("bulk_" + tenant);
		}
	}

	private void copy(Connection connection, String table, int rows) throws SQLException {
		copy(connection, table, this.tenant, rows);
	}

	private void copy(Connection connection, String table, long tenant, int rows) throws SQLException {
		try (BinaryCopy copy = BinaryCopy.into(connection, table + " (tenant_id, v)")) {
			for (int i = 0; i < rows; i++) {
				copy.row(2).int8(tenant).text("v" + i);
			}
			copy.finish();
		}
	}

	private <T> T inTransaction(Work<T> work) {
		return this.transactions.execute((status) -> {
			Connection connection = DataSourceUtils.getConnection(this.dataSource);
			try {
				return work.run(new TenantPartitions(connection), connection);
			}
			catch (SQLException | InterruptedException ex) {
				throw new IllegalStateException(ex);
			}
			finally {
				DataSourceUtils.releaseConnection(connection, this.dataSource);
			}
		});
	}

	private interface Work<T> {

		T run(TenantPartitions partitions, Connection connection) throws SQLException, InterruptedException;

	}

}
