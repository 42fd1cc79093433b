package dev.siyu.synthetic;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The two years the orders span, ending at a given date or one derived from the seed.
 * Times are seconds since midnight (Asia/Shanghai) of the first day.
 */
final class Timeline {

	static final int DAYS = 731;

	static final int DAY = 86_400;

	/** Days after the end that promised times may reach. */
	private static final int AFTER_END = 31;

	private static final LocalDate EARLIEST_END = LocalDate.of(2025, 3, 1);

	private static final List<LocalDate> FESTIVALS = List.of(LocalDate.of(2023, 1, 22), LocalDate.of(2023, 9, 29),
			LocalDate.of(2024, 2, 10), LocalDate.of(2024, 9, 17), LocalDate.of(2025, 1, 29), LocalDate.of(2025, 10, 6),
			LocalDate.of(2026, 2, 17), LocalDate.of(2026, 9, 25), LocalDate.of(2027, 2, 6));

	/** Relative weights of the hour of day an order is placed. */
	private static final int[] HOUR_WEIGHTS = { 20, 10, 5, 3, 3, 5, 10, 20, 30, 40, 50, 50, 50, 40, 40, 40, 40, 40, 50,
			60, 80, 90, 80, 50 };

	private static final int[] HOUR_CUMULATIVE = cumulative(HOUR_WEIGHTS);

	private final LocalDate start;

	private final LocalDate end;

	private final long exportTime;

	private final byte[][] isoDays = new byte[DAYS + AFTER_END][];

	private final String[] compactDays = new String[DAYS + AFTER_END];

	private final int[] festivalDays;

	Timeline(long seed) {
		this(seed, null);
	}

	Timeline(long seed, LocalDate end) {
		this.end = (end != null) ? end : EARLIEST_END.plusDays(Math.floorMod(Scramble.mix(seed ^ 0x5eed), 500));
		this.start = this.end.minusDays(DAYS - 1);
		this.exportTime = (long) (DAYS - 1) * DAY + 21 * 3600;
		DateTimeFormatter compact = DateTimeFormatter.BASIC_ISO_DATE;
		for (int day = 0; day < DAYS + AFTER_END; day++) {
			LocalDate date = this.start.plusDays(day);
			this.isoDays[day] = date.toString().getBytes(StandardCharsets.US_ASCII);
			this.compactDays[day] = date.format(compact);
		}
		this.festivalDays = FESTIVALS.stream()
			.mapToInt((festival) -> (int) (festival.toEpochDay() - this.start.toEpochDay()))
			.filter((day) -> day >= 0 && day < DAYS)
			.toArray();
	}

	LocalDate start() {
		return this.start;
	}

	LocalDate end() {
		return this.end;
	}

	/** When the seller downloaded the exports: the last day, 21:00. */
	long exportTime() {
		return this.exportTime;
	}

	/**
	 * Days (since the start) of Chinese New Year and Mid-Autumn festival in the window.
	 */
	int[] festivalDays() {
		return this.festivalDays;
	}

	/** {@code yyyy-MM-dd} of a time, as ASCII bytes. */
	byte[] isoDay(long time) {
		return this.isoDays[(int) (time / DAY)];
	}

	/** {@code yyyyMMdd} of a time. */
	String compactDay(long time) {
		return this.compactDays[(int) (time / DAY)];
	}

	/** A second of the day, busier in the evening. */
	static int timeOfDay(SplittableRandom random) {
		int pick = random.nextInt(HOUR_CUMULATIVE[HOUR_CUMULATIVE.length - 1]);
		int hour = 0;
		while (HOUR_CUMULATIVE[hour] <= pick) {
			hour++;
		}
		return hour * 3600 + random.nextInt(3600);
	}

	static int[] cumulative(int[] weights) {
		int[] cumulative = new int[weights.length];
		int sum = 0;
		for (int i = 0; i < weights.length; i++) {
			sum += weights[i];
			cumulative[i] = sum;
		}
		return cumulative;
	}

}
