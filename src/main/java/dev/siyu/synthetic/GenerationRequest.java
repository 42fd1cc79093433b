package dev.siyu.synthetic;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;

/**
 * What to generate.
 *
 * @param customers how many persons to generate (at most 100,000,000)
 * @param seed the seed: the same request always gives byte-identical files
 * @param out the output directory
 * @param platforms a subset of {@code taobao}, {@code douyin}, {@code jd}, {@code mall};
 * empty means all four
 * @param maxOrders 0 for no limit, else stop exactly when that many orders were written
 * @param end the last day of the two years of orders; null for a day derived from the
 * seed
 */
public record GenerationRequest(long customers, long seed, Path out, Set<String> platforms, long maxOrders,
		LocalDate end) {

	/**
	 * The most persons a run can hold: phone numbers and account ids are unique below it.
	 */
	public static final long MAX_CUSTOMERS = 100_000_000L;

	public GenerationRequest {
		if (customers < 0 || customers > MAX_CUSTOMERS) {
			throw new IllegalArgumentException("customers must be between 0 and " + MAX_CUSTOMERS + ": " + customers);
		}
		if (maxOrders < 0) {
			throw new IllegalArgumentException("maxOrders must not be negative: " + maxOrders);
		}
		if (out == null) {
			throw new IllegalArgumentException("out directory is required");
		}
		platforms = (platforms != null) ? Set.copyOf(platforms) : Set.of();
		for (String platform : platforms) {
			Platform.byKey(platform);
		}
	}

	public GenerationRequest(long customers, long seed, Path out, Set<String> platforms, long maxOrders) {
		this(customers, seed, out, platforms, maxOrders, null);
	}

	/** The same request with orders up to the given day, e.g. yesterday for a demo. */
	public GenerationRequest endingOn(LocalDate day) {
		return new GenerationRequest(this.customers, this.seed, this.out, this.platforms, this.maxOrders, day);
	}

	public static GenerationRequest of(long customers, long seed, Path out) {
		return new GenerationRequest(customers, seed, out, Set.of(), 0);
	}

	boolean includes(Platform platform) {
		return this.platforms.isEmpty() || this.platforms.contains(platform.key());
	}

}
