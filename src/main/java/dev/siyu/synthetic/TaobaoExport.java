package dev.siyu.synthetic;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Tmall/Taobao seller centre exports in GBK with CRLF: the order file and the item file.
 * Reproduces the quirks: ids as {@code ="..."} spreadsheet formulas, phones with a
 * leading {@code '}, masked and virtual phones, a header with a trailing space, amounts
 * with thousands separators, {@code 省 市 区 详细地址(邮编)} addresses.
 */
final class TaobaoExport implements Export {

	static final String SHOP_ID = "572639104";

	static final String SHOP_NAME = Catalog.BRAND + "乳业旗舰店";

	private static final String[] ORDER_COLUMNS = { "订单编号 ", "买家会员名", "买家支付宝账号", "支付单号", "支付详情", "买家应付货款", "买家应付邮费",
			"买家支付积分", "总金额", "返点积分", "买家实际支付金额", "买家实际支付积分", "订单状态", "买家留言", "收货人姓名", "收货地址", "运送方式", "联系电话", "联系手机",
			"订单创建时间", "订单付款时间", "宝贝标题", "宝贝种类", "物流单号", "物流公司", "订单备注", "宝贝总数量", "店铺Id", "店铺名称", "订单关闭原因", "卖家服务费",
			"买家服务费", "发票抬头", "是否手机订单", "分阶段订单信息", "特权订金订单id", "是否上传合同照片", "是否上传小票", "是否代付", "定金排名", "修改后的sku",
			"修改后的收货地址", "异常信息", "天猫卡券抵扣", "集分宝抵扣", "是否是O2O交易", "新零售交易类型", "新零售导购门店名称", "新零售导购门店id", "新零售发货门店名称",
			"新零售发货门店id", "退款金额", "预约门店", "确认收货时间", "打款商家金额", "含应开票给个人的个人红包", "是否信用购", "体验期结束时间", "前N有礼", "配送类型",
			"主订单编号" };

	private static final String[] ITEM_COLUMNS = { "订单编号", "标题", "价格", "购买数量", "外部系统编号", "商品属性", "套餐信息", "备注", "订单状态",
			"商家编码" };

	/** The empty cells from 定金排名 to 新零售发货门店id. */
	private static final int EMPTY_RUN = 12;

	private static final Cell[] STATUSES = Arrays.stream(Status.values())
		.map((status) -> new Cell(status(status)))
		.toArray(Cell[]::new);

	private static final Cell SHOP = new Cell(SHOP_NAME);

	private static final Cell EXPRESS = new Cell("快递");

	private static final Cell MOBILE = new Cell("手机订单");

	private static final Cell NO = new Cell("否");

	private static final Cell UNPAID = new Cell("买家未付款");

	private static final Cell REFUND = new Cell("退款");

	private static final Cell NOT_CLOSED = new Cell("订单未关闭");

	private final Timeline timeline;

	private final CsvWriter orders;

	private final CsvWriter items;

	private final List<ManifestFile> files;

	private final StringBuilder builder = new StringBuilder(256);

	TaobaoExport(Path out, String stem, Timeline timeline) throws IOException {
		this.timeline = timeline;
		String orderFile = "taobao/ExportOrderList" + stem + ".csv";
		String itemFile = "taobao/ExportOrderDetailList" + stem + ".csv";
		this.orders = CsvWriter.gbk(out.resolve(orderFile), true);
		this.items = CsvWriter.gbk(out.resolve(itemFile), true);
		this.orders.header(ORDER_COLUMNS);
		this.items.header(ITEM_COLUMNS);
		this.files = List.of(new ManifestFile(orderFile, "taobao", null), new ManifestFile(itemFile, "taobao", null));
	}

	static int orderColumns() {
		return ORDER_COLUMNS.length;
	}

	@Override
	public List<ManifestFile> files() {
		return this.files;
	}

	@Override
	public void write(Order order) throws IOException {
		Cell status = STATUSES[order.status.ordinal()];
		byte[] id = formula(order.id);
		CsvWriter row = this.orders;
		row.empty().and(id).raw(order.person.account(Platform.TAOBAO)).raw(order.person.alipay());
		if (order.isPaid()) {
			long random = Math.floorMod(order.random.nextLong(), 10_000_000_000_000_000L);
			row.raw(this.timeline.compactDay(order.paid)).and("2200").andDigits(random, 16).empty();
		}
		else {
			row.empty().empty();
		}
		row.money(order.goods - order.discount).money(order.freight).number(0).groupedMoney(order.payable()).number(0);
		row.groupedMoney(order.isPaid() ? order.payable() : 0).number(0).cell(status).text(order.buyerMessage);
		row.raw(order.receiverName).cell(order.address.spaced()).cell(EXPRESS).empty();
		phone(row.raw("'"), order);
		row.dateTime(this.timeline, order.created).dateTime(this.timeline, order.paid);
		if (order.lineCount == 1) {
			row.cell(order.skus[0].title());
		}
		else {
			row.text(titles(order));
		}
		row.number(order.lineCount).text(order.trackingNumber).text(order.carrier).text(order.sellerNote);
		row.number(order.totalQuantity()).raw(SHOP_ID).cell(SHOP).cell(closeReason(order));
		row.number(0).number(0).empty();
		if (order.random.nextInt(100) < 85) {
			row.cell(MOBILE);
		}
		else {
			row.empty();
		}
		row.empty().empty().cell(NO).cell(NO).cell(NO);
		for (int i = 0; i < EMPTY_RUN; i++) {
			row.empty();
		}
		row.money(order.refund).empty().dateTime(this.timeline, order.completed);
		if (order.status == Status.COMPLETED) {
			row.money(order.payable() - order.refund);
		}
		else {
			row.empty();
		}
		row.empty().cell(NO).empty().empty().empty();
		row.empty().and(id).endRow();
		for (int i = 0; i < order.lineCount; i++) {
			Sku sku = order.skus[i];
			this.items.empty().and(id).cell(sku.title()).money(sku.price()).number(order.quantities[i]);
			this.items.raw(sku.code()).cell(sku.spec()).empty().empty().cell(status).raw(sku.code());
			this.items.endRow();
		}
	}

	/** {@code ="123"}: a spreadsheet formula that keeps long ids from being rounded. */
	private static byte[] formula(String id) {
		byte[] formula = new byte[id.length() + 3];
		formula[0] = '=';
		formula[1] = '"';
		for (int i = 0; i < id.length(); i++) {
			formula[i + 2] = (byte) id.charAt(i);
		}
		formula[formula.length - 1] = '"';
		return formula;
	}

	/** 15% masked, 5% a virtual number, else the full number. */
	private static void phone(CsvWriter row, Order order) throws IOException {
		int roll = order.random.nextInt(100);
		if (roll < 15) {
			Phones.andMasked(row, order.receiverPhone);
		}
		else {
			row.and((roll < 20) ? Phones.virtual(order.random) : order.receiverPhone);
		}
	}

	private String titles(Order order) {
		StringBuilder titles = this.builder;
		titles.setLength(0);
		for (int i = 0; i < order.lineCount; i++) {
			if (i > 0) {
				titles.append(',');
			}
			titles.append(order.skus[i].title().text());
		}
		return titles.toString();
	}

	private static Cell closeReason(Order order) {
		return switch (order.status) {
			case CLOSED -> UNPAID;
			case REFUNDED -> REFUND;
			default -> NOT_CLOSED;
		};
	}

	static String status(Status status) {
		return switch (status) {
			case PENDING -> "等待买家付款";
			case PAID -> "买家已付款，等待卖家发货";
			case SHIPPED -> "卖家已发货，等待买家确认";
			case COMPLETED -> "交易成功";
			case CLOSED, REFUNDED -> "交易关闭";
		};
	}

	@Override
	public void close() throws IOException {
		try (CsvWriter closing = this.items) {
			this.orders.close();
		}
	}

}
