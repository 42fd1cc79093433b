package dev.siyu.synthetic;

import java.util.SplittableRandom;

/**
 * Where Douyin orders come from: the shop's own live room, creators (达人) selling in their
 * live rooms or short videos, or the product card.
 */
final class LiveRooms {

	static final Creator SHOP = creator("1840275513", Catalog.BRAND + "乳业官方旗舰店");

	private static final Creator[] CREATORS = { creator("2094417736", "奶爸老陈"), creator("3180052291", "营养师Lily"),
			creator("97355120846", "宝妈日记"), creator("1175308642", "小杨的好物分享"), creator("4402917365", "吃货阿飞"),
			creator("60128833904", "健身教练Max"), creator("2739105548", "早餐研究所"), creator("3351760092", "育儿专家王老师"),
			creator("1908836271", "辣妈Coco"), creator("5521093847", "乡村牧场日记") };

	private static final Cell DOUYIN = new Cell("抖音");

	private static final Cell LITE = new Cell("抖音极速版");

	private static final Cell HUOSHAN = new Cell("抖音火山版");

	private static final Cell[] APPS = { DOUYIN, DOUYIN, DOUYIN, DOUYIN, DOUYIN, DOUYIN, DOUYIN, LITE, LITE, HUOSHAN };

	private static final Cell LIVE = new Cell("直播");

	private static final Cell VIDEO = new Cell("短视频");

	private static final Cell CARD = new Cell("商品卡");

	private LiveRooms() {
	}

	/** Which creator, by popularity: the first ones sell most. */
	static Creator creator(SplittableRandom random) {
		int index = (int) (CREATORS.length * Math.pow(random.nextDouble(), 2.2));
		return CREATORS[Math.min(index, CREATORS.length - 1)];
	}

	static Cell app(SplittableRandom random) {
		return APPS[random.nextInt(APPS.length)];
	}

	/** A traffic source (流量来源) and the creator behind it, if any. */
	static Traffic traffic(SplittableRandom random) {
		int roll = random.nextInt(100);
		if (roll < 45) {
			return new Traffic(LIVE, (random.nextInt(100) < 55) ? SHOP : creator(random));
		}
		if (roll < 65) {
			return new Traffic(VIDEO, (random.nextInt(100) < 30) ? SHOP : creator(random));
		}
		return new Traffic(CARD, null);
	}

	private static Creator creator(String id, String nickname) {
		return new Creator(id, new Cell(nickname));
	}

	record Creator(String id, Cell nickname) {
	}

	record Traffic(Cell source, Creator creator) {
	}

}
