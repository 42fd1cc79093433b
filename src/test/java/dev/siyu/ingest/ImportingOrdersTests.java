package dev.siyu.ingest;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import dev.siyu.privacy.PersonalData;
import dev.siyu.shared.TenantId;
import dev.siyu.tenant.Tenants;
import dev.siyu.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
class ImportingOrdersTests {

	@Autowired
	Imports imports;

	@Autowired
	Tenants tenants;

	@Autowired
	TenantStatistics statistics;

	@Autowired
	PersonalData personalData;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path dir;

	TenantId tenant;

	@BeforeEach
	void newTenant() {
		this.tenant = this.tenants.create("t-" + UUID.randomUUID().toString().substring(0, 8), null).tenant().id();
	}

	@Test
	void importsTaobaoOrderAndItemFilesWrittenInGbkWithTheirQuirks() {
		Path orders = ExportFixture.taobaoOrders()
			.order("35153131473293579")
			.set("买家会员名", "tb_lily")
			.set("联系手机", "13812345678")
			.set("买家实际支付金额", "1,299.00")
			.order("35153131473293580")
			.set("买家会员名", "tb_lily")
			.set("联系手机", "13812345678")
			.set("订单状态", "交易关闭")
			.set("退款金额", "99.00")
			.writeTo(this.dir);
		Path items = ExportFixture.taobaoItems()
			.order("35153131473293579")
			.set("商家编码", "MILK-950")
			.set("购买数量", "2")
			.order("35153131473293579")
			.set("商家编码", "CARD-30")
			.set("标题", "月卡, 30天")
			.order("35153131473293580")
			.writeTo(this.dir);

		ImportResult result = importFiles("taobao", null, orders, items);

		assertThat(result.rows()).isEqualTo(5);
		assertThat(result.imported()).isEqualTo(2);
		assertThat(result.rejected()).isZero();
		assertThat(result.items()).isEqualTo(3);
		TenantStatistics.Counts counts = this.statistics.of(this.tenant);
		assertThat(counts.orders()).isEqualTo(2);
		assertThat(counts.orderItems()).isEqualTo(3);
		assertThat(counts.accounts()).isEqualTo(1);
		assertThat(counts.persons()).isEqualTo(1);
		assertThat(counts.gmv()).isEqualByComparingTo("1299.00");
		assertThat(status("35153131473293580")).isEqualTo("refunded");
		assertThat(this.jdbc
			.sql("select title from order_item i join orders o on o.id = i.order_id "
					+ "where o.tenant_id = ? and i.sku = 'CARD-30'")
			.param(this.tenant.value())
			.query(String.class)
			.single()).isEqualTo("月卡, 30天");
	}

	@Test
	void reimportingTheSameFilesChangesNothing() {
		Path orders = ExportFixture.taobaoOrders()
			.order("1001")
			.set("买家会员名", "a")
			.order("1002")
			.set("买家会员名", "b")
			.writeTo(this.dir);
		Path items = ExportFixture.taobaoItems().order("1001").order("1002").writeTo(this.dir);
		importFiles("taobao", null, orders, items);
		String before = snapshot();

		ImportResult again = importFiles("taobao", null, orders, items);

		assertThat(again.imported()).isZero();
		assertThat(again.updated()).isZero();
		assertThat(again.unchanged()).isEqualTo(2);
		assertThat(snapshot()).isEqualTo(before);
	}

	@Test
	void anOverlappingExportImportsOnlyTheNewOrders() {
		importFiles("taobao", null,
				ExportFixture.taobaoOrders()
					.order("1")
					.set("买家会员名", "a")
					.order("2")
					.set("买家会员名", "b")
					.writeTo(this.dir));
		ImportResult overlap = importFiles("taobao", null,
				ExportFixture.taobaoOrders()
					.order("2")
					.set("买家会员名", "b")
					.order("3")
					.set("买家会员名", "c")
					.named("ExportOrderList202402.csv")
					.writeTo(this.dir));

		assertThat(overlap.imported()).isEqualTo(1);
		assertThat(overlap.unchanged()).isEqualTo(1);
		assertThat(this.statistics.of(this.tenant).orders()).isEqualTo(3);
	}

	@Test
	void anOrderSeenAgainWithANewStatusIsUpdatedInPlaceAndTheChangeRecorded() {
		importFiles("taobao", null,
				ExportFixture.taobaoOrders()
					.order("2001")
					.set("买家会员名", "a")
					.set("订单状态", "卖家已发货，等待买家确认")
					.writeTo(this.dir));
		assertThat(status("2001")).isEqualTo("shipped");

		ImportResult later = importFiles("taobao", null,
				ExportFixture.taobaoOrders()
					.order("2001")
					.set("买家会员名", "a")
					.set("订单状态", "交易关闭")
					.set("退款金额", "99.00")
					.named("ExportOrderList202402.csv")
					.writeTo(this.dir));

		assertThat(later.updated()).isEqualTo(1);
		assertThat(status("2001")).isEqualTo("refunded");
		assertThat(this.statistics.of(this.tenant).orders()).isEqualTo(1);
		assertThat(this.jdbc
			.sql("select old_status || '->' || new_status || ' refund ' || new_refund from order_change c "
					+ "join orders o on o.id = c.order_id where o.tenant_id = ?")
			.param(this.tenant.value())
			.query(String.class)
			.list()).containsExactly("shipped->refunded refund 99.00");
	}

	@Test
	void badRowsAreRejectedWithRowColumnAndReasonWhileTheGoodRowsLand() throws Exception {
		Path orders = ExportFixture.taobaoOrders()
			.order("3001")
			.set("买家会员名", "a")
			.order("3002")
			.set("买家会员名", "b")
			.set("买家实际支付金额", "九十九")
			.order("")
			.set("买家会员名", "c")
			.order("3004")
			.set("买家会员名", "d")
			.set("订单创建时间", "2024-13-45 10:00:00")
			.order("3005")
			.set("买家会员名", "e")
			.writeTo(this.dir);

		ImportResult result = importFiles("taobao", null, orders);

		assertThat(result.rows()).isEqualTo(5);
		assertThat(result.imported()).isEqualTo(2);
		assertThat(result.rejected()).isEqualTo(3);
		List<String> report = Files.readAllLines(result.errorsFile(), StandardCharsets.UTF_8);
		assertThat(report.get(0)).endsWith("file,row,column,value,reason");
		assertThat(report.subList(1, report.size())).satisfiesExactly(
				line -> assertThat(line).startsWith("ExportOrderList202401.csv,3,买家实际支付金额,九十九,")
					.contains("not an amount"),
				line -> assertThat(line).startsWith("ExportOrderList202401.csv,4,订单编号,,").contains("empty"),
				line -> assertThat(line).startsWith("ExportOrderList202401.csv,5,订单创建时间,2024-13-45 10:00:00,")
					.contains("not a date-time"));
	}

	@Test
	void aFileThatIsNotAnExportFailsNamingWhatItLacksAndChangesNothing() throws Exception {
		Path good = ExportFixture.taobaoOrders().order("4001").set("买家会员名", "a").writeTo(this.dir);
		Path notAnExport = this.dir.resolve("notes.csv");
		Files.writeString(notAnExport, "name,comment\nlily,hello\n");

		assertThatThrownBy(() -> importFiles("taobao", null, good, notAnExport))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("notes.csv")
			.hasMessageContaining("not a Taobao/Tmall export")
			.hasMessageContaining("订单编号");
		assertThat(this.statistics.of(this.tenant).orders()).isZero();
	}

	@Test
	void douyinSubOrdersOfOneMainOrderFormOneOrder() {
		Path export = ExportFixture.douyin()
			.order("6901")
			.set("子订单编号", "6901-1")
			.set("订单应付金额", "59.90")
			.set("收件人手机号", "13900001111")
			.order("6901")
			.set("子订单编号", "6901-2")
			.set("商家编码", "MILK-950")
			.set("订单应付金额", "20.10")
			.set("收件人手机号", "13900001111")
			.order("6902")
			.set("子订单编号", "6902-1")
			.set("收件人手机号", "139****1111")
			.set("达人ID", "KOL-7")
			.writeTo(this.dir);

		ImportResult result = importFiles("douyin", null, export);

		assertThat(result.imported()).isEqualTo(2);
		assertThat(this.jdbc.sql("select amount from orders where tenant_id = ? and order_no = '6901'")
			.param(this.tenant.value())
			.query(java.math.BigDecimal.class)
			.single()).isEqualByComparingTo("80.00");
		assertThat(this.jdbc.sql("select item_count from orders where tenant_id = ? and order_no = '6901'")
			.param(this.tenant.value())
			.query(Integer.class)
			.single()).isEqualTo(2);
		assertThat(this.jdbc.sql("select creator_id from orders where tenant_id = ? and order_no = '6902'")
			.param(this.tenant.value())
			.query(String.class)
			.single()).isEqualTo("KOL-7");
		assertThat(this.statistics.of(this.tenant).orderItems()).isEqualTo(3);
	}

	@Test
	void douyinOrderTakesItsMostAdvancedSubOrderAndRefundsTheClosedOne() {
		Path export = ExportFixture.douyin()
			.order("6911")
			.set("子订单编号", "6911-1")
			.set("订单应付金额", "30.00")
			.set("订单状态", "已关闭")
			.set("收件人手机号", "13900002222")
			.order("6911")
			.set("子订单编号", "6911-2")
			.set("商家编码", "MILK-950")
			.set("订单应付金额", "50.00")
			.set("订单状态", "已完成")
			.set("收件人手机号", "13900002222")
			.order("6912")
			.set("子订单编号", "6912-1")
			.set("订单应付金额", "40.00")
			.set("订单状态", "已关闭")
			.set("支付完成时间", "")
			.set("收件人手机号", "13900003333")
			.order("6912")
			.set("子订单编号", "6912-2")
			.set("订单应付金额", "10.00")
			.set("订单状态", "已关闭")
			.set("支付完成时间", "")
			.set("收件人手机号", "13900003333")
			.writeTo(this.dir);

		importFiles("douyin", null, export);

		assertThat(orderFigures("6911")).isEqualTo("completed 80.00 30.00");
		assertThat(orderFigures("6912")).isEqualTo("closed 50.00 0.00");
	}

	@Test
	void anOrderTwiceInOneFileKeepsItsLaterRowAndCountsTheEarlierAsRepeated() {
		Path export = ExportFixture.taobaoOrders()
			.order("7001")
			.set("订单状态", "等待买家付款")
			.order("7002")
			.order("7001")
			.set("订单状态", "交易成功")
			.writeTo(this.dir);

		ImportResult result = importFiles("taobao", null, export);

		assertThat(result.rows()).isEqualTo(3);
		assertThat(result.imported()).isEqualTo(2);
		assertThat(result.repeated()).isEqualTo(1);
		assertThat(result.rows())
			.isEqualTo(result.imported() + result.unchanged() + result.rejected() + result.repeated());
		assertThat(orderFigures("7001")).startsWith("completed ");
	}

	@Test
	void anOrderWithoutWhatWasPaidTakesTheTotalFromItsAlternativeColumn() {
		Path export = ExportFixture.taobaoOrders()
			.order("7101")
			.set("买家实际支付金额", "")
			.set("总金额", "128.00")
			.set("订单状态", "等待买家付款")
			.set("订单付款时间 ", "")
			.order("7102")
			.set("买家实际支付金额", "")
			.set("总金额", "")
			.writeTo(this.dir);

		ImportResult result = importFiles("taobao", null, export);

		assertThat(result.imported()).isEqualTo(1);
		assertThat(result.rejected()).isEqualTo(1);
		assertThat(orderFigures("7101")).isEqualTo("pending 128.00 0.00");
	}

	@Test
	void statusTextsNobodyRecognisedAreCountedForTheMapping() {
		Path export = ExportFixture.taobaoOrders()
			.order("7201")
			.set("订单状态", "部分退款中")
			.order("7202")
			.set("订单状态", "部分退款中")
			.order("7203")
			.writeTo(this.dir);

		ImportResult result = importFiles("taobao", null, export);

		assertThat(result.imported()).isEqualTo(3);
		assertThat(result.unknownStatuses()).containsExactly(java.util.Map.entry("部分退款中", 2L));
		assertThat(this.imports.job(this.tenant, result.importId()).orElseThrow().unknownStatuses())
			.containsExactly(java.util.Map.entry("部分退款中", 2L));
	}

	private String orderFigures(String orderNo) {
		return this.jdbc
			.sql("select status || ' ' || amount || ' ' || refund from orders where tenant_id = ? and order_no = ?")
			.params(this.tenant.value(), orderNo)
			.query(String.class)
			.single();
	}

	@Test
	void jdRowsOfOneOrderCountTheOrderAmountOnce() {
		Path export = ExportFixture.jd()
			.order("J1")
			.set("下单帐号", "jd_pin_1")
			.set("应付金额", "300.00")
			.set("货号", "A")
			.set("联系电话", "13700001111")
			.order("J1")
			.set("下单帐号", "jd_pin_1")
			.set("应付金额", "300.00")
			.set("货号", "B")
			.set("联系电话", "13700001111")
			.writeTo(this.dir);

		importFiles("jd", null, export);

		TenantStatistics.Counts counts = this.statistics.of(this.tenant);
		assertThat(counts.orders()).isEqualTo(1);
		assertThat(counts.orderItems()).isEqualTo(2);
		assertThat(counts.gmv()).isEqualByComparingTo("300.00");
	}

	@Test
	void aRejectedLineLeavesItsWholeOrderOutSoNoOrderLandsWithLinesMissing() {
		Path export = ExportFixture.jd()
			.order("J7")
			.set("下单帐号", "p")
			.set("货号", "A")
			.order("J7")
			.set("下单帐号", "p")
			.set("货号", "B")
			.set("订购数量", "two")
			.order("J8")
			.set("下单帐号", "p")
			.set("货号", "A")
			.writeTo(this.dir);

		ImportResult result = importFiles("jd", null, export);

		assertThat(result.imported()).isEqualTo(1);
		assertThat(result.rejected()).isEqualTo(1);
		assertThat(this.jdbc.sql("select order_no from orders where tenant_id = ?")
			.param(this.tenant.value())
			.query(String.class)
			.list()).containsExactly("J8");
	}

	@Test
	void anyOtherSourceComesInThroughAMappingFileAlsoAsXlsx() throws Exception {
		Path mapping = this.dir.resolve("pos.yaml");
		Files.writeString(mapping, """
				name: pos
				platform: pos
				granularity: order
				columns:
				  order_id: receipt
				  buyer_id: member
				  created_at: sold at
				  amount: total
				  status: state
				identifiers:
				  - {kind: phone, column: mobile}
				statuses:
				  done: completed
				""");
		Path xlsx = this.dir.resolve("pos.xlsx");
		try (var out = Files.newOutputStream(xlsx);
				var workbook = new org.dhatim.fastexcel.Workbook(out, "test", "1.0")) {
			var sheet = workbook.newWorksheet("sales");
			String[] header = { "receipt", "member", "sold at", "total", "state", "mobile" };
			for (int c = 0; c < header.length; c++) {
				sheet.value(0, c, header[c]);
			}
			sheet.value(1, 0, "R-1");
			sheet.value(1, 1, "M-9");
			sheet.value(1, 2, "2024-05-01 12:00:00");
			sheet.value(1, 3, 45.5);
			sheet.value(1, 4, "done");
			sheet.value(1, 5, "13612345678");
		}

		ImportResult result = importFiles("generic", mapping, xlsx);

		assertThat(result.imported()).isEqualTo(1);
		assertThat(status("R-1")).isEqualTo("completed");
		assertThat(this.statistics.of(this.tenant).gmv()).isEqualByComparingTo("45.50");
	}

	@Test
	void itemsOfOrdersNotImportedAreRejectedWithAHint() {
		Path items = ExportFixture.taobaoItems().order("9999").writeTo(this.dir);

		ImportResult result = importFiles("taobao", null, items);

		assertThat(result.rejected()).isEqualTo(1);
		assertThat(result.errorsFile()).content().contains("9999").contains("import the order file");
	}

	@Test
	void anInterruptedImportLeavesNothingBehindAndARerunReachesTheSameState() throws Exception {
		Path orders = ExportFixture.taobaoOrders()
			.order("5001")
			.set("买家会员名", "a")
			.set("联系手机", "13811112222")
			.writeTo(this.dir);
		Path items = ExportFixture.taobaoItems().order("5001").writeTo(this.dir);
		Imports.Plan plan = this.imports.plan(this.tenant, "taobao", null, List.of(orders, items));
		long job = this.imports.openJob(plan, null);
		Files.delete(items);

		assertThatThrownBy(() -> this.imports.runJob(plan, job, ImportProgress.NONE))
			.hasMessageContaining("ExportOrderDetailList");

		assertThat(this.statistics.of(this.tenant).orders()).isZero();
		assertThat(this.statistics.of(this.tenant).accounts()).isZero();
		assertThat(this.imports.job(this.tenant, job)).get().extracting(ImportJobs.Job::status).isEqualTo("failed");
		ExportFixture.taobaoItems().order("5001").writeTo(this.dir);
		importFiles("taobao", null, orders, items);
		TenantStatistics.Counts counts = this.statistics.of(this.tenant);
		assertThat(counts.orders()).isEqualTo(1);
		assertThat(counts.orderItems()).isEqualTo(1);
		assertThat(counts.persons()).isEqualTo(1);
	}

	@Test
	void personalFieldsAreEncryptedAtRestAndMatchedThroughTheBlindIndex() {
		importFiles("taobao", null,
				ExportFixture.taobaoOrders()
					.order("7001")
					.set("买家会员名", "a")
					.set("联系手机", "13899998888")
					.set("收货人姓名", "欧阳娜娜")
					.writeTo(this.dir));

		byte[] receiver = this.jdbc.sql("select receiver from orders where tenant_id = ?")
			.param(this.tenant.value())
			.query(byte[].class)
			.single();
		assertThat(new String(receiver, StandardCharsets.UTF_8)).doesNotContain("13899998888").doesNotContain("欧阳");
		assertThat(this.personalData.decrypt(receiver)).contains("13899998888").contains("欧阳娜娜");
		String phoneHash = HexFormat.of().formatHex(this.personalData.blindIndex("phone", "13899998888"));
		assertThat(this.jdbc
			.sql("select masked from identifier where tenant_id = ? and kind = 'phone' "
					+ "and encode(value_hash, 'hex') = ?")
			.params(this.tenant.value(), phoneHash)
			.query(String.class)
			.single()).isEqualTo("138****8888");
		byte[] stored = this.jdbc.sql("select value_enc from identifier where tenant_id = ? and kind = 'phone'")
			.param(this.tenant.value())
			.query(byte[].class)
			.single();
		assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("13899998888");
		assertThat(this.personalData.decrypt(stored)).isEqualTo("13899998888");
	}

	@Test
	void anItemFileImportedLaterReplacesTheItemsOfItsOrdersOnlyWhenTheyChanged() {
		Path orders = ExportFixture.taobaoOrders().order("8001").set("买家会员名", "a").writeTo(this.dir);
		importFiles("taobao", null, orders,
				ExportFixture.taobaoItems().order("8001").set("商家编码", "MILK-950").writeTo(this.dir));

		ImportResult same = importFiles("taobao", null,
				ExportFixture.taobaoItems()
					.order("8001")
					.set("商家编码", "MILK-950")
					.named("ExportOrderDetailList202402.csv")
					.writeTo(this.dir));
		ImportResult changed = importFiles("taobao", null,
				ExportFixture.taobaoItems()
					.order("8001")
					.set("商家编码", "MILK-950")
					.order("8001")
					.set("商家编码", "YOG-12")
					.set("标题", "酸奶")
					.named("ExportOrderDetailList202403.csv")
					.writeTo(this.dir));

		assertThat(same.items()).isZero();
		assertThat(changed.items()).isEqualTo(2);
		assertThat(this.jdbc
			.sql("select string_agg(i.sku, ',' order by i.sku) from order_item i "
					+ "join orders o on o.id = i.order_id where o.tenant_id = ?")
			.param(this.tenant.value())
			.query(String.class)
			.single()).isEqualTo("MILK-950,YOG-12");
		assertThat(this.jdbc.sql("select item_count from orders where tenant_id = ?")
			.param(this.tenant.value())
			.query(Integer.class)
			.single()).isEqualTo(2);
	}

	private ImportResult importFiles(String source, Path mapping, Path... files) {
		return this.imports.importFiles(this.tenant, source, mapping, List.of(files), ImportProgress.NONE);
	}

	private String status(String orderNo) {
		return this.jdbc.sql("select status from orders where tenant_id = ? and order_no = ?")
			.params(this.tenant.value(), orderNo)
			.query(String.class)
			.single();
	}

	private String snapshot() {
		return this.jdbc.sql("""
				select string_agg(o.order_no || ':' || o.status || ':' || o.amount || ':' || o.updated_at || ':'
				       || o.item_count || ':' || coalesce(a.person_id, 0), ',' order by o.order_no)
				from orders o left join account a on a.id = o.account_id where o.tenant_id = ?""")
			.param(this.tenant.value())
			.query(String.class)
			.single()
				+ this.jdbc.sql("select count(*) from order_item where tenant_id = ?")
					.param(this.tenant.value())
					.query(Long.class)
					.single()
				+ this.jdbc.sql("select count(*) from identity_link where tenant_id = ?")
					.param(this.tenant.value())
					.query(Long.class)
					.single();
	}

}
