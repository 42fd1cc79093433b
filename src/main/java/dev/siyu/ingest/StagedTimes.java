package dev.siyu.ingest;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;

/**
 * The instants of the times a stager writes ({@code 2024-01-05 12:00:00 Asia/Shanghai},
 * or with an offset such as {@code +08:00}), found as PostgreSQL finds them from the
 * text. A local time that a daylight-saving change makes ambiguous or skips has no answer
 * here: the database's rules decide those.
 */
final class StagedTimes {

	private static final long SECONDS_PER_DAY = 86_400;

	private String zone = "";

	private ZoneRules rules;

	/**
	 * The offset the zone keeps for good after its last change (null if it still changes,
	 * as with daylight saving), and the epoch second from which it is sure.
	 */
	private ZoneOffset settledOffset;

	private long settledFrom;

	/**
	 * Microseconds since 1970-01-01 UTC, or {@link Long#MIN_VALUE} when the local time is
	 * ambiguous or skipped in its zone.
	 */
	long epochMicros(String staged) {
		LocalDateTime local = LocalDateTime.of(number(staged, 0, 4), number(staged, 5, 2), number(staged, 8, 2),
				number(staged, 11, 2), number(staged, 14, 2), number(staged, 17, 2));
		ZoneOffset offset;
		if (staged.charAt(19) == ' ') {
			ZoneRules zoneRules = rulesOfZoneAt(staged, 20);
			if (this.settledOffset != null) {
				long seconds = local.toEpochSecond(this.settledOffset);
				if (seconds >= this.settledFrom) {
					return seconds * 1_000_000L;
				}
			}
			List<ZoneOffset> offsets = zoneRules.getValidOffsets(local);
			if (offsets.size() != 1) {
				return Long.MIN_VALUE;
			}
			offset = offsets.get(0);
		}
		else {
			int seconds = (number(staged, 20, 2) * 60 + number(staged, 23, 2)) * 60;
			offset = ZoneOffset.ofTotalSeconds((staged.charAt(19) == '-') ? -seconds : seconds);
		}
		return local.toEpochSecond(offset) * 1_000_000L;
	}

	/** The rules of the zone named from {@code at} to the end, read once per zone. */
	private ZoneRules rulesOfZoneAt(String staged, int at) {
		int length = staged.length() - at;
		if (length != this.zone.length() || !staged.regionMatches(at, this.zone, 0, length)) {
			this.zone = staged.substring(at);
			this.rules = ZoneId.of(this.zone).getRules();
			settle(this.rules);
		}
		return this.rules;
	}

	private void settle(ZoneRules zoneRules) {
		this.settledOffset = null;
		if (zoneRules.isFixedOffset()) {
			this.settledOffset = zoneRules.getOffset(Instant.EPOCH);
			this.settledFrom = Long.MIN_VALUE;
		}
		else if (zoneRules.getTransitionRules().isEmpty() && !zoneRules.getTransitions().isEmpty()) {
			List<ZoneOffsetTransition> transitions = zoneRules.getTransitions();
			ZoneOffsetTransition last = transitions.get(transitions.size() - 1);
			this.settledOffset = last.getOffsetAfter();
			this.settledFrom = last.toEpochSecond() + SECONDS_PER_DAY;
		}
	}

	private static int number(String text, int from, int digits) {
		int value = 0;
		for (int i = from; i < from + digits; i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				throw new IllegalArgumentException("not a staged time: '" + text + "'");
			}
			value = value * 10 + (c - '0');
		}
		return value;
	}

}
