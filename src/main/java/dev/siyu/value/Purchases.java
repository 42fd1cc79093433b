package dev.siyu.value;

/**
 * Purchase histories summarised per customer, column by column so that ten million
 * customers fit in a few hundred megabytes: repeat purchases x, time of the last purchase
 * t_x and age T (both counted from the first purchase), and the mean value of the repeat
 * purchases.
 */
public final class Purchases {

	final int[] x;

	final double[] tx;

	final double[] age;

	final double[] meanRepeatValue;

	/** How many customers each entry stands for; null when each stands for one. */
	final double[] weight;

	private int size;

	/** A view on arrays already filled: the first size entries, each with its weight. */
	Purchases(int[] x, double[] tx, double[] age, double[] weight, int size) {
		this.x = x;
		this.tx = tx;
		this.age = age;
		this.meanRepeatValue = new double[x.length];
		this.weight = weight;
		this.size = size;
	}

	public Purchases(int capacity) {
		this.x = new int[capacity];
		this.tx = new double[capacity];
		this.age = new double[capacity];
		this.meanRepeatValue = new double[capacity];
		this.weight = null;
	}

	/**
	 * Adds one customer.
	 * @param repeats purchases after the first
	 * @param lastPurchase time of the last purchase counted from the first (0 without
	 * repeats)
	 * @param age time from the first purchase to the end of the observation
	 * @param meanRepeatValue mean value of the repeat purchases (ignored without repeats)
	 * @return the customer's index
	 */
	public int add(int repeats, double lastPurchase, double age, double meanRepeatValue) {
		if (repeats < 0 || lastPurchase < 0 || age < lastPurchase || (repeats == 0 && lastPurchase != 0)) {
			throw new IllegalArgumentException("customer " + this.size + ": inconsistent summary x=" + repeats
					+ ", t_x=" + lastPurchase + ", T=" + age);
		}
		int i = this.size++;
		this.x[i] = repeats;
		this.tx[i] = lastPurchase;
		this.age[i] = age;
		this.meanRepeatValue[i] = repeats > 0 ? meanRepeatValue : 0;
		return i;
	}

	public int size() {
		return this.size;
	}

	public int repeats(int i) {
		return this.x[i];
	}

	public double lastPurchase(int i) {
		return this.tx[i];
	}

	public double age(int i) {
		return this.age[i];
	}

	public double meanRepeatValue(int i) {
		return this.meanRepeatValue[i];
	}

	double weight(int i) {
		return this.weight == null ? 1 : this.weight[i];
	}

	/**
	 * About n customers taken at an even stride, or these customers when there are fewer.
	 */
	Purchases sample(int n) {
		if (this.size <= n) {
			return this;
		}
		double stride = (double) this.size / n;
		Purchases sample = new Purchases(n);
		for (int k = 0; k < n; k++) {
			int i = (int) (k * stride);
			sample.add(this.x[i], this.tx[i], this.age[i], this.meanRepeatValue[i]);
		}
		return sample;
	}

	double meanAge() {
		double sum = 0;
		double count = 0;
		for (int i = 0; i < this.size; i++) {
			sum += weight(i) * this.age[i];
			count += weight(i);
		}
		return count == 0 ? 1 : sum / count;
	}

}
