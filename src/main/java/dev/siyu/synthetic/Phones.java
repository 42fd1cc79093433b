package dev.siyu.synthetic;

import java.io.IOException;
import java.util.SplittableRandom;

/**
 * Chinese mobile numbers. Each use has its own prefixes and the last eight digits come
 * from a bijection of the owner's number, so numbers never collide by accident.
 */
final class Phones {

	private static final String[] OWN = { "130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151",
			"152", "155", "156", "157", "158", "159", "176", "177", "180", "181", "182", "183", "185", "186", "187",
			"188", "189" };

	private static final String[] CHANGED = { "134", "153", "173", "175", "178", "184", "199" };

	private static final String[] FRIENDS = { "191", "195", "198", "147" };

	private static final String HUB = "166";

	private static final String[] VIRTUAL = { "170", "171" };

	private Phones() {
	}

	/** A person's own number. */
	static String own(long person, long seed, SplittableRandom random) {
		return OWN[random.nextInt(OWN.length)] + suffix(person, seed, 11);
	}

	/** The number a person changes to. */
	static String changed(long person, long seed, SplittableRandom random) {
		return CHANGED[random.nextInt(CHANGED.length)] + suffix(person, seed, 12);
	}

	/** The number of a person's friend (up to four per person). */
	static String friend(long person, int slot, long seed) {
		return FRIENDS[slot] + suffix(person, seed, 13 + slot);
	}

	/** The number of a shop or parcel station many people use. */
	static String hub(long hub, long seed) {
		return HUB + suffix(hub, seed, 20);
	}

	/**
	 * A platform's temporary number that forwards to the buyer: {@code 17012345678-1234}.
	 */
	static String virtual(SplittableRandom random) {
		return VIRTUAL[random.nextInt(VIRTUAL.length)] + Scramble.padded(random.nextInt(100_000_000), 8) + "-"
				+ (100 + random.nextInt(9900));
	}

	/** {@code 138****1234}. */
	static String masked(String phone) {
		return phone.substring(0, 3) + "****" + phone.substring(7);
	}

	/** Appends {@code 138****1234} to the writer's current cell. */
	static CsvWriter andMasked(CsvWriter writer, String phone) throws IOException {
		return writer.and(phone, 0, 3).and("****").and(phone, 7, 11);
	}

	private static String suffix(long owner, long seed, int stream) {
		return Scramble.padded(Scramble.decimal(owner, 8, Scramble.seed(seed, stream, 0)), 8);
	}

}
