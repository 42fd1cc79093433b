package dev.siyu.value;

import java.util.Locale;

/** The unit in which the models count time. */
public enum TimeUnit {

	DAY(1), WEEK(7);

	private final int days;

	TimeUnit(int days) {
		this.days = days;
	}

	public double of(long days) {
		return (double) days / this.days;
	}

	/** How many of this unit make a year (365 days). */
	public double perYear() {
		return 365.0 / this.days;
	}

	public static TimeUnit parse(String text) {
		for (TimeUnit unit : values()) {
			if (unit.name().equalsIgnoreCase(text)) {
				return unit;
			}
		}
		throw new IllegalArgumentException("time unit must be day or week, not '" + text + "'");
	}

	@Override
	public String toString() {
		return name().toLowerCase(Locale.ROOT);
	}

}
