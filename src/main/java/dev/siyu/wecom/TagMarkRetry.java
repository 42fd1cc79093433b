package dev.siyu.wecom;

import java.time.Duration;
import java.util.Set;

/**
 * What becomes of a mark_tag call WeCom refused. No answer at all (the network) and the
 * answers that say "later" (system busy, data version conflict, frequency or concurrency
 * limit) are tried again after a pause that doubles from {@code firstPause} up to
 * {@code longestPause}, at most {@code attempts} times in all; every other answer (not a
 * friend, unknown tag, unknown user) is final.
 */
record TagMarkRetry(int attempts, Duration firstPause, Duration longestPause) {

	/** -1 system busy, 6000 data version conflict, 45009 frequency, 45033 concurrency. */
	static final Set<Integer> LATER = Set.of(-1, 6000, 45009, 45033);

	TagMarkRetry {
		if (attempts < 1) {
			throw new IllegalArgumentException("tag marks need at least 1 attempt, got " + attempts);
		}
		if (firstPause.isNegative() || longestPause.compareTo(firstPause) < 0) {
			throw new IllegalArgumentException("the longest pause between tag mark attempts (" + longestPause
					+ ") must not be shorter than the first (" + firstPause + ")");
		}
	}

	/** Whether an answer is worth trying again; null errcode: WeCom gave no answer. */
	static boolean isTransient(Integer errcode) {
		return errcode == null || LATER.contains(errcode);
	}

	/** The pause after the given failed attempt (1 for the first). */
	Duration pauseAfter(int attempt) {
		Duration pause = this.firstPause;
		for (int i = 1; i < attempt && pause.compareTo(this.longestPause) < 0; i++) {
			pause = pause.multipliedBy(2);
		}
		return (pause.compareTo(this.longestPause) > 0) ? this.longestPause : pause;
	}

	/** Whether a mark that failed this many times is given up. */
	boolean exhausted(int failedAttempts) {
		return failedAttempts >= this.attempts;
	}

}
