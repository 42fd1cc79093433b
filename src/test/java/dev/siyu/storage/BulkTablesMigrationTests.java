package dev.siyu.storage;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import dev.siyu.testing.IntegrationTest;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An installation upgraded to partitioned bulk tables keeps its rows, ids and keys
 * (decision 0078).
 */
@IntegrationTest
class BulkTablesMigrationTests {

	private static final String DATABASE = "upgrade_from_12_6";

	@Autowired
	LocalPostgres postgres;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void dropDatabase() {
		this.jdbc.sql("drop database if exists " + DATABASE + " with (force)").update();
	}

	@Test
	void rowsWrittenBeforeTheUpgradeStayInTheSharedPartitionsAndNewIdsFollowTheOldOnes() {
		this.jdbc.sql("drop database if exists " + DATABASE + " with (force)").update();
		this.jdbc.sql("create database " + DATABASE).update();
		DataSource upgraded = new DriverManagerDataSource(
				this.postgres.jdbcUrl().replace("/" + LocalPostgres.DATABASE, "/" + DATABASE), this.postgres.user(),
				this.postgres.password());
		migrate(upgraded, "12.6.1");
		JdbcClient before = JdbcClient.create(upgraded);
		before.sql("insert into tenant (name, display_name) values ('brand', 'Brand')").update();
		long tenant = before.sql("select id from tenant").query(Long.class).single();
		before.sql("insert into person (tenant_id) select ? from generate_series(1, 3)").param(tenant).update();
		before.sql("""
				insert into account (tenant_id, platform, account_key, person_id)
				select ?, 'taobao', 'buyer' || id, id from person""").param(tenant).update();
		before.sql("insert into identifier (tenant_id, kind, value_hash, strong) values (?, 'phone', '\\x01', true)")
			.param(tenant)
			.update();
		before.sql("""
				insert into account_identifier (account_id, identifier_id, tenant_id)
				select a.id, i.id, ? from account a, identifier i""").param(tenant).update();
		before.sql("""
				insert into orders (tenant_id, platform, order_no, account_id, status, amount, content_hash)
				select ?, 'taobao', 'T' || id, id, 'completed', 10, '\\x02' from account""").param(tenant).update();
		Map<String, List<Long>> idsBefore = ids(before);

		migrate(upgraded, null);

		JdbcClient after = JdbcClient.create(upgraded);
		assertThat(ids(after)).isEqualTo(idsBefore);
		for (String table : List.of("orders", "person", "account", "identifier", "account_identifier")) {
			assertThat(after.sql("select distinct tableoid::regclass::text from " + table).query(String.class).list())
				.as(table + "'s rows")
				.containsExactly(table + "_shared");
		}
		long newOrder = after.sql("""
				insert into orders (tenant_id, platform, order_no, status, amount, content_hash)
				values (?, 'taobao', 'T-new', 'completed', 1, '\\x03') returning id""")
			.param(tenant)
			.query(Long.class)
			.single();
		assertThat(newOrder).isGreaterThan(idsBefore.get("orders").get(2));
		long newAccount = after
			.sql("""
					insert into account (tenant_id, platform, account_key) values (?, 'taobao', 'buyer-new') returning id""")
			.param(tenant)
			.query(Long.class)
			.single();
		assertThat(newAccount).isGreaterThan(idsBefore.get("account").get(2));
		assertThat(after.sql("""
				insert into orders (tenant_id, platform, order_no, status, amount, content_hash)
				values (?, 'taobao', 'T-new', 'completed', 1, '\\x03') on conflict do nothing""")
			.param(tenant)
			.update()).as("the order number stays unique per tenant and platform").isZero();
		assertThat(after.sql("""
				insert into account (tenant_id, platform, account_key) values (?, 'taobao', 'buyer-new')
				on conflict (tenant_id, platform, account_key) do nothing""").param(tenant).update())
			.as("the account key stays unique per tenant and platform")
			.isZero();
		assertThat(after.sql("""
				insert into identifier (tenant_id, kind, value_hash, strong) values (?, 'phone', '\\x01', true)
				on conflict (tenant_id, kind, value_hash) do nothing""").param(tenant).update())
			.as("the identifier stays unique per tenant and kind")
			.isZero();
		for (String table : List.of("orders", "account", "identifier")) {
			assertThat(after
				.sql("""
						select count(*) from pg_index
						where indrelid = ?::regclass and indkey[0] = (select attnum from pg_attribute
						                                              where attrelid = ?::regclass and attname = 'tenant_id')""")
				.params(table + "_shared", table + "_shared")
				.query(Integer.class)
				.single()).as(table + "_shared has an index by tenant").isPositive();
		}
	}

	private static Map<String, List<Long>> ids(JdbcClient jdbc) {
		return Map.of("orders", jdbc.sql("select id from orders order by id").query(Long.class).list(), "person",
				jdbc.sql("select id from person order by id").query(Long.class).list(), "account",
				jdbc.sql("select id from account order by id").query(Long.class).list(), "identifier",
				jdbc.sql("select id from identifier order by id").query(Long.class).list(), "account_identifier",
				jdbc.sql("select account_id from account_identifier order by 1").query(Long.class).list());
	}

	private static void migrate(DataSource dataSource, String target) {
		var configuration = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration");
		if (target != null) {
			configuration.target(target);
		}
		configuration.load().migrate();
	}

}
