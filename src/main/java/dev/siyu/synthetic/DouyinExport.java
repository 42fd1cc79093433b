package dev.siyu.synthetic;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Douyin shop (抖店) export: UTF-8 with a BOM, one row per sub-order. No buyer id; phones
 * mostly masked; live room and creator attribution in 流量来源, 达人ID, 达人昵称.
 */
final class DouyinExport implements Export {

	private static final String[] COLUMNS = { "主订单编号", "子订单编号", "选购商品", "商品规格", "商品数量", "商品ID", "商家编码", "商品单价",
			"订单应付金额", "运费", "优惠总金额", "商家改价", "支付优惠", "红包抵扣", "手续费", "支付方式", "收件人", "收件人手机号", "省", "市", "区", "街道",
			"详细地址", "买家留言", "订单提交时间", "支付完成时间", "订单完成时间", "商家备注", "APP渠道", "流量来源", "订单状态", "承诺发货时间", "订单类型", "达人ID",
			"达人昵称", "售后状态", "取消原因", "广告渠道", "鲁班落地页ID", "仓库ID", "仓库名称", "商家优惠" };

	private static final Cell[] PAYMENTS = { new Cell("抖音支付"), new Cell("抖音支付"), new Cell("微信"), new Cell("支付宝"),
			new Cell("抖音月付") };

	private static final Cell[] STATUSES = Arrays.stream(Status.values())
		.map((status) -> new Cell(status(status)))
		.toArray(Cell[]::new);

	private static final Cell EMPTY = new Cell("");

	private static final Cell REFUNDED = new Cell("退款成功");

	private static final Cell NO_AFTER_SALE = new Cell("-");

	private static final Cell UNPAID = new Cell("超时未支付");

	private static final Cell ADS = new Cell("巨量千川");

	private static final Cell NORMAL = new Cell("普通订单");

	private static final long PROMISED_SHIPPING = 48 * 3600;

	private final Timeline timeline;

	private final CsvWriter rows;

	private final List<ManifestFile> files;

	DouyinExport(Path out, String stem, Timeline timeline) throws IOException {
		this.timeline = timeline;
		String file = "douyin/fxg_export_" + stem + ".csv";
		this.rows = CsvWriter.utf8(out.resolve(file), true, false);
		this.rows.header(COLUMNS);
		this.files = List.of(new ManifestFile(file, "douyin", null));
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
		LiveRooms.Traffic traffic = LiveRooms.traffic(order.random);
		Cell app = LiveRooms.app(order.random);
		boolean fullPhone = order.random.nextInt(100) < 30;
		Cell payment = order.isPaid() ? PAYMENTS[order.random.nextInt(PAYMENTS.length)] : EMPTY;
		Cell afterSale = (order.status == Status.REFUNDED) ? REFUNDED : NO_AFTER_SALE;
		Cell cancel = (order.status == Status.CLOSED) ? UNPAID : EMPTY;
		Cell ads = (traffic.creator() != null && order.random.nextInt(100) < 20) ? ADS : EMPTY;
		long id = Long.parseLong(order.id);
		Address address = order.address;
		CsvWriter row = this.rows;
		for (int i = 0; i < order.lineCount; i++) {
			Sku sku = order.skus[i];
			long freight = (i == 0) ? order.freight : 0;
			long lineDiscount = order.lineDiscounts[i];
			row.raw(order.id).number(id + i + 1).cell(sku.title()).cell(sku.spec()).number(order.quantities[i]);
			row.raw(sku.douyinId()).raw(sku.code()).money(sku.price());
			row.money(order.lineGoods(i) - lineDiscount + freight).money(freight).money(lineDiscount);
			row.money(0).money(0).money(0).money(0).cell(payment).raw(order.receiverName);
			if (fullPhone) {
				row.raw(order.receiverPhone);
			}
			else {
				Phones.andMasked(row.empty(), order.receiverPhone);
			}
			row.cell(address.province()).cell(address.city()).cell(address.district()).cell(address.town());
			row.cell(address.detail()).text(order.buyerMessage).dateTime(this.timeline, order.created);
			row.dateTime(this.timeline, order.paid).dateTime(this.timeline, order.completed).text(order.sellerNote);
			row.cell(app).cell(traffic.source()).cell(STATUSES[order.status.ordinal()]);
			row.dateTime(this.timeline, order.isPaid() ? order.paid + PROMISED_SHIPPING : Order.NONE).cell(NORMAL);
			if (traffic.creator() != null) {
				row.raw(traffic.creator().id()).cell(traffic.creator().nickname());
			}
			else {
				row.empty().empty();
			}
			row.cell(afterSale).cell(cancel).cell(ads).empty().empty().empty().money(lineDiscount);
			row.endRow();
		}
	}

	static String status(Status status) {
		return switch (status) {
			case PENDING -> "待支付";
			case PAID -> "待发货";
			case SHIPPED -> "已发货";
			case COMPLETED -> "已完成";
			case CLOSED, REFUNDED -> "已关闭";
		};
	}

	@Override
	public void close() throws IOException {
		this.rows.close();
	}

}
