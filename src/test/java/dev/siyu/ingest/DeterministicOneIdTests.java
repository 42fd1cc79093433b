package dev.siyu.ingest;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import dev.siyu.shared.TenantId;
import dev.siyu.tenant.Tenants;
import dev.siyu.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One ID links made while importing: strong identifiers link, weak ones never, hubs are
 * quarantined.
 */
@IntegrationTest
class DeterministicOneIdTests {

	@Autowired
	Imports imports;

	@Autowired
	Tenants tenants;

	@Autowired
	TenantStatistics statistics;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path dir;

	TenantId tenant;

	@BeforeEach
	void newTenant() {
		this.tenant = this.tenants.create(uniqueName(), null).tenant().id();
	}

	@Test
	void accountsOnDifferentPlatformsSharingAFullPhoneBecomeOnePerson() {
		importFiles(this.tenant, "taobao",
				ExportFixture.taobaoOrders()
					.order("1")
					.set("买家会员名", "tb_wang")
					.set("联系手机", "13811110000")
					.writeTo(this.dir));
		importFiles(this.tenant, "jd",
				ExportFixture.jd()
					.order("J1")
					.set("下单帐号", "jd_wang")
					.set("联系电话", "+86 138 1111 0000")
					.writeTo(this.dir));

		TenantStatistics.Counts counts = this.statistics.of(this.tenant);
		assertThat(counts.accounts()).isEqualTo(2);
		assertThat(counts.persons()).isEqualTo(1);
		assertThat(this.jdbc
			.sql("""
					select l.rule || ':' || i.kind || ':' || i.masked from identity_link l join identifier i on i.id = l.identifier_id
					join account a on a.id = l.account_id where a.tenant_id = ? and a.account_key = 'jd_wang' and l.ended_at is null""")
			.param(this.tenant.value())
			.query(String.class)
			.single()).isEqualTo("shared_identifier:phone:138****0000");
		assertThat(this.jdbc.sql("select count(*) from person_merge where tenant_id = ?")
			.param(this.tenant.value())
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void maskedAndVirtualPhonesNeverLinkAccounts() {
		importFiles(this.tenant, "taobao",
				ExportFixture.taobaoOrders()
					.order("1")
					.set("买家会员名", "a")
					.set("联系手机", "138****0000")
					.order("2")
					.set("买家会员名", "b")
					.set("联系手机", "138****0000")
					.order("3")
					.set("买家会员名", "c")
					.set("联系手机", "18877771111-123")
					.order("4")
					.set("买家会员名", "d")
					.set("联系手机", "18877771111-123")
					.writeTo(this.dir));

		assertThat(this.statistics.of(this.tenant).persons()).isEqualTo(4);
		assertThat(this.jdbc.sql("select count(*) from identifier where tenant_id = ? and not strong")
			.param(this.tenant.value())
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void aPhoneSharedByMoreBuyersThanTheThresholdIsQuarantinedInsteadOfMergingThem() {
		ExportFixture export = ExportFixture.taobaoOrders();
		for (int i = 0; i < 25; i++) {
			export.order("H" + i).set("买家会员名", "buyer" + i).set("联系手机", "13800000000");
		}
		importFiles(this.tenant, "taobao", export.writeTo(this.dir));

		assertThat(this.statistics.of(this.tenant).persons()).isEqualTo(25);
		assertThat(
				this.jdbc.sql("select account_count from identifier where tenant_id = ? and quarantined_at is not null")
					.param(this.tenant.value())
					.query(Integer.class)
					.list())
			.containsExactly(25);
	}

	@Test
	void anIdentifierThatBecomesAHubLaterSplitsThePersonsItHadJoined() {
		ExportFixture first = ExportFixture.taobaoOrders();
		for (int i = 0; i < 15; i++) {
			first.order("A" + i).set("买家会员名", "buyer" + i).set("联系手机", "13800000000");
		}
		importFiles(this.tenant, "taobao", first.writeTo(this.dir));
		assertThat(this.statistics.of(this.tenant).persons()).isEqualTo(1);

		ExportFixture second = ExportFixture.taobaoOrders();
		for (int i = 15; i < 25; i++) {
			second.order("A" + i).set("买家会员名", "buyer" + i).set("联系手机", "13800000000");
		}
		importFiles(this.tenant, "taobao", second.named("ExportOrderList202402.csv").writeTo(this.dir));

		assertThat(this.statistics.of(this.tenant).persons()).isEqualTo(25);
		assertThat(this.jdbc.sql("select count(distinct person_id) from account where tenant_id = ?")
			.param(this.tenant.value())
			.query(Long.class)
			.single()).isEqualTo(25);
	}

	@Test
	void aChainOfSharedIdentifiersJoinsEveryAccountOnIt() {
		importFiles(this.tenant, "taobao",
				ExportFixture.taobaoOrders()
					.order("1")
					.set("买家会员名", "a")
					.set("联系手机", "13811110001")
					.order("2")
					.set("买家会员名", "b")
					.set("联系手机", "13811110002")
					.writeTo(this.dir));
		assertThat(this.statistics.of(this.tenant).persons()).isEqualTo(2);

		importFiles(this.tenant, "taobao",
				ExportFixture.taobaoOrders()
					.order("3")
					.set("买家会员名", "a")
					.set("联系手机", "13811110002")
					.named("ExportOrderList202402.csv")
					.writeTo(this.dir));

		assertThat(this.statistics.of(this.tenant).persons()).isEqualTo(1);
		assertThat(this.jdbc.sql("select count(*) from person where tenant_id = ? and merged_into is not null")
			.param(this.tenant.value())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void brandsOfAGroupShareOneIdOnlyWhenTheGroupSwitchesItOn() {
		String group = uniqueName();
		this.tenants.createGroup(group, "group", false);
		TenantId brandA = this.tenants.createBrand(uniqueName(), "A", group).tenant().id();
		TenantId brandB = this.tenants.createBrand(uniqueName(), "B", group).tenant().id();
		importFiles(brandA, "taobao",
				ExportFixture.taobaoOrders()
					.order("1")
					.set("买家会员名", "x")
					.set("联系手机", "13822220000")
					.writeTo(this.dir.resolve("a")));
		importFiles(brandB, "jd",
				ExportFixture.jd()
					.order("J1")
					.set("下单帐号", "y")
					.set("联系电话", "13822220000")
					.writeTo(this.dir.resolve("b")));
		assertThat(personOfOrder(brandA, "1")).isNotEqualTo(personOfOrder(brandB, "J1"));

		String shared = uniqueName();
		this.tenants.createGroup(shared, "shared group", true);
		TenantId brandC = this.tenants.createBrand(uniqueName(), "C", shared).tenant().id();
		TenantId brandD = this.tenants.createBrand(uniqueName(), "D", shared).tenant().id();
		importFiles(brandC, "taobao",
				ExportFixture.taobaoOrders()
					.order("1")
					.set("买家会员名", "x")
					.set("联系手机", "13833330000")
					.writeTo(this.dir.resolve("c")));
		importFiles(brandD, "jd",
				ExportFixture.jd()
					.order("J1")
					.set("下单帐号", "y")
					.set("联系电话", "13833330000")
					.writeTo(this.dir.resolve("d")));
		assertThat(personOfOrder(brandC, "1")).isEqualTo(personOfOrder(brandD, "J1"));
		assertThat(this.statistics.of(brandD).persons()).isEqualTo(1);
	}

	private long personOfOrder(TenantId tenant, String orderNo) {
		return this.jdbc
			.sql("select a.person_id from orders o join account a on a.id = o.account_id "
					+ "where o.tenant_id = ? and o.order_no = ?")
			.params(tenant.value(), orderNo)
			.query(Long.class)
			.single();
	}

	private void importFiles(TenantId tenant, String source, Path file) {
		this.imports.importFiles(tenant, source, null, List.of(file), ImportProgress.NONE);
	}

	private static String uniqueName() {
		return "t-" + UUID.randomUUID().toString().substring(0, 8);
	}

}
