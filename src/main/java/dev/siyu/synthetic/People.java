package dev.siyu.synthetic;

import java.util.SplittableRandom;

/** Creates persons, their accounts and identifiers, and their friends. */
final class People {

	/** Shares of the platforms among first accounts, in {@link Platform} order. */
	private static final int[] PLATFORM_WEIGHTS = { 42, 28, 15, 15 };

	/** The order weight of a person's first, second, third and fourth platform. */
	private static final double[] ROUTING = { 1.0, 0.45, 0.25, 0.15 };

	private static final String[] NICK_WORDS = { "爱喝牛奶的", "快乐的", "小", "阳光", "甜甜的", "懒懒的", "努力的", "温柔的", "奶茶控", "吃货" };

	private static final String[] NICK_NOUNS = { "猫", "兔子", "小王", "宝妈", "大叔", "丫头", "宝贝", "同学", "胖子", "鱼" };

	private static final String[] LATIN = { "sunny", "lucky", "happy", "cherry", "tiger", "angel", "jason", "lily",
			"kevin", "coco", "amy", "leo", "echo", "star", "moon" };

	private static final String[] MAIL_DOMAINS = { "@163.com", "@126.com", "@foxmail.com", "@sina.com", "@gmail.com" };

	private static final char[] UNIONID_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
		.toCharArray();

	private static final char[] HEX = "0123456789abcdef".toCharArray();

	private static final long DETAILS_STREAM = 2;

	private static final long ACCOUNT_STREAM = 10;

	private final long seed;

	private final int hubCount;

	People(long seed, int hubCount) {
		this.seed = seed;
		this.hubCount = hubCount;
	}

	/** A person with what drives their purchases; the rest is drawn when needed. */
	Person create(long index, SplittableRandom random) {
		int firstDay = random.nextInt(Timeline.DAYS);
		double[] routing = new double[Platform.ALL.length];
		int count = platformCount(random);
		int weightLeft = 100;
		Platform first = null;
		for (int i = 0; i < count; i++) {
			Platform platform = pickPlatform(routing, weightLeft, random);
			weightLeft -= PLATFORM_WEIGHTS[platform.ordinal()];
			routing[platform.ordinal()] = ROUTING[i];
			first = (first != null) ? first : platform;
		}
		long mallJoin = 0;
		if (routing[Platform.MALL.ordinal()] > 0 && first != Platform.MALL) {
			mallJoin = (long) (firstDay + 90 * -Math.log(1 - random.nextDouble())) * Timeline.DAY;
		}
		int hub = (random.nextInt(100) < 3) ? random.nextInt(this.hubCount) : -1;
		return new Person(this, index, firstDay, routing, mallJoin, hub);
	}

	Person.Details details(Person person) {
		long index = person.index();
		SplittableRandom random = new SplittableRandom(Scramble.seed(this.seed, DETAILS_STREAM, index));
		String name = Names.name(random);
		String phone = Phones.own(index, this.seed, random);
		String newPhone = null;
		long phoneChange = Long.MAX_VALUE;
		if (random.nextInt(1000) < 25) {
			newPhone = Phones.changed(index, this.seed, random);
			int firstDay = person.firstDay();
			phoneChange = (long) (firstDay + random.nextInt(Timeline.DAYS - firstDay)) * Timeline.DAY;
		}
		Address home = Geography.home(random);
		Address office = (random.nextInt(100) < 25) ? Geography.office(random) : null;
		String email = (random.nextInt(100) < 30) ? email(index, random) : null;
		String unionid = unionid(random);
		String alipay = (email != null && random.nextBoolean()) ? maskedEmail(email) : Phones.masked(phone);
		return new Person.Details(name, phone, newPhone, phoneChange, home, office, email, unionid, alipay);
	}

	/** The account id of a person on a platform. */
	String account(long index, Platform platform) {
		SplittableRandom random = new SplittableRandom(
				Scramble.seed(this.seed, ACCOUNT_STREAM + platform.ordinal(), index));
		long code = Scramble.decimal(index, 9, Scramble.seed(this.seed, 30 + platform.ordinal(), 0));
		return switch (platform) {
			case TAOBAO -> taobaoNick(code, random);
			case DOUYIN -> "";
			case JD -> jdPin(index, code, random);
			case MALL -> "1" + Scramble.padded(code, 9);
		};
	}

	/** Someone a person sends gifts to: always the same for a slot. */
	Friend friend(Person person, int slot) {
		SplittableRandom random = new SplittableRandom(Scramble.seed(this.seed, 100 + slot, person.index()));
		return new Friend(Names.name(random), Phones.friend(person.index(), slot, this.seed), Geography.home(random));
	}

	private static int platformCount(SplittableRandom random) {
		int roll = random.nextInt(100);
		if (roll < 60) {
			return 1;
		}
		if (roll < 88) {
			return 2;
		}
		return (roll < 96) ? 3 : 4;
	}

	private static Platform pickPlatform(double[] routing, int weightLeft, SplittableRandom random) {
		int roll = random.nextInt(weightLeft);
		for (Platform platform : Platform.ALL) {
			if (routing[platform.ordinal()] == 0) {
				roll -= PLATFORM_WEIGHTS[platform.ordinal()];
				if (roll < 0) {
					return platform;
				}
			}
		}
		throw new IllegalStateException("no platform left");
	}

	/**
	 * Unique by construction: the trailing digits are a bijection of the index and the
	 * rest holds no digits.
	 */
	private static String taobaoNick(long code, SplittableRandom random) {
		int style = random.nextInt(100);
		if (style < 40) {
			return "tb" + Scramble.padded(code, 9);
		}
		if (style < 75) {
			return NICK_WORDS[random.nextInt(NICK_WORDS.length)] + NICK_NOUNS[random.nextInt(NICK_NOUNS.length)] + code;
		}
		return LATIN[random.nextInt(LATIN.length)] + code;
	}

	private String jdPin(long index, long code, SplittableRandom random) {
		if (random.nextInt(100) < 25) {
			return LATIN[random.nextInt(LATIN.length)] + "_" + code;
		}
		long mask = (1L << 48) - 1;
		long x = (index * 0x9E3779B97F4BL + Scramble.mix(this.seed)) & mask;
		x ^= x >>> 21;
		x = (x * 0x5DEECE66DL) & mask;
		x ^= x >>> 19;
		char[] pin = new char[15];
		pin[0] = 'j';
		pin[1] = 'd';
		pin[2] = '_';
		for (int i = 14; i >= 3; i--) {
			pin[i] = HEX[(int) (x & 15)];
			x >>>= 4;
		}
		return new String(pin);
	}

	private String email(long index, SplittableRandom random) {
		long code = Scramble.decimal(index, 9, Scramble.seed(this.seed, 40, 0));
		if (random.nextBoolean()) {
			return (100_000_000L + code) + "@qq.com";
		}
		return LATIN[random.nextInt(LATIN.length)] + "." + code + MAIL_DOMAINS[random.nextInt(MAIL_DOMAINS.length)];
	}

	private static String maskedEmail(String email) {
		return email.substring(0, 2) + "***" + email.substring(email.indexOf('@'));
	}

	private static String unionid(SplittableRandom random) {
		char[] id = new char[28];
		id[0] = 'o';
		long bits = 0;
		for (int i = 1; i < id.length; i++) {
			if (i % 10 == 1) {
				bits = random.nextLong();
			}
			id[i] = UNIONID_CHARS[(int) (bits & 63)];
			bits >>>= 6;
		}
		return new String(id);
	}

	/** A gift receiver. */
	record Friend(String name, String phone, Address address) {
	}

}
