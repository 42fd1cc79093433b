package dev.siyu.shared;

/**
 * Reads an address from left to right: province from a table, then a prefecture and a
 * county, each recognised by its suffix ({@code 市}, {@code 自治州}, {@code 区}, {@code 县}
 * ...) within one blank-separated token, provided the name before the suffix has no
 * digits or street words. Whatever follows is the detail.
 */
final class ChineseAddressParser {

	private static final String[] CITY_SUFFIXES = { "自治州", "地区", "盟", "市" };

	private static final String[] DISTRICT_SUFFIXES = { "区", "县", "市", "旗" };

	/** The longest names: 克孜勒苏柯尔克孜自治州, 积石山保安族东乡族撒拉族自治县. */
	private static final int MAX_CITY = 12;

	private static final int MAX_DISTRICT = 16;

	private static final String NOT_IN_NAMES = "路街号巷弄村栋幢楼室";

	private static final String NOT_BEFORE_DISTRICT = "小社校厂景片街";

	private final String text;

	private int cursor;

	private ChineseAddressParser(String text) {
		this.text = text;
	}

	static ChineseAddress parse(String raw) {
		if (raw == null) {
			return ChineseAddress.empty();
		}
		String text = raw.strip();
		if (text.startsWith("'")) {
			text = text.substring(1).strip();
		}
		String postcode = "";
		int end = text.length();
		if (end >= 8 && isPostcodeAt(text, end - 8)) {
			postcode = text.substring(end - 7, end - 1);
			text = text.substring(0, end - 8).strip();
			if (postcode.equals("000000")) {
				postcode = "";
			}
		}
		if (text.isEmpty()) {
			return postcode.isEmpty() ? ChineseAddress.empty() : new ChineseAddress("", "", "", "", postcode);
		}
		return new ChineseAddressParser(text).read(postcode);
	}

	static ChineseAddress of(String province, String city, String district, String street, String detail) {
		Province known = Province.named(province);
		String fullProvince = (known != null) ? known.fullName() : province;
		String fullCity = city;
		if (known != null && known.isMunicipality()
				&& (city.isEmpty() || city.equals("市辖区") || city.equals("县") || Province.named(city) == known)) {
			fullCity = known.fullName();
		}
		String rest = stripLeadingNames(detail, province, fullProvince, city, fullCity, district);
		if (!street.isEmpty() && !rest.startsWith(street)) {
			rest = street + rest;
		}
		return new ChineseAddress(fullProvince, fullCity, district, rest, "");
	}

	private static boolean isPostcodeAt(String text, int open) {
		char first = text.charAt(open);
		char last = text.charAt(open + 7);
		if (!((first == '(' && last == ')') || (first == '（' && last == '）'))) {
			return false;
		}
		for (int i = open + 1; i < open + 7; i++) {
			if (!isDigit(text.charAt(i))) {
				return false;
			}
		}
		return true;
	}

	private ChineseAddress read(String postcode) {
		skipCountry();
		String province = "";
		String city;
		Province.Match match = Province.match(this.text, this.cursor);
		if (match != null && isProvinceEnd(match)) {
			Province known = match.province();
			province = known.fullName();
			boolean bareNameOfCity = !known.isMunicipality() && match.end() == this.cursor + known.shortName().length()
					&& charAt(match.end()) == '市';
			if (!bareNameOfCity) {
				this.cursor = match.end();
			}
			if (known.isMunicipality()) {
				skipMunicipalityRepeated(known);
				city = known.fullName();
			}
			else {
				skipDirectlyAdministered();
				city = component(CITY_SUFFIXES, MAX_CITY, false);
			}
		}
		else {
			city = component(CITY_SUFFIXES, MAX_CITY, false);
			if (city.isEmpty()) {
				return new ChineseAddress("", "", "", this.text, postcode);
			}
		}
		String district = component(DISTRICT_SUFFIXES, MAX_DISTRICT, true);
		return new ChineseAddress(province, city, district, this.text.substring(this.cursor), postcode);
	}

	private void skipCountry() {
		if (this.text.startsWith("中国")) {
			int after = skipBlanks(2);
			if (Province.match(this.text, after) != null) {
				this.cursor = after;
			}
		}
	}

	/** {@code 上海路100号} is a street, not Shanghai. */
	private boolean isProvinceEnd(Province.Match match) {
		boolean bare = match.end() == this.cursor + match.province().shortName().length();
		return !bare || "路街道巷弄号里".indexOf(charAt(match.end())) < 0;
	}

	/** {@code 北京 北京市 朝阳区}, {@code 上海市上海市浦东新区}, {@code 重庆 县 城口县}. */
	private void skipMunicipalityRepeated(Province municipality) {
		this.cursor = skipBlanks(this.cursor);
		String name = municipality.shortName();
		if (this.text.startsWith(name, this.cursor)) {
			int after = this.cursor + name.length();
			if (charAt(after) == '市') {
				this.cursor = after + 1;
			}
			else if (isBlank(charAt(after))) {
				this.cursor = after;
			}
		}
		this.cursor = skipBlanks(this.cursor);
		if (this.text.startsWith("市辖区", this.cursor)) {
			this.cursor += 3;
		}
		else {
			int tokenEnd = tokenEnd(this.cursor);
			String token = this.text.substring(this.cursor, tokenEnd);
			if (tokenEnd < this.text.length() && (token.equals("县") || token.equals("城区") || token.equals("郊县"))) {
				this.cursor = tokenEnd;
			}
		}
	}

	/** {@code 河南省 省直辖县级行政区划 济源市}: the marker stands where a prefecture would. */
	private void skipDirectlyAdministered() {
		this.cursor = skipBlanks(this.cursor);
		if (this.text.startsWith("省直辖", this.cursor) || this.text.startsWith("自治区直辖", this.cursor)) {
			int limit = Math.min(this.text.length(), this.cursor + 16);
			for (String end : new String[] { "行政区划", "行政单位" }) {
				int at = this.text.indexOf(end, this.cursor);
				if (at >= 0 && at < limit) {
					this.cursor = at + end.length();
					return;
				}
			}
		}
	}

	/**
	 * The first name at the cursor that ends with one of the suffixes, within the current
	 * token, or an empty string (the cursor then stays).
	 */
	private String component(String[] suffixes, int maxLength, boolean county) {
		int from = skipBlanks(this.cursor);
		int tokenEnd = tokenEnd(from);
		for (int at = from + 1; at < tokenEnd && at - from < maxLength; at++) {
			char last = this.text.charAt(at - 1);
			if (!isNameChar(last, at - 1 == from) || (!county && (last == '区' || last == '县'))) {
				return "";
			}
			for (String suffix : suffixes) {
				int end = at + suffix.length();
				if (end <= tokenEnd && end - from <= maxLength && this.text.startsWith(suffix, at)) {
					if (!isName(at, end, county)) {
						return "";
					}
					this.cursor = end;
					return this.text.substring(from, end);
				}
			}
		}
		return "";
	}

	/** Rejects {@code 农贸市场}, {@code 西溪小区} and the like. */
	private boolean isName(int suffixAt, int end, boolean county) {
		if (this.text.charAt(suffixAt) == '市' && charAt(end) == '场') {
			return false;
		}
		return !county || this.text.charAt(suffixAt) != '区'
				|| NOT_BEFORE_DISTRICT.indexOf(this.text.charAt(suffixAt - 1)) < 0;
	}

	private static boolean isNameChar(char c, boolean first) {
		if (c < 0x80 || isDigit(c) || NOT_IN_NAMES.indexOf(c) >= 0) {
			return false;
		}
		// towns (镇) come after counties, but 镇江市 and 镇海区 start with the character
		return first || c != '镇';
	}

	private int skipBlanks(int from) {
		int at = from;
		while (at < this.text.length() && isBlank(this.text.charAt(at))) {
			at++;
		}
		return at;
	}

	private int tokenEnd(int from) {
		int at = from;
		while (at < this.text.length() && !isBlank(this.text.charAt(at))) {
			at++;
		}
		return at;
	}

	private char charAt(int index) {
		return (index < this.text.length()) ? this.text.charAt(index) : '\0';
	}

	private static boolean isBlank(char c) {
		return c == ' ' || c == '\t' || c == '\u3000' || c == '\u00A0' || c == '\r' || c == '\n';
	}

	private static boolean isDigit(char c) {
		return (c >= '0' && c <= '9') || (c >= '０' && c <= '９');
	}

	private static String stripLeadingNames(String detail, String... names) {
		String rest = detail;
		boolean stripped = true;
		while (stripped) {
			stripped = false;
			for (String name : names) {
				if (isAdministrativeName(name) && rest.startsWith(name)) {
					rest = rest.substring(name.length()).strip();
					stripped = true;
				}
			}
		}
		return rest;
	}

	private static boolean isAdministrativeName(String name) {
		return name.length() >= 2 && "省市区县州盟旗".indexOf(name.charAt(name.length() - 1)) >= 0;
	}

}
