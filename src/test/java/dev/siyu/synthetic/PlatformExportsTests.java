package dev.siyu.synthetic;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

class PlatformExportsTests {

	private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

	private static final Pattern MASKED = Pattern.compile("1[3-9]\\d\\*{4}\\d{4}");

	private static final Pattern VIRTUAL = Pattern.compile("1[3-9]\\d{9}-\\d{3,4}");

	private static final Pattern DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");

	@TempDir
	static Path out;

	private static Manifest manifest;

	private static CsvTable taobaoOrders;

	private static CsvTable taobaoItems;

	private static CsvTable douyin;

	private static CsvTable jd;

	private static CsvTable mall;

	@BeforeAll
	static void generate() throws IOException {
		manifest = SyntheticBrand.generate(GenerationRequest.of(2_000, 11, out), null);
		taobaoOrders = CsvTable.read(file(0), GbkTable.GBK);
		taobaoItems = CsvTable.read(file(1), GbkTable.GBK);
		douyin = CsvTable.read(file(2), StandardCharsets.UTF_8);
		jd = CsvTable.read(file(3), GbkTable.GBK);
		mall = CsvTable.read(file(4), StandardCharsets.UTF_8);
	}

	@Test
	void taobaoAndJdFilesAreGbkNotUtf8() {
		for (int file : new int[] { 0, 1, 3 }) {
			assertThatIOException().isThrownBy(() -> CsvTable.decode(file(file), StandardCharsets.UTF_8));
		}
	}

	@Test
	void douyinStartsWithAByteOrderMarkAndTheOthersDoNot() throws IOException {
		assertThat(Files.readAllBytes(file(2))).startsWith(0xEF, 0xBB, 0xBF);
		assertThat(Files.readAllBytes(file(4))).startsWith("订单号".getBytes(StandardCharsets.UTF_8));
		assertThat(Files.readAllBytes(file(0))).startsWith("订单编号".getBytes(GbkTable.GBK));
	}

	@Test
	void everyRowHasAsManyCellsAsTheHeader() {
		for (CsvTable table : List.of(taobaoOrders, taobaoItems, douyin, jd, mall)) {
			assertThat(table.rows()).isNotEmpty().allSatisfy((row) -> assertThat(row).hasSameSizeAs(table.header()));
		}
		assertThat(taobaoOrders.header()).hasSize(TaobaoExport.orderColumns());
		assertThat(douyin.header()).hasSize(DouyinExport.columns());
		assertThat(jd.header()).hasSize(JdExport.columns());
		assertThat(mall.header()).hasSize(MallExport.columns());
	}

	@Test
	void taobaoHeaderHasOneNameWithATrailingSpace() {
		assertThat(taobaoOrders.header().get(0)).isEqualTo("订单编号 ");
		assertThat(taobaoOrders.header()).filteredOn((name) -> !name.equals(name.trim())).hasSize(1);
		assertThat(taobaoOrders.header()).contains("买家会员名", "买家支付宝账号", "买家应付货款", "买家应付邮费", "总金额", "买家实际支付金额", "订单状态",
				"收货人姓名", "收货地址", "联系手机", "订单创建时间", "订单付款时间", "宝贝标题", "退款金额", "确认收货时间", "主订单编号");
	}

	@Test
	void taobaoOrderIdsAreSpreadsheetFormulasOfLongNumbers() {
		assertThat(taobaoOrders.column("订单编号")).allMatch((id) -> id.matches("=\"\\d{17,19}\""));
		assertThat(taobaoOrders.column("主订单编号")).isEqualTo(taobaoOrders.column("订单编号"));
		assertThat(taobaoItems.column("订单编号")).allMatch((id) -> id.matches("=\"\\d{17,19}\""));
		assertThat(taobaoOrders.column("订单编号")).containsAll(taobaoItems.column("订单编号"));
	}

	@Test
	void taobaoPhonesHaveALeadingApostropheAndAreSometimesMaskedOrVirtual() {
		List<String> phones = taobaoOrders.column("联系手机");
		assertThat(phones).allMatch((phone) -> phone.startsWith("'"));
		List<String> bare = phones.stream().map((phone) -> phone.substring(1)).toList();
		assertThat(share(bare, MASKED.asMatchPredicate())).isBetween(0.10, 0.20);
		assertThat(share(bare, VIRTUAL.asMatchPredicate())).isBetween(0.02, 0.08);
		assertThat(share(bare, MOBILE.asMatchPredicate())).isBetween(0.72, 0.88);
	}

	@Test
	void taobaoAddressesCarryProvinceCityDistrictAndZip() {
		assertThat(taobaoOrders.column("收货地址"))
			.allMatch((address) -> address.matches("\\S+ \\S+ \\S+ \\S+\\(\\d{6}\\)"));
	}

	@Test
	void taobaoAmountsAddUpAndLargeOnesHaveThousandsSeparators() {
		for (List<String> row : taobaoOrders.rows()) {
			long goods = cents(taobaoOrders.get(row, "买家应付货款"));
			long freight = cents(taobaoOrders.get(row, "买家应付邮费"));
			assertThat(cents(taobaoOrders.get(row, "总金额"))).isEqualTo(goods + freight);
		}
		assertThat(taobaoOrders.column("总金额")).anyMatch((amount) -> amount.matches("\\d{1,3}(,\\d{3})+\\.\\d{2}"));
		assertThat(taobaoOrders.column("宝贝标题")).anyMatch((title) -> title.contains(","));
		assertThat(taobaoItems.column("标题")).anyMatch((title) -> title.contains("\"小蓝瓶\""));
	}

	@Test
	void statusesAreThePlatformsOwnWords() {
		assertThat(taobaoOrders.column("订单状态")).isSubsetOf("交易成功", "交易关闭", "等待买家付款", "卖家已发货，等待买家确认", "买家已付款，等待卖家发货")
			.contains("交易成功", "交易关闭", "卖家已发货，等待买家确认");
		assertThat(douyin.column("订单状态")).isSubsetOf("已完成", "已发货", "待发货", "已关闭", "待支付").contains("已完成", "已发货", "已关闭");
		assertThat(jd.column("订单状态")).isSubsetOf("完成", "等待出库", "等待确认收货", "已取消").contains("完成", "已取消");
		assertThat(mall.column("订单状态")).isSubsetOf("已完成", "待发货", "已发货", "已关闭", "已退款").contains("已完成", "已退款");
		assertThat(taobaoOrders.column("订单状态")).filteredOn("交易成功"::equals)
			.hasSizeGreaterThan(taobaoOrders.rows().size() * 8 / 10);
	}

	@Test
	void ordersNearTheExportDateAreStillOpen() throws IOException {
		Manifest larger = SyntheticBrand
			.generate(new GenerationRequest(20_000, 11, out.resolve("larger"), Set.of("taobao"), 0), null);
		CsvTable orders = CsvTable.read(out.resolve("larger").resolve(larger.files().get(0).path()), GbkTable.GBK);
		assertThat(orders.column("订单状态")).contains("等待买家付款", "买家已付款，等待卖家发货", "卖家已发货，等待买家确认");
	}

	@Test
	void refundsShowTheRefundedAmount() {
		List<List<String>> refunded = taobaoOrders.rows()
			.stream()
			.filter((row) -> cents(taobaoOrders.get(row, "退款金额")) > 0)
			.toList();
		assertThat(refunded).isNotEmpty()
			.allSatisfy((row) -> assertThat(taobaoOrders.get(row, "订单状态")).isEqualTo("交易关闭"));
		assertThat(douyin.column("售后状态")).contains("退款成功");
	}

	@Test
	void datesAreLocalDateTimesInTheTwoYearWindow() {
		assertThat(taobaoOrders.column("订单创建时间")).allMatch(DATE_TIME.asMatchPredicate());
		assertThat(jd.column("下单时间")).allMatch(DATE_TIME.asMatchPredicate());
		assertThat(mall.column("支付时间")).allMatch((time) -> time.isEmpty() || DATE_TIME.matcher(time).matches());
		List<String> created = taobaoOrders.column("订单创建时间").stream().sorted().toList();
		String first = created.get(0).substring(0, 4);
		String last = created.get(created.size() - 1).substring(0, 4);
		assertThat(Integer.parseInt(last) - Integer.parseInt(first)).isBetween(1, 2);
	}

	@Test
	void douyinShowsNoBuyerButMostlyMaskedPhonesAndCreators() {
		assertThat(douyin.header()).doesNotContain("买家会员名", "下单帐号", "用户ID");
		List<String> phones = douyin.column("收件人手机号");
		assertThat(share(phones, MASKED.asMatchPredicate())).isBetween(0.6, 0.8);
		assertThat(share(phones, MOBILE.asMatchPredicate())).isBetween(0.2, 0.4);
		assertThat(douyin.column("流量来源")).contains("直播", "短视频", "商品卡");
		for (List<String> row : douyin.rows()) {
			boolean card = douyin.get(row, "流量来源").equals("商品卡");
			assertThat(douyin.get(row, "达人ID").isEmpty()).isEqualTo(card);
		}
		assertThat(douyin.column("子订单编号")).doesNotHaveDuplicates();
	}

	@Test
	void jdRepeatsOrderAmountsOnEachSkuRowAndShowsMostPhonesInFull() {
		assertThat(jd.header()).contains("商家备注等级（等级1-5为由高到低）");
		assertThat(share(jd.column("联系电话"), MOBILE.asMatchPredicate())).isBetween(0.6, 0.8);
		assertThat(jd.column("下单帐号")).allMatch((pin) -> !pin.isEmpty());
		List<List<String>> rows = jd.rows();
		for (int i = 1; i < rows.size(); i++) {
			if (jd.get(rows.get(i), "订单号").equals(jd.get(rows.get(i - 1), "订单号"))) {
				assertThat(jd.get(rows.get(i), "应付金额")).isEqualTo(jd.get(rows.get(i - 1), "应付金额"));
			}
		}
	}

	@Test
	void mallShowsUnionidsFullPhonesAndSometimesEmails() {
		assertThat(mall.column("unionid")).allMatch((unionid) -> unionid.matches("o[A-Za-z0-9_-]{27}"));
		assertThat(mall.column("手机号")).allMatch(MOBILE.asMatchPredicate());
		double emails = share(mall.column("邮箱"), (email) -> email.contains("@"));
		assertThat(emails).isBetween(0.1, 0.5);
	}

	private static Path file(int index) {
		return out.resolve(manifest.files().get(index).path());
	}

	private static double share(List<String> values, Predicate<String> predicate) {
		return (double) values.stream().filter(predicate).count() / values.size();
	}

	private static long cents(String amount) {
		return Math.round(Double.parseDouble(amount.replace(",", "")) * 100);
	}

}
