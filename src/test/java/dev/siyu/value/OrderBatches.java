package dev.siyu.value;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Builds an orders:batch request: buyers and the days and amounts of their orders. */
final class OrderBatches {

	private final List<String> orders = new ArrayList<>();

	private final Set<String> buyers = new HashSet<>();

	private final String prefix;

	private OrderBatches(String prefix) {
		this.prefix = prefix;
	}

	static OrderBatches orders(String prefix) {
		return new OrderBatches(prefix);
	}

	OrderBatches order(String buyer, LocalDate day, double amount) {
		return order(buyer, day, amount, "completed");
	}

	OrderBatches order(String buyer, LocalDate day, double amount, String status) {
		return add(buyer, day, amount, status, "");
	}

	/** An order of one item of a category, through an acquisition channel. */
	OrderBatches item(String buyer, LocalDate day, double amount, String category, String channel) {
		return add(buyer, day, amount, "completed",
				", \"channel\": \"" + channel + "\", \"items\": [{\"sku\": \"" + category + "-1\", \"category\": \""
						+ category + "\", \"quantity\": 1, \"unit_price\": " + amount + "}]");
	}

	private OrderBatches add(String buyer, LocalDate day, double amount, String status, String more) {
		this.buyers.add(buyer);
		this.orders.add("{\"order_id\": \"" + this.prefix + "-" + this.orders.size() + "\", \"buyer_id\": \"" + buyer
				+ "\", \"created_at\": \"" + day + " 10:00:00\", \"paid_at\": \"" + day + " 10:01:00\", \"status\": \""
				+ status + "\", \"amount\": " + amount + more + "}");
		return this;
	}

	long buyers() {
		return this.buyers.size();
	}

	String json() {
		return "{\"platform\": \"mall\", \"orders\": [" + String.join(",", this.orders) + "]}";
	}

}
