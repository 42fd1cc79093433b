package dev.siyu.synthetic;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;

/**
 * One run: person by person, plan the purchases, turn them into orders and write each one
 * at once. Memory stays flat whatever the number of customers.
 */
final class Generation {

	static final long PROGRESS_EVERY = 10_000;

	private static final long PERSON_STREAM = 1;

	private final GenerationRequest request;

	private final LongConsumer ordersWritten;

	private final Timeline timeline;

	private final People people;

	private final PurchaseHistory history;

	private final OrderFactory factory;

	private final Order order = new Order();

	private long customers;

	private long orders;

	private long orderLines;

	Generation(GenerationRequest request, LongConsumer ordersWritten) {
		this.request = request;
		this.ordersWritten = ordersWritten;
		long seed = request.seed();
		Catalog catalog = new Catalog();
		Hubs hubs = new Hubs(request.customers(), seed);
		this.timeline = new Timeline(seed, request.end());
		this.people = new People(seed, hubs.count());
		this.history = new PurchaseHistory(catalog, this.timeline);
		this.factory = new OrderFactory(catalog, this.timeline, new OrderIds(seed, this.timeline), this.people, hubs);
	}

	Manifest run() throws IOException {
		Path out = this.request.out();
		Export[] exports = new Export[Platform.ALL.length];
		List<ManifestFile> files = new ArrayList<>();
		try (Truth truth = new Truth(createDirectories(out))) {
			try {
				for (Platform platform : Platform.ALL) {
					if (this.request.includes(platform)) {
						exports[platform.ordinal()] = open(platform, out);
						files.addAll(exports[platform.ordinal()].files());
					}
				}
				generate(exports, truth);
			}
			finally {
				close(exports);
			}
		}
		this.ordersWritten.accept(this.orders);
		Manifest manifest = new Manifest(files, Truth.FILE, this.customers, this.orders, this.orderLines);
		ManifestJson.write(out.resolve("manifest.json"), manifest);
		return manifest;
	}

	private void generate(Export[] exports, Truth truth) throws IOException {
		long seed = this.request.seed();
		long limit = (this.request.maxOrders() > 0) ? this.request.maxOrders() : Long.MAX_VALUE;
		for (long index = 0; index < this.request.customers() && this.orders < limit; index++) {
			SplittableRandom random = new SplittableRandom(Scramble.seed(seed, PERSON_STREAM, index));
			Person person = this.people.create(index, random);
			this.customers++;
			int purchases = this.history.plan(person, random);
			for (int i = 0; i < purchases && this.orders < limit; i++) {
				SplittableRandom orderRandom = new SplittableRandom(random.nextLong());
				long time = this.history.time(i);
				Sku sku = this.history.sku(i);
				Platform platform = OrderFactory.route(person, time, sku, orderRandom);
				Export export = exports[platform.ordinal()];
				if (export != null) {
					this.factory.fill(this.order, person, platform, time, sku, orderRandom);
					export.write(this.order);
					truth.write(this.order);
					this.orderLines += this.order.lineCount;
					if (++this.orders % PROGRESS_EVERY == 0) {
						this.ordersWritten.accept(this.orders);
					}
				}
			}
		}
	}

	private Export open(Platform platform, Path out) throws IOException {
		Files.createDirectories(out.resolve(platform.key()));
		String stem = this.timeline.compactDay((long) (Timeline.DAYS - 1) * Timeline.DAY)
				+ Scramble.padded(Math.floorMod(Scramble.mix(this.request.seed()), 1000), 3);
		return switch (platform) {
			case TAOBAO -> new TaobaoExport(out, stem, this.timeline);
			case DOUYIN -> new DouyinExport(out, stem, this.timeline);
			case JD -> new JdExport(out, stem, this.timeline);
			case MALL -> new MallExport(out, stem, this.timeline);
		};
	}

	private static Path createDirectories(Path out) throws IOException {
		Files.createDirectories(out);
		return out;
	}

	private static void close(Export[] exports) throws IOException {
		IOException failure = null;
		for (Export export : exports) {
			if (export != null) {
				try {
					export.close();
				}
				catch (IOException ex) {
					if (failure == null) {
						failure = ex;
					}
					else {
						failure.addSuppressed(ex);
					}
				}
			}
		}
		if (failure != null) {
			throw failure;
		}
	}

}
