package dev.siyu.synthetic;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** The brand's products (牧源乳业). Some titles hold commas and quotes, as real ones do. */
final class Catalog {

	static final String BRAND = "牧源";

	private final List<Sku> skus = new ArrayList<>();

	private final Sku[][] byCategory = new Sku[Category.ALL.length][];

	Catalog() {
		add("MY-FM-950", Category.FRESH_MILK, "牧源鲜牛奶950ml 低温巴氏杀菌鲜奶", "净含量:950ml", 1990, 1);
		add("MY-FM-250X10", Category.FRESH_MILK, "牧源鲜牛奶250ml*10瓶,冷链直达,早餐奶", "规格:250ml*10瓶", 4990, 2);
		add("MY-FM-A2-950", Category.FRESH_MILK, "牧源\"小蓝瓶\"A2β-酪蛋白鲜牛奶950ml", "净含量:950ml", 2990, 1);
		add("MY-FM-LF-950", Category.FRESH_MILK, "牧源低脂鲜牛奶950ml 轻负担", "净含量:950ml", 1890, 1);
		add("MY-FM-ORG-780", Category.FRESH_MILK, "牧源有机鲜牛奶780ml 有机认证", "净含量:780ml", 2590, 1);
		add("MY-FM-KID-200X12", Category.FRESH_MILK, "牧源儿童成长鲜牛奶200ml*12瓶", "规格:200ml*12瓶", 6900, 2);
		add("MY-YG-ORI-1KG", Category.YOGURT, "牧源原味风味发酵乳1kg 家庭装", "口味:原味;净含量:1kg", 2490, 1);
		add("MY-YG-GRK-100X10", Category.YOGURT, "牧源希腊式酸奶100g*10杯,高蛋白,0添加", "规格:100g*10杯", 5990, 1);
		add("MY-YG-ZERO-200X12", Category.YOGURT, "牧源0蔗糖酸奶200g*12袋", "口味:0蔗糖;规格:200g*12袋", 4990, 1);
		add("MY-YG-PEACH-260X8", Category.YOGURT, "牧源黄桃燕麦酸奶260g*8杯", "口味:黄桃燕麦", 4590, 1);
		add("MY-YG-DRK-230X10", Category.YOGURT, "牧源风味酸乳230g*10瓶 营养早餐", "规格:230g*10瓶", 3990, 1);
		add("MY-YG-PRO-135X6", Category.YOGURT, "牧源益生菌酸奶135g*6 活菌", "规格:135g*6", 2990, 1);
		add("MY-CARD-M", Category.MILK_CARD, "牧源鲜奶月卡 每日一瓶 30天配送", "卡型:月卡", 19900, 1);
		add("MY-CARD-Q", Category.MILK_CARD, "牧源鲜奶季卡 每日一瓶 90天配送", "卡型:季卡", 56900, 3);
		add("MY-CARD-Y", Category.MILK_CARD, "牧源鲜奶年卡 每日一瓶 365天配送,送奶箱", "卡型:年卡", 199900, 12);
		add("MY-CARD-YG-M", Category.MILK_CARD, "牧源酸奶月卡 每周三次 30天配送", "卡型:酸奶月卡", 16900, 1);
		add("MY-CARD-W", Category.MILK_CARD, "牧源周期购鲜奶周卡 7天", "卡型:周卡", 5900, 1);
		add("MY-MP-1-800", Category.MILK_POWDER, "牧源婴幼儿配方奶粉1段800g 0-6月龄", "段位:1段;净含量:800g", 29800, 1);
		add("MY-MP-2-800", Category.MILK_POWDER, "牧源较大婴儿配方奶粉2段800g 6-12月龄", "段位:2段;净含量:800g", 28800, 1);
		add("MY-MP-3-800", Category.MILK_POWDER, "牧源幼儿配方奶粉3段800g 1-3岁", "段位:3段;净含量:800g", 26800, 1);
		add("MY-MP-OLD-800", Category.MILK_POWDER, "牧源中老年高钙奶粉800g 无蔗糖", "净含量:800g", 12800, 1);
		add("MY-MP-STU-400", Category.MILK_POWDER, "牧源学生营养奶粉400g,高钙,高锌", "净含量:400g", 6900, 1);
		add("MY-MP-1-800X6", Category.MILK_POWDER, "牧源婴幼儿配方奶粉1段800g*6罐 整箱", "段位:1段;规格:800g*6罐", 159800, 5);
		add("MY-GB-CNY-16", Category.GIFT_BOX, "牧源新春礼盒 纯牛奶250ml*16盒", "规格:250ml*16盒", 8800, 1);
		add("MY-GB-MID", Category.GIFT_BOX, "牧源中秋臻享礼盒 有机奶+酸奶组合", "款式:中秋款", 16800, 1);
		add("MY-GB-ORG-12X2", Category.GIFT_BOX, "牧源有机纯牛奶礼盒250ml*12盒*2提", "规格:250ml*12*2", 13900, 1);
		add("MY-GB-LUX", Category.GIFT_BOX, "牧源尊享年货大礼包,鲜奶卡+奶粉+礼盒", "款式:尊享款", 128800, 1);
		add("MY-GB-A2-10", Category.GIFT_BOX, "牧源A2β-酪蛋白纯牛奶礼盒200ml*10", "规格:200ml*10盒", 9900, 1);
		add("MY-GB-KID", Category.GIFT_BOX, "牧源儿童奶礼盒 卡通装125ml*20", "规格:125ml*20盒", 7900, 1);
		for (Category category : Category.ALL) {
			this.byCategory[category.ordinal()] = this.skus.stream()
				.filter((sku) -> sku.category() == category)
				.toArray(Sku[]::new);
		}
	}

	private void add(String code, Category category, String title, String spec, long price, int cover) {
		int index = this.skus.size();
		String douyinId = "36" + Scramble.padded(Scramble.decimal(index, 9, 0xd0c1), 9) + "2"
				+ Scramble.padded(Scramble.decimal(index * 7L, 6, 0xd0c2), 6);
		String jdId = "1000" + Scramble.padded(Scramble.decimal(index, 8, 0x1d), 8);
		this.skus.add(new Sku(index, code, category, new Cell(title), new Cell(spec), price, cover, douyinId, jdId));
	}

	List<Sku> all() {
		return this.skus;
	}

	Sku get(int index) {
		return this.skus.get(index);
	}

	Sku[] in(Category category) {
		return this.byCategory[category.ordinal()];
	}

	/** A product of the category, weighted towards the first ones (the best sellers). */
	Sku pick(Category category, SplittableRandom random) {
		Sku[] candidates = in(category);
		int index = Math.min(candidates.length - 1, (int) (candidates.length * Math.pow(random.nextDouble(), 1.8)));
		return candidates[index];
	}

}
