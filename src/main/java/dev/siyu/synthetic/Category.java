package dev.siyu.synthetic;

/**
 * Product categories and how people repurchase them: gaps are gamma distributed around
 * the cycle, after the first purchase a share never comes back, after each later one a
 * share churns.
 */
enum Category {

	FRESH_MILK("鲜牛奶", 7, 3, 0.38, 0.09, 28),

	YOGURT("酸奶", 14, 3, 0.36, 0.10, 22),

	MILK_CARD("奶卡", 30, 8, 0.50, 0.14, 12),

	MILK_POWDER("奶粉", 30, 4, 0.50, 0.08, 18),

	GIFT_BOX("礼盒", 365, 6, 0.40, 0.45, 20);

	static final Category[] ALL = values();

	private final String label;

	private final int cycleDays;

	private final int shape;

	private final double repeat;

	private final double churn;

	private final int weight;

	Category(String label, int cycleDays, int shape, double repeat, double churn, int weight) {
		this.label = label;
		this.cycleDays = cycleDays;
		this.shape = shape;
		this.repeat = repeat;
		this.churn = churn;
		this.weight = weight;
	}

	/** The Chinese name (品类). */
	String label() {
		return this.label;
	}

	int cycleDays() {
		return this.cycleDays;
	}

	/** The gamma shape of the gap between purchases: higher is more regular. */
	int shape() {
		return this.shape;
	}

	/** The chance to buy a second time. */
	double repeat() {
		return this.repeat;
	}

	/** The chance to stop after each later purchase. */
	double churn() {
		return this.churn;
	}

	/** How often the category is a person's main one. */
	int weight() {
		return this.weight;
	}

}
