package dev.siyu.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.siyu.identity.IdentityRules;
import dev.siyu.privacy.PersonalData;
import dev.siyu.shared.TenantId;
import dev.siyu.synthetic.GenerationRequest;
import dev.siyu.synthetic.Manifest;
import dev.siyu.synthetic.ManifestFile;
import dev.siyu.synthetic.SyntheticBrand;
import dev.siyu.tenant.Tenants;
import dev.siyu.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first load of order files into an empty identity scope ({@link FirstLoad}) ends in
 * the state the general path (staging, merge, absorb) reaches from the same files: every
 * test imports the same files into one new tenant with the first load on and into another
 * with it off, and compares what each holds in a form free of generated ids.
 */
@IntegrationTest
class FirstLoadTests {

	private static final HexFormat HEX = HexFormat.of();

	/**
	 * What must hold on either path, each a count of the rows that break it: parameters
	 * tenant, scope, tenant and then the scope six times.
	 */
	private static final String BROKEN_REFERENCES = """
			select 'order without its account', count(*) from orders o
			where o.tenant_id = ? and o.account_id is not null
			  and not exists (select 1 from account a where a.id = o.account_id and a.tenant_id = ? and a.platform = o.platform)
			union all select 'order without its shop', count(*) from orders o
			where o.tenant_id = ? and o.shop_id is not null
			  and not exists (select 1 from shop s where s.id = o.shop_id and s.tenant_id = o.tenant_id)
			union all select 'account without a live person', count(*) from account a
			where a.tenant_id = ?
			  and not exists (select 1 from person p where p.id = a.person_id and p.tenant_id = a.tenant_id
			                  and p.merged_into is null)
			union all select 'person without accounts', count(*) from person p
			where p.tenant_id = ? and p.merged_into is null and not exists (select 1 from account a where a.person_id = p.id)
			union all select 'account identifier dangling', count(*) from account_identifier ai
			where ai.tenant_id = ?
			  and (not exists (select 1 from account a where a.id = ai.account_id and a.tenant_id = ai.tenant_id)
			       or not exists (select 1 from identifier i where i.id = ai.identifier_id and i.tenant_id = ai.tenant_id))
			union all select 'account of a linked person without an open link', count(*) from account a
			where a.tenant_id = ?
			  and not exists (select 1 from identity_link l where l.account_id = a.id and l.ended_at is null)
			  and exists (select 1 from account o where o.person_id = a.person_id and o.id <> a.id)
			union all select 'account with two open links', count(*) from (select account_id from identity_link
			where tenant_id = ? and ended_at is null group by account_id having count(*) > 1) twice
			union all select 'link without evidence both accounts show', count(*) from identity_link l
			left join account a on a.id = l.account_id and a.tenant_id = l.tenant_id
			left join account w on w.id = l.linked_with and w.tenant_id = l.tenant_id
			left join identifier i on i.id = l.identifier_id and i.tenant_id = l.tenant_id
			where l.tenant_id = ? and l.ended_at is null
			  and (a.id is null or w.id is null or i.id is null or l.person_id <> a.person_id
			       or w.person_id <> a.person_id or not i.strong or i.quarantined_at is not null
			       or not exists (select 1 from account_identifier x where x.account_id = a.id and x.identifier_id = i.id)
			       or not exists (select 1 from account_identifier x where x.account_id = w.id and x.identifier_id = i.id))""";

	@TempDir
	static Path generated;

	static Path generatedOrders;

	@Autowired
	Imports imports;

	@Autowired
	Tenants tenants;

	@Autowired
	TenantStatistics statistics;

	@Autowired
	PersonalData personalData;

	@Autowired
	IdentityRules rules;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path dir;

	@BeforeAll
	static void generateABrand() throws IOException {
		Manifest manifest = SyntheticBrand.generate(new GenerationRequest(3000, 5, generated, Set.of("taobao"), 3000),
				null);
		generatedOrders = manifest.files()
			.stream()
			.map(ManifestFile::path)
			.filter((path) -> path.contains("ExportOrderList"))
			.map(generated::resolve)
			.findFirst()
			.orElseThrow();
	}

	@Test
	void aFirstLoadEndsWhereTheGeneralPathEnds() {
		Both both = importIntoBoth(generatedOrders);

		assertThat(both.fast().firstLoad()).as("the first load was taken").isTrue();
		assertThat(both.fast().result().imported()).isEqualTo(3000);
		TenantId general = both.generalTenant();
		assertThat(count("""
				select count(*) from (select person_id from account where tenant_id = ?
				                      group by person_id having count(*) > 1) linked""", general))
			.as("persons with more than one account, which a wrong linking would change")
			.isPositive();
		assertThat(count("select count(*) from identifier where tenant_id = ? and not strong", general))
			.as("masked identifiers, which must not link")
			.isPositive();

		assertThat(this.statistics.of(both.fastTenant())).isEqualTo(this.statistics.of(general));
		for (String table : List.of("orders", "person", "account", "identifier", "account_identifier")) {
			assertThat(partitionOf(table, both.fastTenant())).as("the first load's own partition of " + table)
				.isEqualTo(table + "_" + both.fastTenant().value());
			assertThat(partitionOf(table, general)).as("the general path writes " + table + " itself")
				.isEqualTo(table + "_shared");
		}
	}

	private String partitionOf(String table, TenantId tenant) {
		return this.jdbc.sql("select distinct tableoid::regclass::text from %s where tenant_id = ?".formatted(table))
			.param(tenant.value())
			.query(String.class)
			.single();
	}

	@Test
	void otherPlatformsImportedAfterAFirstLoadLinkAsAfterTheGeneralPath(@TempDir Path brand) throws IOException {
		Manifest manifest = SyntheticBrand.generate(GenerationRequest.of(800, 11, brand), null);
		List<List<ManifestFile>> groups = new ArrayList<>(manifest.imports());
		groups.sort(Comparator.comparing((group) -> group.stream().noneMatch(FirstLoadTests::isTaobaoOrderFile)));
		TenantId fast = newTenant();
		TenantId general = newTenant();

		List<Boolean> firstLoads = new ArrayList<>();
		for (List<ManifestFile> group : groups) {
			ManifestFile first = group.get(0);
			List<Path> files = group.stream().map((file) -> brand.resolve(file.path())).toList();
			Path mapping = (first.mapping() != null) ? brand.resolve(first.mapping()) : null;
			Imported onFast = load(fast, true, first.source(), mapping, files);
			Imported onGeneral = load(general, false, first.source(), mapping, files);
			assertThat(outcome(onFast.result())).as(first.path()).isEqualTo(outcome(onGeneral.result()));
			firstLoads.add(onFast.firstLoad());
		}

		assertThat(groups.get(0)).as("the Taobao order and item files, imported together")
			.anyMatch((file) -> file.path().contains("ExportOrderDetailList"));
		assertThat(firstLoads.get(0)).as("the Taobao orders and items, imported first, take the first load").isTrue();
		assertThat(firstLoads.subList(1, firstLoads.size())).as("the other platforms find accounts")
			.containsOnly(false);
		assertSameState(state(fast), state(general));
		assertThat(count("select count(*) from (select person_id from account where tenant_id = ? "
				+ "group by person_id having count(distinct platform) > 1) across", fast))
			.as("persons with accounts on several platforms")
			.isPositive();
	}

	@Test
	void orderAndItemFilesTogetherLandAsOnTheGeneralPath() throws IOException {
		Path orders = ExportFixture.taobaoOrders()
			.order("7001")
			.set("买家会员名", "anna")
			.order("7002")
			.set("买家会员名", "bob")
			.order("7003")
			.set("买家会员名", "carl")
			.writeTo(this.dir);
		Path items = ExportFixture.taobaoItems()
			.order("7001")
			.set("商家编码", "MILK-950")
			.set("购买数量", "2")
			.order("7001")
			.set("商家编码", "CARD-30")
			.order("7003")
			.order("7001")
			.set("商家编码", "CARD-30")
			.order("7002")
			.set("购买数量", "two")
			.order("7999")
			.writeTo(this.dir);

		Both both = importIntoBoth(orders, items);

		assertThat(both.fast().firstLoad()).isTrue();
		ImportResult result = both.fast().result();
		assertThat(result.imported()).as("7002 is left out whole for its bad item row").isEqualTo(2);
		assertThat(result.items()).isEqualTo(3);
		assertThat(result.repeated()).as("the CARD-30 line of 7001 again, after another order").isEqualTo(1);
		assertThat(result.rejected()).as("the bad quantity, and the item of an unknown order").isEqualTo(2);
		assertThat(result.errorsFile()).content().contains("two").contains("7999");
	}

	@Test
	void reimportingTheFileOfAFirstLoadChangesNothing() {
		TenantId tenant = newTenant();
		Imported first = load(tenant, true, generatedOrders);
		Map<String, List<String>> before = state(tenant);

		Imported again = load(tenant, true, generatedOrders);

		assertThat(first.firstLoad()).isTrue();
		assertThat(again.firstLoad()).as("the tenant has orders now").isFalse();
		assertThat(again.result().unchanged()).isEqualTo(first.result().imported());
		assertThat(again.result().imported()).isZero();
		assertThat(again.result().updated()).isZero();
		assertSameState(state(tenant), before);
	}

	@Test
	void aHubIsQuarantinedAndLinksNobodyOnTheFirstLoadAsOnTheGeneralPath() {
		ExportFixture export = ExportFixture.taobaoOrders();
		for (int i = 0; i < 25; i++) {
			export.order("H" + i).set("买家会员名", "hub" + i).set("联系手机", "13800000000");
		}
		for (int i = 0; i < 20; i++) {
			export.order("T" + i).set("买家会员名", "threshold" + i).set("联系手机", "13600000000");
		}
		export.order("P1").set("买家会员名", "pair1").set("联系手机", "13900000001");
		export.order("P2").set("买家会员名", "pair2").set("联系手机", "13900000001");
		export.order("H0b").set("买家会员名", "hub0").set("联系手机", "13900000002");
		export.order("F1").set("买家会员名", "friend").set("联系手机", "13900000002");

		Both both = importIntoBoth(export.writeTo(this.dir));

		assertThat(both.fast().firstLoad()).isTrue();
		TenantId fast = both.fastTenant();
		assertThat(
				this.jdbc.sql("select account_count from identifier where tenant_id = ? and quarantined_at is not null")
					.param(fast.value())
					.query(Integer.class)
					.list())
			.containsExactly(25);
		assertThat(persons(fast)).contains("friend,hub0", "pair1,pair2").hasSize(25 + 1 + 1);
	}

	@Test
	void anOrderTwiceAlikeInOneFileIsImportedOnceOnTheFirstLoad() {
		Path file = ExportFixture.taobaoOrders()
			.order("1")
			.set("买家会员名", "a")
			.set("联系手机", "13811110001")
			.order("2")
			.set("买家会员名", "b")
			.set("联系手机", "13811110001")
			.order("1")
			.set("买家会员名", "a")
			.set("联系手机", "13811110001")
			.writeTo(this.dir);

		Both both = importIntoBoth(file);

		assertThat(both.fast().firstLoad()).isTrue();
		assertThat(both.fast().result().imported()).isEqualTo(2);
		assertThat(both.fast().result().repeated()).isEqualTo(1);
	}

	@Test
	void timesAndAmountsOfEveryShapeLandAsOnTheGeneralPathAndADaylightSavingHourGivesWay() throws IOException {
		Path mapping = Files.writeString(this.dir.resolve("us-shop.yaml"), """
				name: us-shop
				platform: shopify
				granularity: order
				timezone: America/New_York
				columns:
				  order_id: name
				  buyer_id: customer
				  created_at: created
				  paid_at: paid
				  amount: total
				  freight: shipping
				  discount: discounts
				  refund: refunded
				""");
		List<String> columns = List.of("name", "customer", "created", "paid", "total", "shipping", "discounts",
				"refunded");
		ExportFixture export = ExportFixture.custom("orders.csv", columns)
			.withDefault("created", "2024-06-01 09:30:00")
			.withDefault("total", "10");
		export.order("#1").set("customer", "c1").set("total", "1,299.5").set("shipping", "0.40");
		export.order("#2")
			.set("customer", "c2")
			.set("created", "2024-06-01T09:30:00Z")
			.set("paid", "2024-06-01T17:30:00+08:00");
		export.order("#3").set("customer", "c3").set("total", "-12.340").set("discounts", "0.05").set("refunded", "3");
		export.order("#4").set("customer", "c1").set("created", "45296.37708333").set("total", "99999999.99");
		Path plain = export.writeTo(this.dir.resolve("plain"));
		export.order("#5").set("customer", "c5").set("created", "2024-11-03 01:30:00");
		Path ambiguous = export.writeTo(this.dir.resolve("ambiguous"));

		Both both = importIntoBothWith(mapping, plain);
		Both twice = importIntoBothWith(mapping, ambiguous);

		assertThat(both.fast().firstLoad()).isTrue();
		assertThat(both.fast().result().imported()).isEqualTo(4);
		assertSameState(state(both.fastTenant()), state(both.generalTenant()));
		assertThat(twice.fast().firstLoad()).as("an hour that happens twice is left to the database").isFalse();
		assertSameState(state(twice.fastTenant()), state(twice.generalTenant()));
	}

	@Test
	void anOrderTwiceChangedInOneFileGivesWayAndItsLastVersionWins() throws IOException {
		Path file = ExportFixture.taobaoOrders()
			.order("1")
			.set("买家会员名", "a")
			.set("联系手机", "13811110001")
			.set("订单状态", "卖家已发货，等待买家确认")
			.order("2")
			.set("买家会员名", "b")
			.set("联系手机", "13811110002")
			.order("1")
			.set("买家会员名", "a")
			.set("联系手机", "13811110002")
			.set("订单状态", "交易成功")
			.order("3")
			.set("买家会员名", "c")
			.set("买家实际支付金额", "九十九")
			.writeTo(this.dir);

		Both both = importIntoBoth(file);

		assertThat(both.fast().firstLoad()).as("the first load gives way").isFalse();
		assertThat(both.fast().result().imported()).isEqualTo(2);
		assertThat(both.fast().result().repeated()).isEqualTo(1);
		assertThat(both.fast().result().rejected()).isEqualTo(1);
		assertThat(Files.readAllLines(both.fast().result().errorsFile(), StandardCharsets.UTF_8))
			.as("the rejection reported once, by the general path")
			.hasSize(2)
			.isEqualTo(Files.readAllLines(both.general().result().errorsFile(), StandardCharsets.UTF_8));
		assertThat(this.jdbc.sql("select status from orders where tenant_id = ? and order_no = '1'")
			.param(both.fastTenant().value())
			.query(String.class)
			.single()).isEqualTo("completed");
		assertThat(persons(both.fastTenant())).containsExactly("a,b");
	}

	@Test
	void filesRepeatingMoreOrdersThanAFirstLoadHoldsBackGiveWayMidFile() {
		ExportFixture export = ExportFixture.taobaoOrders();
		for (int pass = 0; pass < 2; pass++) {
			for (int i = 0; i < 10_001; i++) {
				export.order("R" + i).set("买家会员名", "r" + (i % 500)).set("联系手机", "1390000" + (1000 + i % 400));
			}
		}

		Both both = importIntoBoth(export.writeTo(this.dir));

		assertThat(both.fast().firstLoad()).isFalse();
		assertThat(both.fast().result().imported()).isEqualTo(10_001);
		assertThat(both.fast().result().repeated()).isEqualTo(10_001);
	}

	@Test
	void aTenantsIdentityRulesApplyOnTheFirstLoad() {
		Path file = ExportFixture.taobaoOrders()
			.order("1")
			.set("买家会员名", "a")
			.set("联系手机", "13811110001")
			.order("2")
			.set("买家会员名", "b")
			.set("联系手机", "13811110001")
			.writeTo(this.dir);
		TenantId fast = newTenant();
		TenantId general = newTenant();
		for (TenantId tenant : List.of(fast, general)) {
			this.rules.configure(tenant, List.of(new IdentityRules.Rule("phone", false, 2, true)));
		}

		Imported onFast = load(fast, true, file);
		Imported onGeneral = load(general, false, file);

		assertThat(onFast.firstLoad()).isTrue();
		assertThat(outcome(onFast.result())).isEqualTo(outcome(onGeneral.result()));
		assertSameState(state(fast), state(general));
		assertThat(persons(fast)).containsExactlyInAnyOrder("a", "b");
	}

	@Test
	void kindsOfOnePriorityLinkTheSamePersonsOnBothPaths() {
		List<String> columns = List.of("订单编号", "买家会员名", "买家实际支付金额", "订单状态", "订单创建时间", "联系手机", "ouid", "omid");
		ExportFixture export = ExportFixture.custom("ExportOrderList202403.csv", columns)
			.withDefault("买家实际支付金额", "99.00")
			.withDefault("订单状态", "交易成功")
			.withDefault("订单创建时间", "2024-01-05 10:00:00");
		export.order("1").set("买家会员名", "a").set("ouid", "O1").set("omid", "M1");
		export.order("2").set("买家会员名", "b").set("ouid", "O1").set("omid", "M1");
		export.order("3").set("买家会员名", "b").set("联系手机", "13811110001");
		export.order("4").set("买家会员名", "c").set("联系手机", "13811110001").set("omid", "M2");
		for (int i = 0; i < 21; i++) {
			export.order("S" + i).set("买家会员名", "s" + i).set("ouid", "O9").set("omid", (i < 2) ? "M2" : "");
		}
		export.order("5").set("买家会员名", "d").set("ouid", "O1").set("omid", "M1");

		Both both = importIntoBoth(export.writeTo(this.dir));

		assertThat(both.fast().firstLoad()).isTrue();
		assertThat(both.fast().result().rejected()).isZero();
		assertThat(persons(both.fastTenant())).contains("a,b,c,d,s0,s1").hasSize(1 + 19);
		assertThat(this.jdbc.sql(
				"select kind || ':' || account_count from identifier where tenant_id = ? and quarantined_at is not null")
			.param(both.fastTenant().value())
			.query(String.class)
			.list()).containsExactly("ouid:21");
	}

	@Test
	void anOrderFileOfAnyMappingWithAttributesAndOtherKindsLandsAsOnTheGeneralPath() throws IOException {
		Path mapping = Files.writeString(this.dir.resolve("pos.yaml"), """
				name: store-pos
				platform: pos
				granularity: order
				timezone: Asia/Shanghai
				columns:
				  order_id: receipt_no
				  buyer_id: member_no
				  created_at: sold_at
				  status: state
				  amount: total
				  shop_id: store_code
				  receiver_phone: member_mobile
				identifiers:
				  - {kind: phone, column: member_mobile}
				  - {kind: member_no, column: member_no}
				  - {kind: email, column: member_email}
				  - {kind: unionid, column: unionid}
				  - {kind: gender, column: gender}
				statuses:
				  done: completed
				""");
		ExportFixture export = ExportFixture
			.custom("pos.csv",
					List.of("receipt_no", "member_no", "sold_at", "state", "total", "store_code", "member_mobile",
							"member_email", "unionid", "gender"))
			.withDefault("sold_at", "2024-03-01 12:00:00")
			.withDefault("state", "done")
			.withDefault("total", "35.50")
			.withDefault("store_code", "SH-01")
			.withDefault("gender", "女");
		export.order("1").set("member_no", "m1").set("member_email", "lily@example.com");
		export.order("2").set("member_no", "m2").set("member_email", "Lily@Example.com").set("unionid", "u-2");
		export.order("3").set("member_no", "m3").set("unionid", "u-2").set("state", "pending review");
		export.order("4").set("member_no", "m4").set("member_mobile", "13911112222").set("gender", "男");
		export.order("5").set("member_no", "m5").set("member_mobile", "139****2222");
		export.order("6").set("member_no", "").set("member_mobile", "13911112222");
		Path file = export.writeTo(this.dir);
		TenantId fast = newTenant();
		TenantId general = newTenant();

		Imported onFast = load(fast, true, null, mapping, List.of(file));
		Imported onGeneral = load(general, false, null, mapping, List.of(file));

		assertThat(onFast.firstLoad()).isTrue();
		assertThat(outcome(onFast.result())).isEqualTo(outcome(onGeneral.result()));
		assertSameState(state(fast), state(general));
		assertThat(onFast.result().imported()).isEqualTo(6);
		assertThat(persons(fast)).hasSize(3).contains("m1,m2,m3", "m5");
	}

	@Test
	void ordersWithoutABuyerIdOrAShopLandAsOnTheGeneralPath() {
		Path file = ExportFixture.taobaoOrders()
			.order("1")
			.set("买家会员名", "")
			.set("联系手机", "13811110001")
			.order("2")
			.set("买家会员名", "")
			.set("联系手机", "13811110001")
			.set("店铺Id", "")
			.set("店铺名称", "")
			.order("3")
			.set("买家会员名", "")
			.set("联系手机", "")
			.order("4")
			.set("买家会员名", "")
			.set("联系手机", "")
			.set("收货人姓名", "")
			.set("收货地址 ", "")
			.order("5")
			.set("买家会员名", "e")
			.set("店铺Id", "6001")
			.set("店铺名称", "")
			.order("6")
			.set("买家会员名", "f")
			.set("店铺Id", "6001")
			.set("店铺名称", "牧源乳业专卖店")
			.writeTo(this.dir);

		Both both = importIntoBoth(file);

		assertThat(both.fast().firstLoad()).isTrue();
		assertThat(both.fast().result().imported()).isEqualTo(6);
		assertThat(state(both.fastTenant()).get("shops")).contains("taobao|6001|牧源乳业专卖店");
	}

	@Test
	void anOrderThatChangesAndChangesBackWithinTheFilesEndsAsItsLastVersion() {
		Path file = ExportFixture.taobaoOrders()
			.order("1")
			.set("买家会员名", "a")
			.set("联系手机", "13811110001")
			.order("1")
			.set("买家会员名", "a")
			.set("联系手机", "13811110002")
			.set("订单状态", "交易关闭")
			.order("2")
			.set("买家会员名", "b")
			.set("联系手机", "13811110002")
			.order("1")
			.set("买家会员名", "a")
			.set("联系手机", "13811110001")
			.writeTo(this.dir);

		Both both = importIntoBoth(file);

		assertThat(both.fast().result().imported()).isEqualTo(2);
		assertThat(both.fast().result().repeated()).isEqualTo(2);
		assertThat(persons(both.fastTenant())).containsExactlyInAnyOrder("a", "b");
	}

	@Test
	void anOrderInTwoFilesOfOneImportIsImportedOnceOnTheFirstLoad() {
		Path first = ExportFixture.taobaoOrders()
			.order("1")
			.set("买家会员名", "a")
			.order("2")
			.set("买家会员名", "b")
			.set("联系手机", "13811110003")
			.writeTo(this.dir);
		Path second = ExportFixture.taobaoOrders()
			.order("2")
			.set("买家会员名", "b")
			.set("联系手机", "13811110003")
			.order("3")
			.set("买家会员名", "c")
			.set("联系手机", "13811110003")
			.named("ExportOrderList202402.csv")
			.writeTo(this.dir);

		Both both = importIntoBoth(first, second);

		assertThat(both.fast().firstLoad()).isTrue();
		assertThat(both.fast().result().imported()).isEqualTo(3);
		assertThat(both.fast().result().repeated()).isEqualTo(1);
		assertThat(persons(both.fastTenant())).containsExactlyInAnyOrder("a", "b,c");
	}

	@Test
	void theGeneralPathContinuesTheGraphOfAFirstLoad() {
		Path first = ExportFixture.taobaoOrders()
			.order("1")
			.set("买家会员名", "a")
			.set("联系手机", "13811110001")
			.order("2")
			.set("买家会员名", "b")
			.set("联系手机", "13811110001")
			.set("订单状态", "卖家已发货，等待买家确认")
			.order("3")
			.set("买家会员名", "c")
			.set("联系手机", "13811110003")
			.writeTo(this.dir);
		Path later = ExportFixture.taobaoOrders()
			.order("2")
			.set("买家会员名", "b")
			.set("联系手机", "13811110001")
			.set("订单状态", "交易关闭")
			.set("退款金额", "99.00")
			.order("4")
			.set("买家会员名", "d")
			.set("联系手机", "13811110003")
			.named("ExportOrderList202402.csv")
			.writeTo(this.dir);
		TenantId fast = newTenant();
		TenantId general = newTenant();

		Imported fastFirst = load(fast, true, first);
		Imported generalFirst = load(general, false, first);
		Imported fastAgain = load(fast, true, first);
		Imported generalAgain = load(general, false, first);
		Imported fastLater = load(fast, true, later);
		Imported generalLater = load(general, false, later);

		assertThat(fastFirst.firstLoad()).isTrue();
		assertThat(outcome(fastAgain.result())).isEqualTo(outcome(generalAgain.result()));
		assertThat(fastAgain.result().unchanged()).isEqualTo(3);
		assertThat(outcome(fastLater.result())).isEqualTo(outcome(generalLater.result()));
		assertThat(fastLater.result().updated()).isEqualTo(1);
		assertThat(fastLater.result().imported()).isEqualTo(1);
		assertThat(outcome(fastFirst.result())).isEqualTo(outcome(generalFirst.result()));
		assertSameState(state(fast), state(general));
		assertThat(state(fast).get("order changes")).containsExactly("2|shipped|refunded|99.00|99.00|0.00|99.00");
		assertThat(persons(fast)).containsExactlyInAnyOrder("a,b", "c,d");
	}

	@Test
	void aRejectedRowOnTheFirstLoadIsReportedWithRowAndColumnWhileTheGoodRowsLand() throws IOException {
		Path file = ExportFixture.taobaoOrders()
			.order("3001")
			.set("买家会员名", "a")
			.set("联系手机", "13811110001")
			.order("3002")
			.set("买家会员名", "b")
			.set("联系手机", "13811110001")
			.set("买家实际支付金额", "九十九")
			.order("3003")
			.set("买家会员名", "c")
			.set("订单状态", "等待神秘事件")
			.order("3001")
			.set("买家会员名", "a")
			.set("买家实际支付金额", "abc")
			.writeTo(this.dir);

		Both both = importIntoBoth(file);

		assertThat(both.fast().firstLoad()).isTrue();
		ImportResult result = both.fast().result();
		assertThat(result.imported()).isEqualTo(2);
		assertThat(result.rejected()).isEqualTo(2);
		assertThat(result.unknownStatuses()).containsExactly(Map.entry("等待神秘事件", 1L));
		List<String> report = Files.readAllLines(result.errorsFile(), StandardCharsets.UTF_8);
		assertThat(report.subList(1, report.size())).satisfiesExactly(
				(line) -> assertThat(line).startsWith("ExportOrderList202401.csv,3,买家实际支付金额,九十九,")
					.contains("not an amount"),
				(line) -> assertThat(line).startsWith("ExportOrderList202401.csv,5,买家实际支付金额,abc,"));
		assertThat(report).isEqualTo(Files.readAllLines(both.general().result().errorsFile(), StandardCharsets.UTF_8));
		assertThat(persons(both.fastTenant())).containsExactlyInAnyOrder("a", "c");
	}

	@Test
	void aSecondBrandOfAGroupSharingOneIdTakesTheGeneralPathAndLinksAcrossBrands() {
		Path firstBrand = ExportFixture.taobaoOrders()
			.order("G1")
			.set("买家会员名", "anna")
			.set("联系手机", "13700000001")
			.writeTo(this.dir.resolve("first"));
		Path secondBrand = ExportFixture.taobaoOrders()
			.order("G2")
			.set("买家会员名", "anna2")
			.set("联系手机", "13700000001")
			.order("G3")
			.set("买家会员名", "bob")
			.set("联系手机", "13700000003")
			.writeTo(this.dir.resolve("second"));
		TenantId[] fast = group();
		TenantId[] general = group();

		Imported fastFirst = load(fast[0], true, firstBrand);
		Imported fastSecond = load(fast[1], true, secondBrand);
		Imported generalFirst = load(general[0], false, firstBrand);
		Imported generalSecond = load(general[1], false, secondBrand);

		assertThat(fastFirst.firstLoad()).isTrue();
		assertThat(fastSecond.firstLoad()).as("the group's One ID has accounts").isFalse();
		assertThat(outcome(fastFirst.result())).isEqualTo(outcome(generalFirst.result()));
		assertThat(outcome(fastSecond.result())).isEqualTo(outcome(generalSecond.result()));
		assertSameState(state(fast[0]), state(general[0]));
		assertSameState(state(fast[1]), state(general[1]));
		assertThat(persons(fast[1])).containsExactlyInAnyOrder("anna,anna2", "bob");
	}

	private static boolean isTaobaoOrderFile(ManifestFile file) {
		return file.path().contains("ExportOrderList");
	}

	/** Imports the files into a new tenant on each path and checks both end alike. */
	private Both importIntoBothWith(Path mapping, Path file) {
		TenantId fast = newTenant();
		TenantId general = newTenant();
		Imported onFast = load(fast, true, null, mapping, List.of(file));
		Imported onGeneral = load(general, false, null, mapping, List.of(file));
		assertThat(outcome(onFast.result())).isEqualTo(outcome(onGeneral.result()));
		return new Both(fast, onFast, general, onGeneral);
	}

	private Both importIntoBoth(Path... files) {
		TenantId fast = newTenant();
		TenantId general = newTenant();
		Imported onFast = load(fast, true, files);
		Imported onGeneral = load(general, false, files);
		assertThat(onGeneral.firstLoad()).isFalse();
		assertThat(outcome(onFast.result())).isEqualTo(outcome(onGeneral.result()));
		assertSameState(state(fast), state(general));
		return new Both(fast, onFast, general, onGeneral);
	}

	private Imported load(TenantId tenant, boolean firstLoads, Path... files) {
		return load(tenant, firstLoads, "taobao", null, List.of(files));
	}

	private Imported load(TenantId tenant, boolean firstLoads, String source, Path mapping, List<Path> files) {
		long before = this.imports.firstLoadsDone();
		this.imports.firstLoads(firstLoads);
		// the files here are small: the first loads take partitions of their own all the
		// same
		this.imports.ownPartitionsFrom(0);
		try {
			ImportResult result = this.imports.importFiles(tenant, source, mapping, files, ImportProgress.NONE);
			return new Imported(result, this.imports.firstLoadsDone() > before);
		}
		finally {
			this.imports.firstLoads(true);
			this.imports.ownPartitionsFrom(FirstLoad.OWN_PARTITIONS_FROM);
		}
	}

	private static Map<String, Object> outcome(ImportResult result) {
		Map<String, Object> outcome = new LinkedHashMap<>();
		outcome.put("rows", result.rows());
		outcome.put("imported", result.imported());
		outcome.put("updated", result.updated());
		outcome.put("unchanged", result.unchanged());
		outcome.put("rejected", result.rejected());
		outcome.put("repeated", result.repeated());
		outcome.put("items", result.items());
		outcome.put("unknownStatuses", result.unknownStatuses());
		return outcome;
	}

	/**
	 * What a tenant holds (its orders, shops and order changes) and what its identity
	 * scope holds, as sorted lines free of generated ids, by aspect.
	 */
	private Map<String, List<String>> state(TenantId tenant) {
		long id = tenant.value();
		long scope = this.tenants.byId(tenant).orElseThrow().identityScope().value();
		Map<String, List<String>> state = new LinkedHashMap<>();
		state.put("orders", lines("""
				select o.platform, o.order_no, a.account_key, s.shop_key, o.status, o.platform_status, o.created_at,
				       o.paid_at, o.completed_at, o.amount, o.freight, o.discount, o.refund, o.item_count, o.quantity,
				       o.creator_id, o.creator_name, o.traffic_source, o.channel, o.province, o.city, o.district,
				       o.receiver, o.content_hash, o.items_hash, o.first_import_id is not null,
				       o.last_import_id is not null
				from orders o left join account a on a.id = o.account_id left join shop s on s.id = o.shop_id
				where o.tenant_id = ?""", id));
		state.put("shops", lines("select platform, shop_key, name from shop where tenant_id = ?", id));
		state.put("items", lines("""
				select o.order_no, i.line_no, i.line_ref, i.sku, p.sku, i.title, i.spec, i.category, i.quantity,
				       i.unit_price, i.amount
				from order_item i join orders o on o.id = i.order_id left join product p on p.id = i.product_id
				where i.tenant_id = ?""", id));
		state.put("products", lines("select platform, sku, title, category from product where tenant_id = ?", id));
		state.put("order changes", lines("""
				select o.order_no, c.old_status, c.new_status, c.old_amount, c.new_amount, c.old_refund, c.new_refund
				from order_change c join orders o on o.id = c.order_id where c.tenant_id = ?""", id));
		state.put("accounts", lines("select platform, account_key from account where tenant_id = ?", scope));
		state.put("identifiers", lines("""
				select kind, value_hash, masked, strong, value_enc is null, value_enc, quarantined_at is null,
				       account_count
				from identifier where tenant_id = ?""", scope));
		state.put("account identifiers",
				lines("""
						select a.platform, a.account_key, i.kind, i.value_hash
						from account_identifier ai join account a on a.id = ai.account_id join identifier i on i.id = ai.identifier_id
						where ai.tenant_id = ?""",
						scope));
		state.put("persons", lines("""
				select string_agg(a.platform || ':' || a.account_key, ',' order by a.platform, a.account_key)
				from account a join person p on p.id = a.person_id
				where a.tenant_id = ? and p.merged_into is null group by p.id""", scope));
		state.put("open links", openLinks(scope));
		// links ended by a later import are left out: which identifier a link names
		// depends on the order of ids, and so does whether relinking replaces it
		state.put("counts",
				lines("""
						select 'persons', count(*) from person where tenant_id = ? and merged_into is null
						union all select 'merged persons', count(*) from person where tenant_id = ? and merged_into is not null
						union all select 'person merges', count(*) from person_merge where tenant_id = ?
						union all select 'quarantined', count(*) from identifier where tenant_id = ? and quarantined_at is not null
						union all select 'pending matches', count(*) from identity_match_pending where tenant_id = ?""",
						scope, scope, scope, scope, scope));
		state.put("broken references",
				lines(BROKEN_REFERENCES, id, scope, id, scope, scope, scope, scope, scope, scope));
		return state;
	}

	/**
	 * The open links of a scope: each account's rule and the priority of the kind of
	 * identifier behind it (of two kinds with one priority, the paths may pick either, as
	 * that follows the order of ids).
	 */
	private List<String> openLinks(long scope) {
		Map<String, Integer> priorities = new LinkedHashMap<>();
		this.rules.of(new TenantId(scope)).forEach((rule) -> priorities.put(rule.kind(), rule.priority()));
		List<String> links = new ArrayList<>(
				this.jdbc
					.sql("""
							select a.platform, a.account_key, l.rule, i.kind, l.made_by like 'import:%'
							from identity_link l join account a on a.id = l.account_id left join identifier i on i.id = l.identifier_id
							where l.tenant_id = ? and l.ended_at is null""")
					.param(scope)
					.query((rs, row) -> String.join("|", rs.getString(1), rs.getString(2), rs.getString(3),
							(rs.getString(4) != null) ? "priority " + priorities.getOrDefault(rs.getString(4), -1)
									: "none",
							rs.getString(5)))
					.list());
		links.sort(null);
		return links;
	}

	/**
	 * The rows of a query as sorted lines, byte columns shown decrypted when they hold
	 * personal data and in hex when they are digests.
	 */
	private List<String> lines(String sql, Object... params) {
		List<String> lines = new ArrayList<>(this.jdbc.sql(sql).params(params).query((rs, row) -> line(rs)).list());
		lines.sort(null);
		return lines;
	}

	private String line(ResultSet rs) throws SQLException {
		int columns = rs.getMetaData().getColumnCount();
		List<String> cells = new ArrayList<>();
		for (int c = 1; c <= columns; c++) {
			String name = rs.getMetaData().getColumnName(c);
			Object value = rs.getObject(c);
			if (value instanceof byte[] bytes) {
				cells.add((name.equals("receiver") || name.equals("value_enc")) ? this.personalData.decrypt(bytes)
						: HEX.formatHex(bytes));
			}
			else {
				cells.add(String.valueOf(value));
			}
		}
		return String.join("|", cells);
	}

	private void assertSameState(Map<String, List<String>> actual, Map<String, List<String>> expected) {
		assertThat(actual.keySet()).isEqualTo(expected.keySet());
		for (String aspect : expected.keySet()) {
			List<String> onlyActual = new ArrayList<>(actual.get(aspect));
			onlyActual.removeAll(expected.get(aspect));
			List<String> onlyExpected = new ArrayList<>(expected.get(aspect));
			onlyExpected.removeAll(actual.get(aspect));
			assertThat(onlyActual).as("%s only after the first load", aspect).isEmpty();
			assertThat(onlyExpected).as("%s only after the general path", aspect).isEmpty();
			assertThat(actual.get(aspect)).as("%s", aspect).hasSameSizeAs(expected.get(aspect));
		}
		assertThat(actual.get("broken references")).allSatisfy((line) -> assertThat(line).endsWith("|0"));
	}

	/** The persons of the tenant's scope, each as its account keys. */
	private List<String> persons(TenantId tenant) {
		long scope = this.tenants.byId(tenant).orElseThrow().identityScope().value();
		return this.jdbc
			.sql("""
					select string_agg(a.account_key, ',' order by a.account_key) from account a join person p on p.id = a.person_id
					where a.tenant_id = ? and p.merged_into is null group by p.id""")
			.param(scope)
			.query(String.class)
			.list();
	}

	private long count(String sql, TenantId tenant) {
		return this.jdbc.sql(sql).param(tenant.value()).query(Long.class).single();
	}

	private TenantId newTenant() {
		return this.tenants.create(uniqueName(), null).tenant().id();
	}

	/** Two brands of a new group that shares One ID. */
	private TenantId[] group() {
		String group = uniqueName();
		this.tenants.createGroup(group, null, true);
		return new TenantId[] { this.tenants.createBrand(uniqueName(), null, group).tenant().id(),
				this.tenants.createBrand(uniqueName(), null, group).tenant().id() };
	}

	private static String uniqueName() {
		return "t-" + UUID.randomUUID().toString().substring(0, 8);
	}

	private record Imported(ImportResult result, boolean firstLoad) {
	}

	private record Both(TenantId fastTenant, Imported fast, TenantId generalTenant, Imported general) {
	}

}
