package dev.siyu.ingest;

import java.util.Locale;

/** What a column of an export can mean: the canonical fields every mapping points at. */
enum OrderField {

	ORDER_ID, LINE_ID, BUYER_ID, CREATED_AT, PAID_AT, COMPLETED_AT, STATUS, AMOUNT, FREIGHT, DISCOUNT, REFUND, SKU,
	PRODUCT_ID, TITLE, SPEC, CATEGORY, QUANTITY, UNIT_PRICE, LINE_AMOUNT, SHOP_ID, SHOP_NAME, CREATOR_ID, CREATOR_NAME,
	TRAFFIC_SOURCE, CHANNEL, RECEIVER_NAME, RECEIVER_PHONE, RECEIVER_LANDLINE, ADDRESS, PROVINCE, CITY, DISTRICT,
	STREET, ADDRESS_DETAIL, EMAIL;

	/** The name used in mapping files, e.g. {@code receiver_phone}. */
	String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	static OrderField ofKey(String key) {
		try {
			return valueOf(key.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
