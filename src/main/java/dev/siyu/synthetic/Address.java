package dev.siyu.synthetic;

/**
 * A Chinese postal address: province, city, district, sub-district (街道) and the detail
 * (road, number, building, room). The parts shared by many addresses are constant cells;
 * the whole forms are built and encoded once per address.
 */
final class Address {

	private final Cell province;

	private final Cell city;

	private final Cell district;

	private final Cell town;

	private final String detail;

	private final String zip;

	private Cell detailCell;

	private Cell spaced;

	private Cell joined;

	Address(Cell province, Cell city, Cell district, Cell town, String detail, String zip) {
		this.province = province;
		this.city = city;
		this.district = district;
		this.town = town;
		this.detail = detail;
		this.zip = zip;
	}

	Cell province() {
		return this.province;
	}

	Cell city() {
		return this.city;
	}

	Cell district() {
		return this.district;
	}

	Cell town() {
		return this.town;
	}

	Cell detail() {
		if (this.detailCell == null) {
			this.detailCell = new Cell(this.detail);
		}
		return this.detailCell;
	}

	/** Taobao style: {@code 浙江省 杭州市 西湖区 文三路100号(310012)}. */
	Cell spaced() {
		if (this.spaced == null) {
			this.spaced = new Cell(
					this.province + " " + this.city + " " + this.district + " " + this.detail + "(" + this.zip + ")");
		}
		return this.spaced;
	}

	/** Written in one piece: {@code 浙江省杭州市西湖区文三街道文三路100号}. */
	Cell joined() {
		if (this.joined == null) {
			this.joined = new Cell(this.province.text() + this.city + this.district + this.town + this.detail);
		}
		return this.joined;
	}

}
