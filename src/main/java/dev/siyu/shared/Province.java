package dev.siyu.shared;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The 34 provincial-level divisions, recognised by full or short name. */
enum Province {

	BEIJING("北京市", "北京"), TIANJIN("天津市", "天津"), SHANGHAI("上海市", "上海"), CHONGQING("重庆市", "重庆"), HEBEI("河北省", "河北"),
	SHANXI("山西省", "山西"), LIAONING("辽宁省", "辽宁"), JILIN("吉林省", "吉林"), HEILONGJIANG("黑龙江省", "黑龙江"), JIANGSU("江苏省", "江苏"),
	ZHEJIANG("浙江省", "浙江"), ANHUI("安徽省", "安徽"), FUJIAN("福建省", "福建"), JIANGXI("江西省", "江西"), SHANDONG("山东省", "山东"),
	HENAN("河南省", "河南"), HUBEI("湖北省", "湖北"), HUNAN("湖南省", "湖南"), GUANGDONG("广东省", "广东"), HAINAN("海南省", "海南"),
	SICHUAN("四川省", "四川"), GUIZHOU("贵州省", "贵州"), YUNNAN("云南省", "云南"), SHAANXI("陕西省", "陕西"), GANSU("甘肃省", "甘肃"),
	QINGHAI("青海省", "青海"), TAIWAN("台湾省", "台湾"), INNER_MONGOLIA("内蒙古自治区", "内蒙古"), GUANGXI("广西壮族自治区", "广西"),
	TIBET("西藏自治区", "西藏"), NINGXIA("宁夏回族自治区", "宁夏"), XINJIANG("新疆维吾尔自治区", "新疆"), HONG_KONG("香港特别行政区", "香港"),
	MACAU("澳门特别行政区", "澳门");

	private static final Map<Character, List<Province>> byFirstChar = new HashMap<>();

	static {
		for (Province province : values()) {
			byFirstChar.computeIfAbsent(province.shortName.charAt(0), (key) -> new ArrayList<>()).add(province);
		}
	}

	private final String fullName;

	private final String shortName;

	Province(String fullName, String shortName) {
		this.fullName = fullName;
		this.shortName = shortName;
	}

	String fullName() {
		return this.fullName;
	}

	String shortName() {
		return this.shortName;
	}

	boolean isMunicipality() {
		return this.fullName.endsWith("市");
	}

	/**
	 * The province whose name starts at {@code from}, or null. The match is
	 * {@link Match#end()} long with its suffix: {@code 浙江省}, {@code 浙江}, {@code 广西壮族自治区}
	 * and {@code 广西自治区} are all Guangxi or Zhejiang.
	 */
	static Match match(String text, int from) {
		if (from >= text.length()) {
			return null;
		}
		List<Province> candidates = byFirstChar.get(text.charAt(from));
		if (candidates == null) {
			return null;
		}
		for (Province province : candidates) {
			if (text.startsWith(province.shortName, from)) {
				int end = from + province.shortName.length();
				return new Match(province, end + province.suffixLength(text, end));
			}
		}
		return null;
	}

	/** The province named exactly by this text (full, short or suffixed short name). */
	static Province named(String text) {
		Match match = match(text, 0);
		return (match != null && match.end() == text.length()) ? match.province() : null;
	}

	private int suffixLength(String text, int at) {
		String officialSuffix = this.fullName.substring(this.shortName.length());
		if (text.startsWith(officialSuffix, at)) {
			return officialSuffix.length();
		}
		if (officialSuffix.endsWith("自治区") && text.startsWith("自治区", at)) {
			return 3;
		}
		return 0;
	}

	record Match(Province province, int end) {

	}

}
