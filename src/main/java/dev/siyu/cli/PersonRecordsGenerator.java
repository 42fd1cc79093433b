package dev.siyu.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import dev.siyu.matching.Field;
import dev.siyu.matching.FieldKind;
import dev.siyu.matching.Records;

/**
 * Chinese person records with known duplicates, for the identity benchmark: names from
 * common surnames and given-name characters, mobile numbers, addresses down to the
 * building, birthdays. A duplicate of a person may have its phone masked or one digit
 * off, its name written given-name first or with a character changed, its address spaced
 * differently or with another building, its birthday missing or with day and month
 * swapped.
 */
final class PersonRecordsGenerator {

	static final List<Field> FIELDS = List.of(new Field("name", FieldKind.FULL_NAME),
			new Field("phone", FieldKind.PHONE), new Field("address", FieldKind.ADDRESS),
			new Field("birthday", FieldKind.DATE));

	private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏"
			+ "吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";

	private static final String GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂兰华飞玲红鹏辉建国文斌宇浩凯健俊帆帅旭宁龙林欣然梓涵子轩雨萱思彤一诺晨阳佳怡嘉欣梦琪婷雪慧玉兰春梅海燕志强永刚宏亮德胜";

	private static final String[][] REGIONS = { { "浙江省", "杭州市", "西湖区" }, { "浙江省", "宁波市", "鄞州区" },
			{ "北京市", "北京市", "朝阳区" }, { "北京市", "北京市", "海淀区" }, { "上海市", "上海市", "浦东新区" }, { "上海市", "上海市", "徐汇区" },
			{ "广东省", "广州市", "天河区" }, { "广东省", "深圳市", "南山区" }, { "江苏省", "南京市", "鼓楼区" }, { "江苏省", "苏州市", "姑苏区" },
			{ "四川省", "成都市", "武侯区" }, { "湖北省", "武汉市", "洪山区" }, { "山东省", "济南市", "历下区" }, { "河南省", "郑州市", "金水区" },
			{ "福建省", "厦门市", "思明区" }, { "湖南省", "长沙市", "岳麓区" } };

	private static final String[] STREETS = { "人民路", "中山路", "解放路", "建设路", "文化路", "新华路", "和平路", "长江路", "黄河路", "科技路",
			"学院路", "滨江路", "幸福路", "光明街", "东风路", "南京路" };

	private final SplittableRandom random;

	private final List<String[]> persons = new ArrayList<>();

	PersonRecordsGenerator(long seed) {
		this.random = new SplittableRandom(seed);
	}

	/**
	 * Records of which about a fifth are duplicates of an earlier person; truth[i] is the
	 * person.
	 */
	Generated dedupe(int records) {
		Rows builder = new Rows();
		int[] truth = new int[records];
		for (int i = 0; i < records; i++) {
			boolean duplicate = !this.persons.isEmpty() && this.random.nextInt(5) == 0;
			int person = duplicate ? this.random.nextInt(this.persons.size()) : newPerson();
			truth[i] = person;
			String[] values = duplicate ? variant(this.persons.get(person)) : this.persons.get(person).clone();
			builder.add("r" + i, values);
		}
		return new Generated(builder, null, truth, records);
	}

	/**
	 * A list of persons, and a second list of which half are variants of persons in the
	 * first.
	 */
	Generated linkage(int each) {
		Rows left = new Rows();
		Rows right = new Rows();
		int[] truth = new int[each * 2];
		for (int i = 0; i < each; i++) {
			int person = newPerson();
			truth[i] = person;
			left.add("a" + i, this.persons.get(person).clone());
		}
		for (int i = 0; i < each; i++) {
			boolean same = this.random.nextBoolean();
			int person = same ? this.random.nextInt(each) : newPerson();
			truth[each + i] = person;
			right.add("b" + i, same ? variant(this.persons.get(person)) : this.persons.get(person).clone());
		}
		return new Generated(left, right, truth, each);
	}

	/** Raw rows, prepared only when matching starts. */
	static final class Rows {

		private final List<String> ids = new ArrayList<>();

		private final List<String[]> values = new ArrayList<>();

		void add(String id, String[] row) {
			this.ids.add(id);
			this.values.add(row);
		}

		Records build() {
			Records.Builder builder = Records.builder(FIELDS);
			for (int i = 0; i < this.ids.size(); i++) {
				builder.add(this.ids.get(i), this.values.get(i));
			}
			return builder.build();
		}

	}

	private int newPerson() {
		String name = pick(SURNAMES) + pick(GIVEN) + ((this.random.nextInt(4) == 0) ? "" : pick(GIVEN));
		String phone = "1" + (3 + this.random.nextInt(7)) + String.format("%09d", this.random.nextInt(1_000_000_000));
		String[] region = REGIONS[this.random.nextInt(REGIONS.length)];
		String address = region[0] + region[1] + region[2] + STREETS[this.random.nextInt(STREETS.length)]
				+ (1 + this.random.nextInt(999)) + "号" + (1 + this.random.nextInt(30)) + "栋"
				+ (101 + this.random.nextInt(2400)) + "室";
		String birthday = (this.random.nextInt(5) == 0) ? "" : String.format("%d-%02d-%02d",
				1950 + this.random.nextInt(55), 1 + this.random.nextInt(12), 1 + this.random.nextInt(28));
		this.persons.add(new String[] { name, phone, address, birthday });
		return this.persons.size() - 1;
	}

	private String[] variant(String[] person) {
		String name = person[0];
		String phone = person[1];
		String address = person[2];
		String birthday = person[3];
		int changes = 1 + this.random.nextInt(2);
		for (int c = 0; c < changes; c++) {
			switch (this.random.nextInt(8)) {
				case 0 -> phone = phone.substring(0, 3) + "****" + phone.substring(7);
				case 1 -> phone = oneDigitOff(phone);
				case 2 -> name = name.substring(1) + name.charAt(0);
				case 3 -> name = name.substring(0, name.length() - 1) + pick(GIVEN);
				case 4 -> address = address.replaceFirst("省", "省 ").replaceFirst("市", "市 ").replaceFirst("区", "区 ");
				case 5 -> address = address.replaceFirst("\\d+栋", (1 + this.random.nextInt(30)) + "栋");
				case 6 -> birthday = swapDayMonth(birthday);
				default -> birthday = "";
			}
		}
		return new String[] { name, phone, address, birthday };
	}

	private String oneDigitOff(String phone) {
		int at = 3 + this.random.nextInt(8);
		char digit = (char) ('0' + (phone.charAt(at) - '0' + 1 + this.random.nextInt(9)) % 10);
		return phone.substring(0, at) + digit + phone.substring(at + 1);
	}

	private static String swapDayMonth(String date) {
		if (date.length() != 10) {
			return date;
		}
		return date.substring(0, 5) + date.substring(8, 10) + "-" + date.substring(5, 7);
	}

	private String pick(String characters) {
		return String.valueOf(characters.charAt(this.random.nextInt(characters.length())));
	}

	/**
	 * Generated records and the person of each; {@code leftCount} records are on the
	 * left.
	 */
	record Generated(Rows left, Rows right, int[] truth, int leftCount) {

		/** Prepares the records for matching (part of the measured work). */
		Records records() {
			Records records = this.left.build();
			return (this.right != null) ? records.linkedWith(this.right.build()) : records;
		}

		int size() {
			return this.truth.length;
		}

		/**
		 * Pairs of records of one person: on both sides for a linkage, any for a dedupe.
		 */
		long truePairs() {
			java.util.Map<Integer, long[]> counts = new java.util.HashMap<>();
			for (int i = 0; i < this.truth.length; i++) {
				long[] c = counts.computeIfAbsent(this.truth[i], (unused) -> new long[2]);
				c[(i < this.leftCount) ? 0 : 1]++;
			}
			long pairs = 0;
			for (long[] c : counts.values()) {
				pairs += (this.right != null) ? c[0] * c[1] : (c[0] * (c[0] - 1)) / 2;
			}
			return pairs;
		}

	}

}
