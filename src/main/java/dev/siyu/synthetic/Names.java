package dev.siyu.synthetic;

import java.util.SplittableRandom;

/** Chinese personal names: common surnames at their real frequency, so names repeat. */
final class Names {

	private static final String[] SURNAMES = { "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱",
			"胡", "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董",
			"袁", "潘", "于", "蒋", "蔡", "余", "杜", "叶", "程", "苏", "魏", "吕", "丁", "任", "沈", "欧阳" };

	/** Per mille of the population, roughly. */
	private static final int[] SURNAME_WEIGHTS = { 71, 70, 67, 54, 45, 31, 22, 20, 18, 17, 13, 12, 11, 11, 10, 10, 9, 9,
			9, 8, 8, 7, 6, 6, 5, 5, 5, 5, 5, 5, 4, 4, 4, 4, 4, 4, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 1 };

	private static final int[] SURNAME_CUMULATIVE = Timeline.cumulative(SURNAME_WEIGHTS);

	private static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红玲芬燕彬鑫宇浩婷雪琳晨欣怡佳子梓涵轩睿思雨"
			+ "诺嘉欢建国志文海波辉鹏飞斌丹凤云春梅兰新亮林颖慧瑶晓宁博俊";

	private Names() {
	}

	static String surname(SplittableRandom random) {
		return SURNAMES[pick(SURNAME_CUMULATIVE, random)];
	}

	static String name(SplittableRandom random) {
		String surname = surname(random);
		char first = GIVEN.charAt(random.nextInt(GIVEN.length()));
		if (random.nextInt(100) < 25) {
			return surname + first;
		}
		return surname + first + GIVEN.charAt(random.nextInt(GIVEN.length()));
	}

	static int pick(int[] cumulative, SplittableRandom random) {
		int value = random.nextInt(cumulative[cumulative.length - 1]);
		int low = 0;
		int high = cumulative.length - 1;
		while (low < high) {
			int middle = (low + high) >>> 1;
			if (cumulative[middle] <= value) {
				low = middle + 1;
			}
			else {
				high = middle;
			}
		}
		return low;
	}

}
