package dev.siyu.synthetic;

import java.util.SplittableRandom;

/**
 * Turns a planned purchase into an order: the platform, items, amounts, status and times
 * at export, and who receives it (the buyer, a friend for gifts, an office or a shared
 * station).
 */
final class OrderFactory {

	private static final String[] BUYER_MESSAGES = { "请尽快发货", "要新鲜日期的,谢谢", "送人的,不要放价格单", "放门口就行", "周末配送", "麻烦冰袋多放点",
			"请发顺丰" };

	private static final String[] SELLER_NOTES = { "已备注赠品", "老客户,送试饮装", "催发货", "顺丰冷链", "补发一瓶" };

	private static final String[] CARRIERS = { "顺丰速运", "中通快递", "圆通速递", "韵达快递", "京东快递" };

	private static final String[] TRACKING_PREFIXES = { "SF", "7", "YT", "43", "JDV" };

	/** How many random digits follow each prefix (all numbers have 14 chars). */
	private static final int[] TRACKING_DIGITS = { 12, 13, 12, 12, 11 };

	private static final int HOUR = 3600;

	private final Catalog catalog;

	private final Timeline timeline;

	private final OrderIds ids;

	private final People people;

	private final Hubs hubs;

	OrderFactory(Catalog catalog, Timeline timeline, OrderIds ids, People people, Hubs hubs) {
		this.catalog = catalog;
		this.timeline = timeline;
		this.ids = ids;
		this.people = people;
		this.hubs = hubs;
	}

	/**
	 * Where the person places this order: mostly their first platform, milk cards in the
	 * mall.
	 */
	static Platform route(Person person, long time, Sku sku, SplittableRandom random) {
		double[] weights = new double[Platform.ALL.length];
		double total = 0;
		for (Platform platform : Platform.ALL) {
			double weight = person.routing()[platform.ordinal()];
			if (platform == Platform.MALL) {
				weight = (time < person.mallJoin()) ? 0 : weight * ((sku.category() == Category.MILK_CARD) ? 4 : 1);
			}
			weights[platform.ordinal()] = weight;
			total += weight;
		}
		double roll = random.nextDouble() * total;
		Platform chosen = null;
		for (Platform platform : Platform.ALL) {
			if (weights[platform.ordinal()] > 0) {
				chosen = platform;
				roll -= weights[platform.ordinal()];
				if (roll < 0) {
					break;
				}
			}
		}
		return chosen;
	}

	void fill(Order order, Person person, Platform platform, long time, Sku sku, SplittableRandom random) {
		order.platform = platform;
		order.person = person;
		order.random = random;
		order.created = time;
		order.id = this.ids.next(platform, time, person.index(), random);
		items(order, sku, random);
		amounts(order, random);
		status(order, random);
		receiver(order, random);
		order.buyerMessage = (random.nextInt(100) < 5) ? BUYER_MESSAGES[random.nextInt(BUYER_MESSAGES.length)] : null;
		order.sellerNote = (random.nextInt(100) < 3) ? SELLER_NOTES[random.nextInt(SELLER_NOTES.length)] : null;
	}

	private void items(Order order, Sku sku, SplittableRandom random) {
		order.lineCount = 0;
		addLine(order, sku, quantity(sku.category(), random));
		int extra = random.nextInt(100);
		if (extra < 22) {
			Category category = random.nextBoolean() ? sku.category()
					: Category.ALL[random.nextInt(Category.GIFT_BOX.ordinal())];
			Sku second = this.catalog.pick(category, random);
			addLine(order, second, quantity(category, random));
			if (extra < 5) {
				Sku third = this.catalog.pick(Category.ALL[random.nextInt(Category.ALL.length)], random);
				addLine(order, third, 1);
			}
		}
	}

	private static void addLine(Order order, Sku sku, int quantity) {
		for (int i = 0; i < order.lineCount; i++) {
			if (order.skus[i] == sku) {
				order.quantities[i] += quantity;
				return;
			}
		}
		order.skus[order.lineCount] = sku;
		order.quantities[order.lineCount] = quantity;
		order.lineCount++;
	}

	private static int quantity(Category category, SplittableRandom random) {
		int roll = random.nextInt(100);
		return switch (category) {
			case MILK_CARD -> (roll < 95) ? 1 : 2;
			case GIFT_BOX -> (roll < 70) ? 1 : 2 + random.nextInt(4);
			case MILK_POWDER -> (roll < 60) ? 1 : (roll < 85) ? 2 : 3 + random.nextInt(2);
			default -> (roll < 55) ? 1 : (roll < 85) ? 2 : 3 + random.nextInt(4);
		};
	}

	private static void amounts(Order order, SplittableRandom random) {
		long goods = 0;
		for (int i = 0; i < order.lineCount; i++) {
			goods += order.lineGoods(i);
		}
		order.goods = goods;
		long discount = 0;
		if (random.nextInt(100) < 35) {
			discount = (goods >= 29_900) ? 3_000
					: (goods >= 19_900) ? 2_000 : (goods >= 9_900) ? 1_000 : (goods >= 4_900) ? 500 : 0;
		}
		order.discount = discount;
		long left = discount;
		for (int i = 0; i < order.lineCount; i++) {
			long share = (i == order.lineCount - 1) ? left : discount * order.lineGoods(i) / goods;
			order.lineDiscounts[i] = share;
			left -= share;
		}
		order.freight = (goods - discount < 3_900) ? 800 : 0;
	}

	private void status(Order order, SplittableRandom random) {
		long export = this.timeline.exportTime();
		long created = order.created;
		order.paid = Order.NONE;
		order.shipped = Order.NONE;
		order.completed = Order.NONE;
		order.refund = 0;
		int roll = random.nextInt(1000);
		boolean recent = export - created < 24 * HOUR;
		boolean showsPending = order.platform == Platform.TAOBAO || order.platform == Platform.DOUYIN;
		if (roll < 40 && (!recent || showsPending)) {
			order.status = recent ? Status.PENDING : Status.CLOSED;
			order.carrier = null;
			order.trackingNumber = null;
			return;
		}
		order.paid = Math.min(export, created + 5 + (long) (600 * -Math.log(1 - random.nextDouble())));
		long shipped = order.paid + 2 * HOUR + random.nextInt(40 * HOUR);
		long delivered = shipped + 20 * HOUR + random.nextInt(60 * HOUR);
		long confirmed = Math.min(shipped + 10 * 24 * HOUR, delivered + random.nextInt(7 * 24 * HOUR));
		if (roll >= 40 && roll < 75 && export - created > 2 * HOUR) {
			order.status = Status.REFUNDED;
			order.refund = order.payable();
			if (random.nextBoolean() && shipped < export) {
				order.shipped = shipped;
			}
		}
		else if (shipped >= export) {
			order.status = Status.PAID;
		}
		else if (confirmed >= export) {
			order.status = Status.SHIPPED;
			order.shipped = shipped;
		}
		else {
			order.status = Status.COMPLETED;
			order.shipped = shipped;
			order.completed = confirmed;
		}
		if (order.shipped != Order.NONE) {
			shipment(order, random);
		}
		else {
			order.carrier = null;
			order.trackingNumber = null;
		}
	}

	private static void shipment(Order order, SplittableRandom random) {
		int carrier = (order.platform == Platform.JD) ? CARRIERS.length - 1 : random.nextInt(CARRIERS.length - 1);
		int digits = TRACKING_DIGITS[carrier];
		long number = Math.floorMod(random.nextLong(), 100_000_000_000_000L);
		order.carrier = CARRIERS[carrier];
		order.trackingNumber = TRACKING_PREFIXES[carrier] + Scramble.padded(number, 14).substring(14 - digits);
	}

	private void receiver(Order order, SplittableRandom random) {
		Person person = order.person;
		order.hub = false;
		order.receiverName = person.name();
		order.receiverPhone = person.phoneAt(order.created);
		order.address = person.home();
		if (person.hub() >= 0 && random.nextInt(100) < 10) {
			Hubs.Hub hub = this.hubs.get(person.hub());
			order.hub = true;
			order.receiverPhone = hub.phone();
			order.address = hub.address();
		}
		else if (order.skus[0].category() == Category.GIFT_BOX && random.nextInt(100) < 35) {
			People.Friend friend = this.people.friend(person, random.nextInt(4));
			order.receiverName = friend.name();
			order.receiverPhone = friend.phone();
			order.address = friend.address();
		}
		else if (person.office() != null && random.nextInt(100) < 20) {
			order.address = person.office();
		}
	}

}
