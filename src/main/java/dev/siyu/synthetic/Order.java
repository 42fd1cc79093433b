package dev.siyu.synthetic;

import java.util.SplittableRandom;

/**
 * One order, filled by {@link OrderFactory} and written by an export. A single instance
 * is reused for every order, so the fields are plain and mutable.
 */
final class Order {

	static final int MAX_LINES = 4;

	static final long NONE = -1;

	Platform platform;

	Person person;

	/** The canonical order id as the platform shows it (without spreadsheet quoting). */
	String id;

	/** Random choices of how the export shows this order. */
	SplittableRandom random;

	long created;

	long paid = NONE;

	long shipped = NONE;

	long completed = NONE;

	Status status;

	int lineCount;

	final Sku[] skus = new Sku[MAX_LINES];

	final int[] quantities = new int[MAX_LINES];

	final long[] lineDiscounts = new long[MAX_LINES];

	long goods;

	long discount;

	long freight;

	long refund;

	String receiverName;

	/** The receiver's real number: exports mask or replace it. */
	String receiverPhone;

	Address address;

	/** Sent to a shared station under the station's phone. */
	boolean hub;

	String buyerMessage;

	String sellerNote;

	String carrier;

	String trackingNumber;

	/** What the buyer pays: goods less discount plus freight. */
	long payable() {
		return this.goods - this.discount + this.freight;
	}

	long lineGoods(int line) {
		return this.skus[line].price() * this.quantities[line];
	}

	int totalQuantity() {
		int total = 0;
		for (int i = 0; i < this.lineCount; i++) {
			total += this.quantities[i];
		}
		return total;
	}

	boolean isPaid() {
		return this.paid != NONE;
	}

}
