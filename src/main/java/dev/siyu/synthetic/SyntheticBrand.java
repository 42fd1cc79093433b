package dev.siyu.synthetic;

import java.io.IOException;
import java.util.function.LongConsumer;

/**
 * Generates the order exports of a dairy brand (牧源乳业) on Tmall, Douyin, JD and its own
 * mall, with the ground truth of which person placed each order. Deterministic: the same
 * request writes byte-identical files. Streams person by person, so ten million customers
 * fit in a small heap.
 */
public final class SyntheticBrand {

	private SyntheticBrand() {
	}

	/**
	 * Writes the exports, {@code truth.csv} and {@code manifest.json} into
	 * {@code request.out()}, replacing files of the same names.
	 * @param request what to generate
	 * @param ordersWritten told the number of orders written so far, every 10,000 orders
	 * and at the end
	 * @return what was written
	 * @throws IOException if a file cannot be written
	 */
	public static Manifest generate(GenerationRequest request, LongConsumer ordersWritten) throws IOException {
		return new Generation(request, (ordersWritten != null) ? ordersWritten : (count) -> {
		}).run();
	}

}
