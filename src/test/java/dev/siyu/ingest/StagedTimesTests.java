package dev.siyu.ingest;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StagedTimesTests {

	private final StagedTimes times = new StagedTimes();

	@Test
	void readsATimeInItsZone() {
		assertThat(this.times.epochMicros("2024-01-05 12:00:00 Asia/Shanghai"))
			.isEqualTo(micros(LocalDateTime.of(2024, 1, 5, 12, 0).atZone(ZoneId.of("Asia/Shanghai")).toEpochSecond()));
	}

	@Test
	void readsATimeWithItsOwnOffset() {
		assertThat(this.times.epochMicros("2024-01-05 12:00:00+08:00")).isEqualTo(micros(1_704_427_200L));
		assertThat(this.times.epochMicros("2024-01-05 12:00:00-05:30"))
			.isEqualTo(micros(1_704_427_200L + 13 * 3600 + 1800));
		assertThat(this.times.epochMicros("2024-01-05 04:00:00+00:00")).isEqualTo(micros(1_704_427_200L));
	}

	@Test
	void leavesTimesADaylightSavingChangeSkipsOrRepeatsToTheDatabase() {
		assertThat(this.times.epochMicros("2024-03-10 02:30:00 America/New_York")).isEqualTo(Long.MIN_VALUE);
		assertThat(this.times.epochMicros("2024-11-03 01:30:00 America/New_York")).isEqualTo(Long.MIN_VALUE);
		assertThat(this.times.epochMicros("2024-11-03 03:30:00 America/New_York")).isNotEqualTo(Long.MIN_VALUE);
	}

	@Test
	void readsTimesBeforeAndAfterAZoneLastChangedItsOffset() {
		assertThat(this.times.epochMicros("1988-07-01 12:00:00 Asia/Shanghai"))
			.isEqualTo(micros(LocalDateTime.of(1988, 7, 1, 12, 0).atZone(ZoneId.of("Asia/Shanghai")).toEpochSecond()));
		assertThat(this.times.epochMicros("1988-07-01 12:00:00 Asia/Shanghai"))
			.isEqualTo(micros(LocalDateTime.of(1988, 7, 1, 3, 0).toEpochSecond(ZoneOffset.UTC)));
		assertThat(this.times.epochMicros("2024-07-01 12:00:00 Asia/Shanghai"))
			.isEqualTo(micros(LocalDateTime.of(2024, 7, 1, 4, 0).toEpochSecond(ZoneOffset.UTC)));
		assertThat(this.times.epochMicros("2024-07-01 12:00:00 UTC"))
			.isEqualTo(micros(LocalDateTime.of(2024, 7, 1, 12, 0).toEpochSecond(ZoneOffset.UTC)));
		assertThat(this.times.epochMicros("2024-07-01 12:00:00 Asia/Shanghai"))
			.isEqualTo(micros(LocalDateTime.of(2024, 7, 1, 4, 0).toEpochSecond(ZoneOffset.UTC)));
	}

	private static long micros(long seconds) {
		return seconds * 1_000_000L;
	}

}
