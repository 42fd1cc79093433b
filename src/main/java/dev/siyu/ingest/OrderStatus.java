package dev.siyu.ingest;

import java.util.Locale;

/** The canonical order statuses every platform's statuses map onto. */
enum OrderStatus {

	PENDING, PAID, SHIPPED, COMPLETED, CLOSED, REFUNDED, OTHER;

	String code() {
		return name().toLowerCase(Locale.ROOT);
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
