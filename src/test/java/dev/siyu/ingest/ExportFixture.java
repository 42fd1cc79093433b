package dev.siyu.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small test DSL for export files: rows by column name, written as CSV in the encoding
 * and with the quirks of the platform.
 *
 * <pre>
 * ExportFixture.taobaoOrders().order("1001").set("买家会员名", "tb_lily").writeTo(dir);
 * </pre>
 */
final class ExportFixture {

	static final List<String> TAOBAO_ORDER_COLUMNS = List.of("订单编号", "买家会员名", "买家支付宝账号", "买家应付货款", "买家应付邮费", "总金额",
			"买家实际支付金额", "订单状态", "买家留言", "收货人姓名", "收货地址 ", "运送方式", "联系电话 ", "联系手机", "订单创建时间", "订单付款时间 ", "宝贝标题 ",
			"宝贝种类 ", "物流单号 ", "宝贝总数量", "店铺Id", "店铺名称", "退款金额", "确认收货时间");

	static final List<String> TAOBAO_ITEM_COLUMNS = List.of("订单编号", "标题", "价格", "购买数量", "外部系统编号", "商品属性", "套餐信息", "备注",
			"订单状态", "商家编码");

	static final List<String> DOUYIN_COLUMNS = List.of("主订单编号", "子订单编号", "选购商品", "商品规格", "商品数量", "商品ID", "商家编码", "商品单价",
			"订单应付金额", "运费", "收件人", "收件人手机号", "省", "市", "区", "街道", "详细地址", "订单提交时间", "支付完成时间", "订单完成时间", "流量来源", "订单状态",
			"达人ID", "达人昵称");

	static final List<String> JD_COLUMNS = List.of("订单号", "商品ID", "商品名称", "订购数量", "下单时间", "京东价", "订单金额", "应付金额", "订单状态",
			"下单帐号", "客户姓名", "客户地址", "联系电话", "运费金额", "付款确认时间", "货号", "订单完成时间");

	private final String fileName;

	private final List<String> columns;

	private final Charset charset;

	private final Map<String, String> defaults = new LinkedHashMap<>();

	private final List<Map<String, String>> rows = new ArrayList<>();

	private Map<String, String> current;

	private ExportFixture(String fileName, List<String> columns, Charset charset) {
		this.fileName = fileName;
		this.columns = columns;
		this.charset = charset;
	}

	/** A Taobao order file, GBK, with the usual defaults for a completed order. */
	static ExportFixture taobaoOrders() {
		ExportFixture fixture = new ExportFixture("ExportOrderList202401.csv", TAOBAO_ORDER_COLUMNS,
				Charset.forName("GBK"));
		fixture.defaults.putAll(Map.of("买家实际支付金额", "99.00", "订单状态", "交易成功", "收货人姓名", "王小明", "收货地址 ",
				"浙江省 杭州市 西湖区 文三路100号(310000)", "订单创建时间", "2024-01-05 10:00:00", "订单付款时间 ", "2024-01-05 10:01:00",
				"宝贝总数量", "1", "店铺名称", "牧源乳业旗舰店", "店铺Id", "5001", "退款金额", "0.00"));
		return fixture;
	}

	static ExportFixture taobaoItems() {
		ExportFixture fixture = new ExportFixture("ExportOrderDetailList202401.csv", TAOBAO_ITEM_COLUMNS,
				Charset.forName("GBK"));
		fixture.defaults.putAll(Map.of("标题", "鲜牛奶 950ml", "价格", "99.00", "购买数量", "1", "商家编码", "MILK-950"));
		return fixture;
	}

	static ExportFixture douyin() {
		ExportFixture fixture = new ExportFixture("fxg_export_202401.csv", DOUYIN_COLUMNS, StandardCharsets.UTF_8);
		fixture.defaults.putAll(Map.of("选购商品", "酸奶 12杯", "商品数量", "1", "商家编码", "YOG-12", "商品单价", "59.90", "订单应付金额",
				"59.90", "收件人", "李娜", "省", "上海市", "市", "上海市", "区", "浦东新区", "详细地址", "世纪大道1号"));
		fixture.defaults.putAll(
				Map.of("订单提交时间", "2024-02-01 20:00:00", "支付完成时间", "2024-02-01 20:00:30", "订单状态", "已完成", "流量来源", "直播"));
		return fixture;
	}

	static ExportFixture jd() {
		ExportFixture fixture = new ExportFixture("jd_orders_202401.csv", JD_COLUMNS, Charset.forName("GBK"));
		fixture.defaults.putAll(Map.of("商品名称", "奶粉 800g", "订购数量", "1", "京东价", "268.00", "应付金额", "268.00", "订单状态", "完成",
				"客户姓名", "张伟", "客户地址", "北京 北京市 朝阳区 建国路8号", "下单时间", "2024-03-01 09:00:00", "货号", "POWDER-800", "商品ID",
				"100200"));
		return fixture;
	}

	static ExportFixture custom(String fileName, List<String> columns) {
		return new ExportFixture(fileName, columns, StandardCharsets.UTF_8);
	}

	/** A value every row started after this has unless set otherwise. */
	ExportFixture withDefault(String column, String value) {
		if (!this.columns.contains(column)) {
			throw new IllegalArgumentException("no column '" + column + "' in " + this.fileName);
		}
		this.defaults.put(column, value);
		return this;
	}

	/** Starts a row for this order (the order id column is the first column). */
	ExportFixture order(String orderId) {
		this.current = new LinkedHashMap<>(this.defaults);
		this.current.put(this.columns.get(0), orderId);
		this.rows.add(this.current);
		return this;
	}

	ExportFixture set(String column, String value) {
		if (!this.columns.contains(column)) {
			throw new IllegalArgumentException("no column '" + column + "' in " + this.fileName);
		}
		this.current.put(column, value);
		return this;
	}

	ExportFixture named(String fileName) {
		return copy(fileName);
	}

	Path writeTo(Path dir) {
		Path file = dir.resolve(this.fileName);
		StringBuilder csv = new StringBuilder();
		if (this.charset.name().equals("UTF-8")) {
			csv.append('\ufeff');
		}
		csv.append(String.join(",", this.columns)).append("\r\n");
		for (Map<String, String> row : this.rows) {
			List<String> cells = new ArrayList<>();
			for (String column : this.columns) {
				cells.add(cell(column, row.getOrDefault(column, "")));
			}
			csv.append(String.join(",", cells)).append("\r\n");
		}
		try {
			Files.createDirectories(dir);
			Files.write(file, csv.toString().getBytes(this.charset));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return file;
	}

	private ExportFixture copy(String fileName) {
		ExportFixture copy = new ExportFixture(fileName, this.columns, this.charset);
		copy.defaults.putAll(this.defaults);
		copy.rows.addAll(this.rows);
		return copy;
	}

	/**
	 * Taobao writes order numbers as ="..." so spreadsheets keep every digit, and phones
	 * after a '.
	 */
	private String cell(String column, String value) {
		String written = value;
		if (this.fileName.startsWith("Export") && column.equals("订单编号") && !value.isEmpty()) {
			written = "=\"" + value + "\"";
		}
		if (column.equals("联系手机") && !value.isEmpty()) {
			written = "'" + value;
		}
		if (written.contains(",") || written.contains("\"") || written.contains("\n")) {
			return '"' + written.replace("\"", "\"\"") + '"';
		}
		return written;
	}

}
