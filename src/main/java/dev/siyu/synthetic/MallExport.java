package dev.siyu.synthetic;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;

/**
 * The brand's own mini-program mall: UTF-8, one row per item, imported through the
 * generic mapping {@code mall/mall-mapping.yaml} written next to it. Shows the WeChat
 * unionid and full phone numbers, and the gender and birthday of members who filled in
 * their profile.
 */
final class MallExport implements Export {

	static final String MAPPING = "mall/mall-mapping.yaml";

	private static final String[] COLUMNS = { "订单号", "用户ID", "unionid", "手机号", "收货人", "收货地址", "下单时间", "支付时间", "订单状态",
			"商品编码", "商品名称", "品类", "数量", "单价", "实付金额", "运费", "邮箱", "性别", "生日" };

	private static final Cell[] STATUSES = Arrays.stream(Status.values())
		.map((status) -> new Cell(status(status)))
		.toArray(Cell[]::new);

	private static final Cell[] CATEGORIES = Arrays.stream(Category.ALL)
		.map((category) -> new Cell(category.label()))
		.toArray(Cell[]::new);

	private final Timeline timeline;

	private final CsvWriter rows;

	private final List<ManifestFile> files;

	MallExport(Path out, String stem, Timeline timeline) throws IOException {
		this.timeline = timeline;
		String file = "mall/mall_orders_" + stem + ".csv";
		this.rows = CsvWriter.utf8(out.resolve(file), false, false);
		this.rows.header(COLUMNS);
		try (InputStream mapping = MallExport.class.getResourceAsStream("mall-mapping.yaml")) {
			if (mapping == null) {
				throw new IllegalStateException("mall-mapping.yaml is missing from the classpath");
			}
			Files.copy(mapping, out.resolve(MAPPING), StandardCopyOption.REPLACE_EXISTING);
		}
		this.files = List.of(new ManifestFile(file, "generic", MAPPING));
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
		Person person = order.person;
		String email = (person.email() != null && order.random.nextInt(100) < 80) ? person.email() : null;
		Cell status = STATUSES[order.status.ordinal()];
		long paid = order.isPaid() ? order.payable() : 0;
		Cell address = order.address.joined();
		// members who filled in their profile: the same gender and birthday on every
		// order
		long member = mix(person.account(Platform.MALL).hashCode());
		boolean profiled = (member & 7) < 6;
		String gender = profiled ? (((member >>> 3) & 1) == 0 ? "女" : "男") : null;
		String birthday = profiled ? String.format("%d-%02d-%02d", 1965 + (member >>> 4) % 40, 1 + (member >>> 10) % 12,
				1 + (member >>> 16) % 28) : null;
		CsvWriter row = this.rows;
		for (int i = 0; i < order.lineCount; i++) {
			Sku sku = order.skus[i];
			row.raw(order.id).raw(person.account(Platform.MALL)).raw(person.unionid()).raw(order.receiverPhone);
			row.raw(order.receiverName).cell(address).dateTime(this.timeline, order.created);
			row.dateTime(this.timeline, order.paid).cell(status).raw(sku.code()).cell(sku.title());
			row.cell(CATEGORIES[sku.category().ordinal()]).number(order.quantities[i]).money(sku.price()).money(paid);
			row.money(order.freight).text(email).text(gender).text(birthday);
			row.endRow();
		}
	}

	private static long mix(long value) {
		long h = value * 0x9E3779B97F4A7C15L;
		return (h ^ (h >>> 29)) & Long.MAX_VALUE;
	}

	static String status(Status status) {
		return switch (status) {
			case PENDING -> "待付款";
			case PAID -> "待发货";
			case SHIPPED -> "已发货";
			case COMPLETED -> "已完成";
			case CLOSED -> "已关闭";
			case REFUNDED -> "已退款";
		};
	}

	@Override
	public void close() throws IOException {
		this.rows.close();
	}

}
