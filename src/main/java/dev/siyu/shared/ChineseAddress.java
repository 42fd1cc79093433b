package dev.siyu.shared;

/**
 * A mainland Chinese postal address split into its administrative levels.
 *
 * <p>
 * {@code province} is the official full name when recognised ({@code 浙江省},
 * {@code 广西壮族自治区}, {@code 北京市}); {@code city} the prefecture level ({@code 杭州市},
 * {@code 恩施土家族苗族自治州}, {@code 阿克苏地区}, {@code 锡林郭勒盟}, the municipality itself for Beijing,
 * Tianjin, Shanghai and Chongqing); {@code district} the county level ({@code 西湖区},
 * {@code 建德市}, {@code 淳安县}); {@code detail} the street and everything after it;
 * {@code postcode} six digits. Missing parts are empty strings, never null.
 * {@link #toString()} shows the masked form only.
 */
public record ChineseAddress(String province, String city, String district, String detail, String postcode) {

	private static final ChineseAddress EMPTY = new ChineseAddress("", "", "", "", "");

	public ChineseAddress {
		province = clean(province);
		city = clean(city);
		district = clean(district);
		detail = clean(detail);
		postcode = clean(postcode);
	}

	/**
	 * Splits one address text, such as {@code 浙江省 杭州市 西湖区 文三路100号(310000)} or
	 * {@code 浙江省杭州市西湖区文三路100号}. Never throws: a text it cannot read is kept whole as the
	 * detail.
	 */
	public static ChineseAddress parse(String raw) {
		return ChineseAddressParser.parse(raw);
	}

	/**
	 * An address from separate columns (as in Douyin exports: 省, 市, 区, 街道, 详细地址). The
	 * street goes in front of the detail unless the detail already starts with it, and a
	 * detail that repeats the province, city and district loses the repetition.
	 */
	public static ChineseAddress of(String province, String city, String district, String street, String detail) {
		return ChineseAddressParser.of(clean(province), clean(city), clean(district), clean(street), clean(detail));
	}

	static ChineseAddress empty() {
		return EMPTY;
	}

	/** Whether nothing at all is known. */
	public boolean isEmpty() {
		return this.province.isEmpty() && this.city.isEmpty() && this.district.isEmpty() && this.detail.isEmpty();
	}

	/**
	 * The short province name used in reports and matching: {@code 浙江}, {@code 广西},
	 * {@code 北京}.
	 */
	public String normalizedProvince() {
		Province known = Province.named(this.province);
		return (known != null) ? known.shortName() : this.province;
	}

	/** Province, city and district without repetition, e.g. {@code 浙江省杭州市西湖区}. */
	public String region() {
		StringBuilder region = new StringBuilder(this.province);
		if (!this.city.equals(this.province)) {
			region.append(this.city);
		}
		return region.append(this.district).toString();
	}

	/** The whole address as one text, without the postcode. */
	public String full() {
		return region() + this.detail;
	}

	/** The region followed by {@code ****}: the street and house are never shown. */
	public String masked() {
		if (isEmpty()) {
			return "";
		}
		return region() + "****";
	}

	@Override
	public String toString() {
		return "ChineseAddress[" + masked() + "]";
	}

	private static String clean(String text) {
		return (text != null) ? text.strip() : "";
	}

}
