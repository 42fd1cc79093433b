package dev.siyu.shared;

/** Which tenant (brand) a row, a request or a command belongs to. */
public record TenantId(long value) {

	public TenantId {
		if (value <= 0) {
			throw new IllegalArgumentException("tenant id must be positive: " + value);
		}
	}

	@Override
	public String toString() {
		return Long.toString(this.value);
	}

}
