package dev.siyu.ingest;

import java.util.Locale;

/** The canonical order statuses every platform's statuses map onto. */
enum OrderStatus {

	PENDING, PAID, SHIPPED, COMPLETED, CLOSED, REFUNDED, OTHER;

	private final String code = name().toLowerCase(Locale.ROOT);

	String code() {
		return this.code;
	}

	static OrderStatus ofCode(String code) {
		for (OrderStatus status : values()) {
			if (status.code().equalsIgnoreCase(code.trim())) {
				return status;
			}
		}
		return null;
	}

}
