package dev.siyu.wecom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitTests {

	@Test
	void callsBeyondTheBurstWaitForTheSteadyRate() {
		RateLimit limit = new RateLimit(600);
		long start = System.nanoTime();
		for (int i = 0; i < 13; i++) {
			limit.acquire();
		}
		// a burst of 10 (one second's worth), then 10 per second: 3 more take about 0.3 s
		assertThat((System.nanoTime() - start) / 1e9).isBetween(0.2, 2.0);
	}

}
