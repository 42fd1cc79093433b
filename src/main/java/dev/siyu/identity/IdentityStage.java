package dev.siyu.identity;

/**
 * How a caller hands accounts and identifiers to {@link IdentityResolution#absorb}: two
 * temporary tables it fills in its own transaction (set-based, so a million accounts cost
 * one statement).
 */
public final class IdentityStage {

	/** {@code account_stage(account_key)}: every buyer account seen. */
	public static final String ACCOUNTS = "account_stage";

	/**
	 * {@code identity_stage(account_key, kind, value_hash, value_enc, masked, strong)}:
	 * the identifiers each account showed; value_hash is the blind index, value_enc the
	 * encrypted value (or null).
	 */
	public static final String IDENTIFIERS = "identity_stage";

	private IdentityStage() {
	}

}
