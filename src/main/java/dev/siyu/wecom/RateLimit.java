package dev.siyu.wecom;

/**
 * A token bucket refilled evenly over a minute, holding at most a second's worth of calls
 * beyond the steady rate: WeCom counts calls per corp and per API per minute.
 */
final class RateLimit {

	private final double perNano;

	private final double capacity;

	private double tokens;

	private long last = System.nanoTime();

	RateLimit(int perMinute) {
		this.perNano = perMinute / 60e9;
		this.capacity = Math.max(1, perMinute / 60.0);
		this.tokens = this.capacity;
	}

	synchronized void acquire() {
		while (true) {
			long now = System.nanoTime();
			this.tokens = Math.min(this.capacity, this.tokens + (now - this.last) * this.perNano);
			this.last = now;
			if (this.tokens >= 1) {
				this.tokens -= 1;
				return;
			}
			long waitNanos = (long) ((1 - this.tokens) / this.perNano);
			try {
				wait(Math.max(1, waitNanos / 1_000_000), 0);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted while waiting for the WeCom rate limit", ex);
			}
		}
	}

}
