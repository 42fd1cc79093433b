package dev.siyu.synthetic;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Cities, districts, roads and estates to build addresses from. */
final class Geography {

	private static final String[][] CITIES = { { "浙江省", "杭州市", "310000", "西湖区", "上城区", "拱墅区", "滨江区", "余杭区", "萧山区" },
			{ "浙江省", "宁波市", "315000", "海曙区", "鄞州区", "江北区" },
			{ "上海市", "上海市", "200000", "浦东新区", "徐汇区", "静安区", "闵行区", "杨浦区", "长宁区" },
			{ "北京市", "北京市", "100000", "朝阳区", "海淀区", "东城区", "西城区", "丰台区", "昌平区" },
			{ "广东省", "广州市", "510000", "天河区", "越秀区", "海珠区", "番禺区", "白云区" },
			{ "广东省", "深圳市", "518000", "南山区", "福田区", "宝安区", "龙岗区", "罗湖区" },
			{ "江苏省", "南京市", "210000", "鼓楼区", "玄武区", "秦淮区", "建邺区", "江宁区" },
			{ "江苏省", "苏州市", "215000", "姑苏区", "吴中区", "虎丘区", "相城区" },
			{ "四川省", "成都市", "610000", "武侯区", "锦江区", "青羊区", "金牛区", "成华区" },
			{ "湖北省", "武汉市", "430000", "江汉区", "武昌区", "洪山区", "江岸区" }, { "山东省", "济南市", "250000", "历下区", "市中区", "槐荫区" },
			{ "山东省", "青岛市", "266000", "市南区", "市北区", "崂山区", "黄岛区" }, { "天津市", "天津市", "300000", "和平区", "南开区", "河西区" },
			{ "重庆市", "重庆市", "400000", "渝中区", "江北区", "南岸区", "渝北区" }, { "河南省", "郑州市", "450000", "金水区", "中原区", "二七区" },
			{ "湖南省", "长沙市", "410000", "岳麓区", "芙蓉区", "天心区", "雨花区" }, { "福建省", "福州市", "350000", "鼓楼区", "台江区", "仓山区" },
			{ "福建省", "厦门市", "361000", "思明区", "湖里区", "集美区" }, { "陕西省", "西安市", "710000", "雁塔区", "碑林区", "未央区" },
			{ "安徽省", "合肥市", "230000", "蜀山区", "包河区", "庐阳区" }, { "辽宁省", "沈阳市", "110000", "和平区", "沈河区", "浑南区" },
			{ "河北省", "石家庄市", "050000", "长安区", "桥西区", "裕华区" }, { "云南省", "昆明市", "650000", "五华区", "盘龙区", "官渡区" },
			{ "江西省", "南昌市", "330000", "东湖区", "西湖区", "红谷滩区" }, { "广西壮族自治区", "南宁市", "530000", "青秀区", "兴宁区" },
			{ "黑龙江省", "哈尔滨市", "150000", "南岗区", "道里区" }, { "内蒙古自治区", "呼和浩特市", "010000", "新城区", "赛罕区" } };

	/** Bigger cities buy more. */
	private static final int[] CITY_WEIGHTS = { 9, 4, 12, 12, 8, 8, 6, 5, 6, 5, 3, 3, 4, 4, 3, 3, 2, 2, 3, 3, 2, 2, 2,
			2, 1, 1, 1 };

	private static final int[] CITY_CUMULATIVE = Timeline.cumulative(CITY_WEIGHTS);

	/** Province, city, zip and districts per city, as cells (the zip stays a string). */
	private static final Cell[][] CITY_CELLS = Arrays.stream(CITIES)
		.map((city) -> Arrays.stream(city).map(Cell::new).toArray(Cell[]::new))
		.toArray(Cell[][]::new);

	private static final String[] ROADS = { "人民", "解放", "中山", "建设", "文化", "新华", "和平", "长江", "黄河", "学院", "花园", "青年",
			"滨江", "东风", "胜利", "朝阳", "光明", "文三", "天目山", "科技", "体育", "幸福", "春晓", "金桥", "银杏", "望江", "湖滨", "紫荆", "丰收",
			"振兴" };

	private static final Cell[] TOWNS = Arrays.stream(ROADS).map((road) -> new Cell(road + "街道")).toArray(Cell[]::new);

	private static final String[] ESTATES = { "阳光花园", "翠苑一区", "金色家园", "锦绣江南", "香樟苑", "万科城", "桂花园", "碧桂园", "保利香槟", "华润城",
			"世纪新城", "幸福里", "绿地公馆", "东方名苑", "滨江花园", "龙湖天街", "融创壹号院", "和谐家园" };

	private static final String[] OFFICES = { "国际大厦", "科技园", "创业大厦", "金融中心", "中心广场", "软件园", "商务大厦" };

	private Geography() {
	}

	/** A home address: an estate, building, unit and room. */
	static Address home(SplittableRandom random) {
		int road = random.nextInt(ROADS.length);
		String detail = ROADS[road] + "路" + (1 + random.nextInt(899)) + "号" + ESTATES[random.nextInt(ESTATES.length)]
				+ (1 + random.nextInt(30)) + "幢" + (1 + random.nextInt(4)) + "单元" + (1 + random.nextInt(32))
				+ Scramble.padded(1 + random.nextInt(4), 2) + "室";
		return at(random, road, detail);
	}

	/** An office address: a tower and floor. */
	static Address office(SplittableRandom random) {
		int road = random.nextInt(ROADS.length);
		String detail = ROADS[road] + "路" + (1 + random.nextInt(899)) + "号" + ROADS[random.nextInt(ROADS.length)]
				+ OFFICES[random.nextInt(OFFICES.length)] + (1 + random.nextInt(28)) + "楼";
		return at(random, road, detail);
	}

	/** A shop or parcel station many people have their orders sent to. */
	static Address station(SplittableRandom random, String name) {
		int road = random.nextInt(ROADS.length);
		String detail = ROADS[road] + "路" + (1 + random.nextInt(899)) + "号" + name;
		return at(random, road, detail);
	}

	private static Address at(SplittableRandom random, int road, String detail) {
		int index = Names.pick(CITY_CUMULATIVE, random);
		Cell[] city = CITY_CELLS[index];
		int district = 3 + random.nextInt(city.length - 3);
		String zip = CITIES[index][2].substring(0, 4) + Scramble.padded(district * 3L + 1, 2);
		return new Address(city[0], city[1], city[district], TOWNS[road], detail, zip);
	}

}
