package dev.siyu.ingest;

import java.util.Locale;

/** What a column of an export can mean: the canonical fields every mapping points at. */
enum OrderField {

	ORDER_ID(true), LINE_ID(false), BUYER_ID(false), CREATED_AT(false), PAID_AT(false), COMPLETED_AT(false),
	STATUS(false), AMOUNT(false), FREIGHT(false), DISCOUNT(false), REFUND(false), SKU(false), PRODUCT_ID(false),
	TITLE(false), SPEC(false), CATEGORY(false), QUANTITY(false), UNIT_PRICE(false), LINE_AMOUNT(false), SHOP_ID(false),
	SHOP_NAME(false), CREATOR_ID(false), CREATOR_NAME(false), TRAFFIC_SOURCE(false), CHANNEL(false),
	RECEIVER_NAME(false), RECEIVER_PHONE(false), RECEIVER_LANDLINE(false), ADDRESS(false), PROVINCE(false), CITY(false),
	DISTRICT(false), STREET(false), ADDRESS_DETAIL(false), EMAIL(false);

	private final boolean alwaysRequired;

	OrderField(boolean alwaysRequired) {
		this.alwaysRequired = alwaysRequired;
	}

	boolean alwaysRequired() {
		return this.alwaysRequired;
	}

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
