package dev.siyu.synthetic;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * JD POP order export: GBK with CRLF, one row per SKU, order amounts repeated on each
 * row, the buyer's JD pin in 下单帐号, phones full on most orders.
 */
final class JdExport implements Export {

	private static final String[] COLUMNS = { "订单号", "商品ID", "商品名称", "订购数量", "支付方式", "下单时间", "京东价", "订单金额", "结算金额",
			"余额支付", "应付金额", "订单状态", "订单类型", "下单帐号", "客户姓名", "客户地址", "联系电话", "订单备注", "发票类型", "发票抬头", "发票内容", "商家备注",
			"商家备注等级（等级1-5为由高到低）", "运费金额", "付款确认时间", "增值税发票", "货号", "订单完成时间", "订单来源", "订单渠道" };

	private static final Cell[] SOURCES = { new Cell("京东App"), new Cell("京东App"), new Cell("京东App"), new Cell("微信京东购物"),
			new Cell("PC端") };

	private static final Cell[] STATUSES = Arrays.stream(Status.values())
		.map((status) -> new Cell(status(status)))
		.toArray(Cell[]::new);

	private static final Cell ONLINE = new Cell("在线支付");

	private static final Cell NORMAL = new Cell("普通订单");

	private static final Cell E_INVOICE = new Cell("电子普通发票");

	private static final Cell PERSONAL = new Cell("个人");

	private static final Cell DETAILS = new Cell("商品明细");

	private static final Cell NO_INVOICE = new Cell("不开发票");

	private static final Cell NO = new Cell("否");

	private final Timeline timeline;

	private final CsvWriter rows;

	private final List<ManifestFile> files;

	JdExport(Path out, String stem, Timeline timeline) throws IOException {
		this.timeline = timeline;
		String file = "jd/jd_orders_" + stem + ".csv";
		this.rows = CsvWriter.gbk(out.resolve(file), true);
		this.rows.header(COLUMNS);
		this.files = List.of(new ManifestFile(file, "jd", null));
	}

	static int columns() {
		return COLUMNS.length;
	}

	@Override
	public List<ManifestFile> files() {
		return this.files;
	}

	@Override
	public void write(Order order) throws IOException {
		boolean fullPhone = order.random.nextInt(100) < 70;
		Cell source = SOURCES[order.random.nextInt(SOURCES.length)];
		boolean invoice = order.random.nextInt(100) < 30;
		Cell status = STATUSES[order.status.ordinal()];
		String account = order.person.account(Platform.JD);
		Cell address = order.address.joined();
		CsvWriter row = this.rows;
		for (int i = 0; i < order.lineCount; i++) {
			Sku sku = order.skus[i];
			row.raw(order.id).raw(sku.jdId()).cell(sku.title()).number(order.quantities[i]).cell(ONLINE);
			row.dateTime(this.timeline, order.created).money(sku.price()).money(order.goods).money(order.payable());
			row.money(0).money(order.payable()).cell(status).cell(NORMAL).raw(account).raw(order.receiverName);
			row.cell(address);
			if (fullPhone) {
				row.raw(order.receiverPhone);
			}
			else {
				Phones.andMasked(row.empty(), order.receiverPhone);
			}
			row.text(order.buyerMessage);
			if (invoice) {
				row.cell(E_INVOICE).cell(PERSONAL).cell(DETAILS);
			}
			else {
				row.cell(NO_INVOICE).empty().empty();
			}
			row.text(order.sellerNote).empty().money(order.freight).dateTime(this.timeline, order.paid).cell(NO);
			row.raw(sku.code()).dateTime(this.timeline, order.completed).cell(source).cell(NORMAL);
			row.endRow();
		}
	}

	static String status(Status status) {
		return switch (status) {
			case PENDING -> "等待付款";
			case PAID -> "等待出库";
			case SHIPPED -> "等待确认收货";
			case COMPLETED -> "完成";
			case CLOSED, REFUNDED -> "已取消";
		};
	}

	@Override
	public void close() throws IOException {
		this.rows.close();
	}

}
