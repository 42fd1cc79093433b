package dev.siyu.synthetic;

import java.util.SplittableRandom;

/**
 * Where Douyin orders come from: the shop's own live room, creators (达人) selling in their
 * live rooms or short videos, or the product card.
 */
final class LiveRooms {

	static final Creator SHOP = new Creator("1840275513", Catalog.BRAND + "乳业官方旗舰店");

	private static final Creator[] CREATORS = { new Creator("2094417736", "奶爸老陈"), new Creator("3180052291", "营养师Lily"),
			new Creator("97355120846", "宝妈日记"), new Creator("1175308642", "小杨的好物分享"), new Creator("4402917365", "吃货阿飞"),
			new Creator("60128833904", "健身教练Max"), new Creator("2739105548", "早餐研究所"),
			new Creator("3351760092", "育儿专家王老师"), new Creator("1908836271", "辣妈Coco"),
			new Creator("5521093847", "乡村牧场日记") };

	private static final String[] APPS = { "抖音", "抖音", "抖音", "抖音", "抖音", "抖音", "抖音", "抖音极速版", "抖音极速版", "抖音火山版" };

	private LiveRooms() {
	}

	/** Which creator, by popularity: the first ones sell most. */
	static Creator creator(SplittableRandom random) {
		int index = (int) (CREATORS.length * Math.pow(random.nextDouble(), 2.2));
		return CREATORS[Math.min(index, CREATORS.length - 1)];
	}

	static String app(SplittableRandom random) {
		return APPS[random.nextInt(APPS.length)];
	}

	/** A traffic source (流量来源) and the creator behind it, if any. */
	static Traffic traffic(SplittableRandom random) {
		int roll = random.nextInt(100);
		if (roll < 45) {
			return new Traffic("直播", (random.nextInt(100) < 55) ? SHOP : creator(random));
		}
		if (roll < 65) {
			return new Traffic("短视频", (random.nextInt(100) < 30) ? SHOP : creator(random));
		}
		return new Traffic("商品卡", null);
	}

	record Creator(String id, String nickname) {
	}

	record Traffic(String source, Creator creator) {
	}

}
