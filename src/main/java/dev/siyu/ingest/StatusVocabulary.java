package dev.siyu.ingest;

import java.util.HashMap;
import java.util.Map;

/**
 * Turns the status texts platforms write (交易成功, 卖家已发货，等待买家确认, 已完成, 等待出库 ...) into
 * canonical statuses: a mapping's own statuses first, then the known texts of every
 * platform, then keywords, so a status text nobody listed still lands sensibly.
 */
final class StatusVocabulary {

	private static final Map<String, OrderStatus> KNOWN = new HashMap<>();

	static {
		known(OrderStatus.PENDING, "等待买家付款", "待付款", "待支付", "等待付款", "未付款", "pending", "unpaid", "created");
		known(OrderStatus.PAID, "买家已付款,等待卖家发货", "等待卖家发货", "待发货", "备货中", "等待出库", "已付款", "已支付", "部分发货", "paid", "topack");
		known(OrderStatus.SHIPPED, "卖家已发货,等待买家确认", "卖家已发货", "已发货", "等待确认收货", "已出库", "配送中", "待收货", "shipped",
				"delivering");
		known(OrderStatus.COMPLETED, "交易成功", "已完成", "完成", "已签收", "已收货", "completed", "success", "finished");
		known(OrderStatus.CLOSED, "交易关闭", "已关闭", "已取消", "取消", "订单取消", "(删除)已取消", "锁定", "closed", "cancelled",
				"canceled");
		known(OrderStatus.REFUNDED, "已退款", "退款成功", "交易关闭(退款)", "全额退款", "refunded");
	}

	private final Map<String, OrderStatus> own;

	StatusVocabulary(Map<String, OrderStatus> own) {
		this.own = own;
	}

	OrderStatus canonical(String text) {
		if (text == null || text.isBlank()) {
			return OrderStatus.OTHER;
		}
		String key = normalize(text);
		OrderStatus status = this.own.get(key);
		if (status == null) {
			status = KNOWN.get(key);
		}
		return (status != null) ? status : byKeyword(key);
	}

	static String normalize(String text) {
		StringBuilder normalized = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '，', '、' -> normalized.append(',');
				case '（' -> normalized.append('(');
				case '）' -> normalized.append(')');
				case ' ', '\t', '\u3000', '\u00a0' -> {
				}
				default -> normalized.append(Character.toLowerCase(c));
			}
		}
		return normalized.toString();
	}

	private static OrderStatus byKeyword(String key) {
		if (key.contains("退款") && (key.contains("成功") || key.contains("已退") || key.contains("关闭"))) {
			return OrderStatus.REFUNDED;
		}
		if (key.contains("关闭") || key.contains("取消")) {
			return OrderStatus.CLOSED;
		}
		if (key.contains("成功") || key.contains("完成")) {
			return OrderStatus.COMPLETED;
		}
		if (key.contains("已签收")) {
			return OrderStatus.COMPLETED;
		}
		if (key.contains("已发货") || key.contains("部分发货") || key.contains("确认收货") || key.contains("出库")) {
			return OrderStatus.SHIPPED;
		}
		if (key.contains("待发货") || key.contains("已付款") || key.contains("已支付")) {
			return OrderStatus.PAID;
		}
		if (key.contains("付款") || key.contains("支付")) {
			return OrderStatus.PENDING;
		}
		return OrderStatus.OTHER;
	}

	private static void known(OrderStatus status, String... texts) {
		for (String text : texts) {
			KNOWN.put(normalize(text), status);
		}
	}

}
