package dev.siyu.synthetic;

import java.util.SplittableRandom;

/**
 * Shops, parcel stations and office front desks that receive parcels for hundreds of
 * different people, under their own phone number: a hub identifier that links nobody.
 */
final class Hubs {

	/** About one station for every 20,000 customers. */
	static final int CUSTOMERS_PER_HUB = 20_000;

	private static final String[] KINDS = { "菜鸟驿站", "妈妈驿站", "兔喜生活超市", "物业服务中心", "公司前台", "便利店代收点" };

	private final Hub[] hubs;

	Hubs(long customers, long seed) {
		this.hubs = new Hub[(int) Math.max(1, customers / CUSTOMERS_PER_HUB)];
		for (int i = 0; i < this.hubs.length; i++) {
			SplittableRandom random = new SplittableRandom(Scramble.seed(seed, 50, i));
			String kind = KINDS[random.nextInt(KINDS.length)];
			this.hubs[i] = new Hub(Phones.hub(i, seed), Geography.station(random, kind + "(" + (i + 1) + "号店)"));
		}
	}

	int count() {
		return this.hubs.length;
	}

	Hub get(int index) {
		return this.hubs[index];
	}

	record Hub(String phone, Address address) {
	}

}
