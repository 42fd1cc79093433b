package dev.siyu.synthetic;

/**
 * A Chinese postal address: province, city, district, sub-district (街道) and the detail
 * (road, number, building, room).
 */
final class Address {

	private final String province;

	private final String city;

	private final String district;

	private final String town;

	private final String detail;

	private final String zip;

	private String spaced;

	private String joined;

	Address(String province, String city, String district, String town, String detail, String zip) {
		this.province = province;
		this.city = city;
		this.district = district;
		this.town = town;
		this.detail = detail;
		this.zip = zip;
	}

	String province() {
		return this.province;
	}

	String city() {
		return this.city;
	}

	String district() {
		return this.district;
	}

	String town() {
		return this.town;
	}

	String detail() {
		return this.detail;
	}

	/** Taobao style: {@code 浙江省 杭州市 西湖区 文三路100号(310012)}. */
	String spaced() {
		if (this.spaced == null) {
			this.spaced = this.province + " " + this.city + " " + this.district + " " + this.detail + "(" + this.zip
					+ ")";
		}
		return this.spaced;
	}

	/** Written in one piece: {@code 浙江省杭州市西湖区文三街道文三路100号}. */
	String joined() {
		if (this.joined == null) {
			this.joined = this.province + this.city + this.district + this.town + this.detail;
		}
		return this.joined;
	}

}
