package dev.siyu.matching;

import dev.siyu.shared.ChineseAddress;

/**
 * A postal address. Chinese addresses are parsed into province, city, district and detail
 * and compared by parts: the same region with a similar or close detail, or only the same
 * district. Other addresses are compared as words and by Jaro-Winkler.
 */
final class AddressComparison implements Comparison {

	private static final String[] LEVELS = { "exact", "similar", "close", "same_district", "different" };

	@Override
	public Object prepare(String raw) {
		String text = Text.normalize(raw);
		if (text == null) {
			return null;
		}
		if (!Text.hasHan(text)) {
			return new Address(text, "", "", "", text);
		}
		ChineseAddress parsed = ChineseAddress.parse(raw);
		String detail = Text.normalize(parsed.detail());
		detail = (detail != null) ? Text.withoutBlanks(detail) : "";
		String city = parsed.city();
		String province = parsed.normalizedProvince();
		return new Address(province + city + parsed.district() + detail, province, city, parsed.district(), detail);
	}

	@Override
	public String[] levels() {
		return LEVELS;
	}

	@Override
	public int compare(Object left, Object right) {
		Address a = (Address) left;
		Address b = (Address) right;
		if (a.full.equals(b.full)) {
			return 0;
		}
		boolean sameRegion = agree(a.province, b.province) && agree(a.city, b.city) && agree(a.district, b.district);
		if (!sameRegion) {
			return 4;
		}
		double similarity = Similarity.jaroWinkler(a.detail, b.detail);
		if (similarity >= 0.92) {
			return 1;
		}
		if (similarity >= 0.8) {
			return 2;
		}
		double overlap = a.isChinese() ? Similarity.characterOverlap(a.detail, b.detail)
				: Similarity.tokenOverlap(a.detail, b.detail);
		if (overlap >= 0.5) {
			return 2;
		}
		return (a.isChinese() && !a.district.isEmpty() && a.district.equals(b.district)) ? 3 : 4;
	}

	/** A part known on one side only does not disagree. */
	private static boolean agree(String a, String b) {
		return a.isEmpty() || b.isEmpty() || a.equals(b);
	}

	@Override
	public String frequencyKey(Object prepared) {
		return ((Address) prepared).full;
	}

	/** The district and the start of the detail, or the whole text of other addresses. */
	@Override
	public String blockingKey(Object prepared) {
		Address address = (Address) prepared;
		if (!address.isChinese()) {
			return address.full;
		}
		return address.district + address.detail.substring(0, Math.min(4, address.detail.length()));
	}

	record Address(String full, String province, String city, String district, String detail) {

		boolean isChinese() {
			return !this.full.equals(this.detail) || Text.hasHan(this.detail);
		}

	}

}
