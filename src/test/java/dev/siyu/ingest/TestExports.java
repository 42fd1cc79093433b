package dev.siyu.ingest;

import java.nio.file.Path;

/** Export files for tests outside the ingest package. */
public final class TestExports {

	private TestExports() {
	}

	public static Path oneTaobaoOrder(Path dir, String orderId) {
		return ExportFixture.taobaoOrders().order(orderId).set("买家会员名", "buyer-" + orderId).writeTo(dir);
	}

}
