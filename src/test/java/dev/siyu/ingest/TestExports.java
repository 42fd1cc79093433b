package dev.siyu.ingest;

import java.nio.file.Path;

/** Export files for tests outside the ingest package. */
public final class TestExports {

	private TestExports() {
	}

	public static Path oneTaobaoOrder(Path dir, String orderId) {
		return ExportFixture.taobaoOrders().order(orderId).set("买家会员名", "buyer-" + orderId).writeTo(dir);
	}

	public static Path oneTaobaoOrder(Path dir, String orderId, String buyer, String mobile) {
		return ExportFixture.taobaoOrders().order(orderId).set("买家会员名", buyer).set("联系手机", mobile).writeTo(dir);
	}

}
