package dev.siyu.synthetic;

/** Where an order stands at export time. */
enum Status {

	/** Created, not paid yet. */
	PENDING,

	/** Paid, waiting to be shipped. */
	PAID,

	/** Shipped, not confirmed yet. */
	SHIPPED,

	/** Received and confirmed. */
	COMPLETED,

	/** Closed without payment. */
	CLOSED,

	/** Paid, then fully refunded. */
	REFUNDED

}
