package dev.siyu.synthetic;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The ground truth: {@code platform,order_id,account,person}, one row per order, with the
 * canonical order id and the buyer id as the export shows it (empty for Douyin).
 */
final class Truth implements AutoCloseable {

	static final String FILE = "truth.csv";

	private final CsvWriter rows;

	Truth(Path out) throws IOException {
		this.rows = CsvWriter.utf8(out.resolve(FILE), false, false);
		this.rows.header("platform", "order_id", "account", "person");
	}

	void write(Order order) throws IOException {
		this.rows.raw(order.platform.key()).raw(order.id).raw(order.person.account(order.platform));
		this.rows.raw(order.person.id()).endRow();
	}

	@Override
	public void close() throws IOException {
		this.rows.close();
	}

}
