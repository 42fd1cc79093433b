package dev.siyu.ingest;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.UUID;

import dev.siyu.shared.TenantId;
import dev.siyu.tenant.Tenants;
import dev.siyu.testing.IntegrationTest;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Export files as they reach siyu after passing through spreadsheets and people's hands,
 * hand-written the way those tools write them.
 */
@IntegrationTest
class ForeignExportFilesTests {

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
		this.tenant = this.tenants.create("t-" + UUID.randomUUID().toString().substring(0, 8), null).tenant().id();
	}

	@Test
	void orderNumbersASpreadsheetRoundedToScientificNotationAreRejectedInsteadOfMergedIntoOneOrder() throws Exception {
		Path resaved = ExportFixture.taobaoOrders()
			.order("3.51531E+16")
			.set("买家会员名", "a")
			.order("3.51531E+16")
			.set("买家会员名", "b")
			.order("35153131473293579")
			.set("买家会员名", "c")
			.named("ExportOrderList-saved-by-excel.csv")
			.writeTo(this.dir);

		ImportResult result = importFiles("taobao", resaved);

		assertThat(result.imported()).isEqualTo(1);
		assertThat(result.rejected()).isEqualTo(2);
		assertThat(orderNumbers()).containsExactly("35153131473293579");
		assertThat(report(result)).satisfiesExactly(
				line -> assertThat(line).startsWith("ExportOrderList-saved-by-excel.csv,2,订单编号,3.51531E+16,")
					.contains("scientific notation"),
				line -> assertThat(line).startsWith("ExportOrderList-saved-by-excel.csv,3,订单编号,3.51531E+16,"));
	}

	@Test
	void aBuyerMessageOpeningWithAQuoteNeverClosedCostsOnlyItsOwnRow() throws Exception {
		Path orders = ExportFixture.taobaoOrders()
			.order("5001")
			.set("买家会员名", "a")
			.order("5002")
			.set("买家会员名", "b")
			.set("买家留言", "@@送给妈妈")
			.order("5003")
			.set("买家会员名", "c")
			.order("5004")
			.set("买家会员名", "d")
			.writeTo(this.dir);
		Charset gbk = Charset.forName("GBK");
		Files.writeString(orders, Files.readString(orders, gbk).replace("@@", "\""), gbk);

		ImportResult result = importFiles("taobao", orders);

		assertThat(result.imported()).isEqualTo(3);
		assertThat(result.rejected()).isEqualTo(1);
		assertThat(orderNumbers()).containsExactly("5001", "5003", "5004");
		assertThat(report(result)).singleElement()
			.asString()
			.startsWith("ExportOrderList202401.csv,3,买家留言,")
			.contains("opens with a quote (\"\") that is not closed where the cell ends")
			.endsWith("then import the file again\"");
	}

	@Test
	void aNameWithBytesThatAreNotUtf8CostsOnlyItsOwnOrder() throws Exception {
		Path lines = ExportFixture.douyin()
			.order("6901")
			.set("子订单编号", "6901-1")
			.order("6902")
			.set("子订单编号", "6902-1")
			.set("收件人", "王@@")
			.order("6903")
			.set("子订单编号", "6903-1")
			.writeTo(this.dir);
		byte[] bytes = Files.readAllBytes(lines);
		String text = new String(bytes, StandardCharsets.ISO_8859_1).replace("@@", "\u00e6\u009d");
		Files.write(lines, text.getBytes(StandardCharsets.ISO_8859_1));

		ImportResult result = importFiles("douyin", lines);

		assertThat(result.imported()).isEqualTo(2);
		assertThat(orderNumbers()).containsExactly("6901", "6903");
		assertThat(report(result)).singleElement()
			.asString()
			.startsWith("fxg_export_202401.csv,3,收件人,")
			.contains("not text in the file's encoding")
			.doesNotContain("王");
	}

	@Test
	void aHeaderRepeatedWhereTwoExportsWereJoinedIsReportedAsSuchAndTheOrdersOfBothLand() throws Exception {
		Path first = ExportFixture.taobaoOrders().order("5001").set("买家会员名", "a").named("first.csv").writeTo(this.dir);
		Path second = ExportFixture.taobaoOrders()
			.order("5002")
			.set("买家会员名", "b")
			.named("second.csv")
			.writeTo(this.dir);
		Path joined = this.dir.resolve("ExportOrderList-joined.csv");
		Files.write(joined, Files.readAllBytes(first));
		Files.write(joined, Files.readAllBytes(second), StandardOpenOption.APPEND);

		ImportResult result = importFiles("taobao", joined);

		assertThat(result.imported()).isEqualTo(2);
		assertThat(orderNumbers()).containsExactly("5001", "5002");
		assertThat(report(result)).singleElement()
			.asString()
			.startsWith("ExportOrderList-joined.csv,3,订单编号,")
			.contains("repeats the header");
	}

	@Test
	void aColumnTheHeaderNamesTwiceIsReadWhereItsNamesakesAgreeAndTheRowIsRejectedWhereTheyDiffer() throws Exception {
		Path file = this.dir.resolve("ExportOrderList-twice.csv");
		Files.writeString(file, """
				订单编号,买家会员名,买家实际支付金额,订单状态,订单创建时间,买家会员名,联系手机,联系手机
				5001,tb_a,10.00,交易成功,2024-01-05 10:00:00,tb_a,13911110001,13911110001
				5002,tb_b,20.00,交易成功,2024-01-05 11:00:00,tb_c,,
				5003,tb_d,30.00,交易成功,2024-01-05 12:00:00,,13911110003,
				5004,,40.00,交易成功,2024-01-05 13:00:00,tb_e,,13911110004
				""", Charset.forName("GBK"));

		ImportResult result = importFiles("taobao", file);

		assertThat(result.imported()).isEqualTo(3);
		assertThat(orderNumbers()).containsExactly("5001", "5003", "5004");
		assertThat(this.jdbc
			.sql("select a.account_key from orders o join account a on a.id = o.account_id"
					+ " where o.tenant_id = ? order by o.order_no")
			.param(this.tenant.value())
			.query(String.class)
			.list()).containsExactly("tb_a", "tb_d", "tb_e");
		assertThat(this.jdbc
			.sql("select count(*) from account_identifier ai join identifier i on i.id = ai.identifier_id"
					+ " join account a on a.id = ai.account_id where a.tenant_id = ? and a.account_key = 'tb_e'"
					+ " and i.kind = 'phone'")
			.param(this.tenant.value())
			.query(Integer.class)
			.single()).as("the phone read from the namesake is an identifier too").isEqualTo(1);
		assertThat(report(result)).singleElement()
			.asString()
			.startsWith("ExportOrderList-twice.csv,3,买家会员名,")
			.contains("columns 2 and 6 are both named '买家会员名' and hold different values");
	}

	@Test
	void aTotalRowUnderTheOrdersIsReportedAsATotalNotImportedAsAnOrder() throws Exception {
		Path orders = ExportFixture.taobaoOrders()
			.order("5001")
			.set("买家会员名", "a")
			.order("5002")
			.set("买家会员名", "b")
			.order("合计")
			.set("买家实际支付金额", "198.00")
			.set("订单创建时间", "")
			.set("订单付款时间 ", "")
			.writeTo(this.dir);

		ImportResult result = importFiles("taobao", orders);

		assertThat(result.imported()).isEqualTo(2);
		assertThat(result.rejected()).isEqualTo(1);
		assertThat(report(result)).singleElement()
			.asString()
			.startsWith("ExportOrderList202401.csv,4,订单编号,合计,")
			.contains("total row, not an order");
		assertThat(this.statistics.of(this.tenant).gmv()).isEqualByComparingTo("198.00");
	}

	@Test
	void aTotalRowOfALineExportLeavesTheOrdersAboveIt() throws Exception {
		Path lines = ExportFixture.douyin()
			.order("6901")
			.set("子订单编号", "6901-1")
			.order("总计：")
			.set("订单应付金额", "59.90")
			.writeTo(this.dir);

		ImportResult result = importFiles("douyin", lines);

		assertThat(result.imported()).isEqualTo(1);
		assertThat(report(result)).singleElement().asString().contains("total row").doesNotContain("left out whole");
	}

	@Test
	void aWorkbookWithATitleRowMergedAboveTheHeaderImportsWithSpreadsheetRowNumbers() throws Exception {
		Path xlsx = this.dir.resolve("orders-report.xlsx");
		try (var out = Files.newOutputStream(xlsx); var workbook = new Workbook(out, "test", "1.0")) {
			Worksheet sheet = workbook.newWorksheet("订单报表");
			sheet.value(0, 0, "淘宝订单报表 2024年1月");
			sheet.range(0, 0, 0, 4).merge();
			String[] header = { "订单编号", "买家会员名", "买家实际支付金额", "订单状态", "订单创建时间" };
			for (int c = 0; c < header.length; c++) {
				sheet.value(2, c, header[c]);
			}
			sheet.value(3, 0, "35153131473293579");
			sheet.value(3, 1, "tb_a");
			sheet.value(3, 2, 99.0);
			sheet.value(3, 3, "交易成功");
			sheet.value(3, 4, "2024-01-05 10:00:00");
			sheet.value(4, 0, "35153131473293580");
			sheet.value(4, 1, "tb_b");
			sheet.value(4, 2, "九十九");
			sheet.value(4, 4, "2024-01-05 10:00:00");
		}

		ImportResult result = importFiles("taobao", xlsx);

		assertThat(result.imported()).isEqualTo(1);
		assertThat(orderNumbers()).containsExactly("35153131473293579");
		assertThat(report(result)).singleElement().asString().startsWith("orders-report.xlsx,5,买家实际支付金额,九十九,");
	}

	@Test
	void orderNumbersAWorkbookKeptAsNumbersPastFifteenDigitsAreRejectedNotMerged() throws Exception {
		Path xlsx = this.dir.resolve("ExportOrderList-resaved.xlsx");
		try (var out = Files.newOutputStream(xlsx); var workbook = new Workbook(out, "test", "1.0")) {
			Worksheet sheet = workbook.newWorksheet("Sheet1");
			String[] header = { "订单编号", "买家会员名", "买家实际支付金额", "订单创建时间" };
			for (int c = 0; c < header.length; c++) {
				sheet.value(0, c, header[c]);
			}
			sheet.value(1, 0, 3.51531314732936E16);
			sheet.value(2, 0, 3.51531314732936E16);
			sheet.value(3, 0, 35153131473293579L);
			sheet.value(4, 0, "35153131473293580");
			for (int r = 1; r <= 4; r++) {
				sheet.value(r, 1, "tb_" + r);
				sheet.value(r, 2, 99.0);
				sheet.value(r, 3, "2024-01-05 10:00:00");
			}
		}

		ImportResult result = importFiles("taobao", xlsx);

		assertThat(orderNumbers()).containsExactly("35153131473293579", "35153131473293580");
		assertThat(result.rejected()).isEqualTo(2);
		assertThat(report(result))
			.allSatisfy(line -> assertThat(line).contains(",订单编号,3.51531314732936E").contains("scientific notation"));
	}

	@Test
	void theOrdersOfAWorkbookAreFoundOnTheSheetThatHoldsThem() throws Exception {
		Path xlsx = this.dir.resolve("orders-with-readme.xlsx");
		try (var out = Files.newOutputStream(xlsx); var workbook = new Workbook(out, "test", "1.0")) {
			workbook.newWorksheet("说明").value(0, 0, "本表由财务整理，请勿修改");
			workbook.newWorksheet("空白");
			Worksheet orders = workbook.newWorksheet("订单");
			String[] header = { "订单编号", "买家会员名", "买家实际支付金额", "订单创建时间" };
			for (int c = 0; c < header.length; c++) {
				orders.value(0, c, header[c]);
			}
			orders.value(1, 0, "35153131473293579");
			orders.value(1, 1, "tb_a");
			orders.value(1, 2, 99.0);
			orders.value(1, 3, "2024-01-05 10:00:00");
		}

		ImportResult result = importFiles("taobao", xlsx);

		assertThat(result.imported()).isEqualTo(1);
		assertThat(orderNumbers()).containsExactly("35153131473293579");
	}

	@Test
	void notesAboveTheHeaderOfACsvAreSkipped() throws Exception {
		Path file = this.dir.resolve("jd_orders_with_notes.csv");
		Files.write(file, """
				京东订单导出
				导出时间：2024-03-02 10:00:00,共1条
				订单号,商品ID,商品名称,订购数量,下单时间,应付金额,订单状态,下单帐号,客户姓名,联系电话
				7002,100200,奶粉 800g,1,2024-03-01 09:00:00,268.00,完成,jd_a,张伟,13711112222
				""".getBytes(Charset.forName("GBK")));

		ImportResult result = importFiles("jd", file);

		assertThat(result.rows()).isEqualTo(1);
		assertThat(orderNumbers()).containsExactly("7002");
	}

	@Test
	void aFileCutOffInTheMiddleOfItsLastRowRejectsThatRowSayingSoAndKeepsTheRest() throws Exception {
		Path whole = ExportFixture.jd()
			.order("8001")
			.set("下单帐号", "jd_a")
			.order("8002")
			.set("下单帐号", "jd_b")
			.set("客户姓名", "李雷")
			.writeTo(this.dir);
		byte[] bytes = Files.readAllBytes(whole);
		String text = new String(bytes, "GBK");
		int cut = text.indexOf("李雷") + 1;
		Path truncated = Files.write(this.dir.resolve("jd_orders_download_interrupted.csv"),
				text.substring(0, cut).getBytes("GBK"));

		ImportResult result = importFiles("jd", truncated);

		assertThat(orderNumbers()).containsExactly("8001");
		assertThat(report(result)).singleElement()
			.asString()
			.startsWith("jd_orders_download_interrupted.csv,3,客户姓名,")
			.doesNotContain("李")
			.contains("ends in the middle of this row, in column 11 of 17");
	}

	@Test
	void aRowWhoseUnquotedCommaShiftsItsCellsIsRejectedWhileEmptyCellsPastTheHeaderAreNot() throws Exception {
		Path file = this.dir.resolve("jd_orders_hand_edited.csv");
		Files.write(file, """
				订单号,下单时间,应付金额,订单状态,下单帐号,客户姓名,客户地址,联系电话,商品ID
				9001,2024-03-01 09:00:00,268.00,完成,jd_a,张伟,北京 朝阳区 建国路8号,13711112222,100200,,
				9002,2024-03-01 09:00:00,268.00,完成,jd_b,李雷,北京 朝阳区, 建国路9号,13711113333,100200
				""".getBytes(StandardCharsets.UTF_8));

		ImportResult result = importFiles("jd", file);

		assertThat(orderNumbers()).containsExactly("9001");
		assertThat(report(result)).singleElement()
			.asString()
			.startsWith("jd_orders_hand_edited.csv,3,,,")
			.contains("values in 10 columns but the header names 9");
	}

	@Test
	void aJdExportWithTheNewerSpellingOfItsBuyerColumnKeepsItsBuyers() throws Exception {
		Path file = this.dir.resolve("jd_orders_2025.csv");
		Files.write(file, """
				订单号,商品ID,商品名称,订购数量,下单时间,应付金额,订单状态,下单账号,客户姓名,联系电话
				9101,100200,奶粉 800g,1,2024-03-01 09:00:00,268.00,完成,jd_pin_a,张伟,137****2222
				9102,100200,奶粉 800g,1,2024-03-02 09:00:00,268.00,完成,jd_pin_a,张伟,137****2222
				""".getBytes(Charset.forName("GBK")));

		importFiles("jd", file);

		assertThat(this.jdbc
			.sql("select distinct a.account_key from orders o join account a on a.id = o.account_id "
					+ "where o.tenant_id = ?")
			.param(this.tenant.value())
			.query(String.class)
			.list()).containsExactly("jd_pin_a");
	}

	@Test
	void aRowShiftedIntoTheEmptyColumnsAtItsEndIsRejectedWithTheLikelyCause() throws Exception {
		Path file = this.dir.resolve("jd_orders_trailing_columns.csv");
		Files.write(file, """
				订单号,下单时间,应付金额,订单状态,下单帐号,客户地址,商品ID,订单备注,
				9201,2024-03-01 09:00:00,268.00,完成,jd_a,北京 朝阳区 建国路8号,100200,,
				9202,北京,朝阳区,2024-03-01 09:00:00,268.00,完成,jd_b,100200,,
				""".getBytes(StandardCharsets.UTF_8));

		ImportResult result = importFiles("jd", file);

		assertThat(orderNumbers()).containsExactly("9201");
		assertThat(report(result)).singleElement()
			.asString()
			.startsWith("jd_orders_trailing_columns.csv,3,下单时间,北京,")
			.contains(
					"the row has 10 cells and the header 9: a delimiter that is not quoted may have shifted its cells");
	}

	@Test
	void aSemicolonSeparatedExportImportsLikeACommaSeparatedOne() throws Exception {
		Path file = this.dir.resolve("jd_orders_semicolon.csv");
		Files.write(file, """
				订单号;商品ID;商品名称;订购数量;下单时间;应付金额;订单状态;下单帐号;客户姓名;联系电话
				7001;100200;奶粉 800g;1;2024-03-01 09:00:00;268.00;完成;jd_a;张伟;13711112222
				""".getBytes(StandardCharsets.UTF_8));

		ImportResult result = importFiles("jd", file);

		assertThat(result.imported()).isEqualTo(1);
		assertThat(orderNumbers()).containsExactly("7001");
	}

	@Test
	void aFileOfAnotherPlatformFailsWithTheSourceToUseAndChangesNothing() {
		Path douyin = ExportFixture.douyin().order("6902").set("子订单编号", "6902-1").writeTo(this.dir);

		assertThatThrownBy(() -> importFiles("taobao", douyin)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("is not a Taobao/Tmall export")
			.hasMessageEndingWith("It looks like a Douyin shop export: import it with --source douyin");
		assertThat(this.statistics.of(this.tenant).orders()).isZero();
	}

	@Test
	void aMissingFileIsNamedAsMissing() {
		Path missing = this.dir.resolve("ExportOrderList-typo.csv");

		assertThatThrownBy(() -> importFiles("taobao", missing)).isInstanceOf(IllegalArgumentException.class)
			.hasMessage("cannot read " + missing + ": there is no such file");
	}

	private ImportResult importFiles(String source, Path... files) {
		return this.imports.importFiles(this.tenant, source, null, List.of(files), ImportProgress.NONE);
	}

	private List<String> orderNumbers() {
		return this.jdbc.sql("select order_no from orders where tenant_id = ? order by order_no")
			.param(this.tenant.value())
			.query(String.class)
			.list();
	}

	/** The rejections of the error report, without its header. */
	private static List<String> report(ImportResult result) throws Exception {
		List<String> lines = Files.readAllLines(result.errorsFile(), StandardCharsets.UTF_8);
		return lines.subList(1, lines.size());
	}

}
