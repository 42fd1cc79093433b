package dev.siyu.identity;

import java.sql.SQLException;
import java.util.SplittableRandom;

import dev.siyu.storage.BinaryCopy;

/**
 * Accounts of persons as they arrive from several platforms, with the truth: a person has
 * one to four accounts, each showing a platform id, a phone and an email; the accounts of
 * a person chain through a shared phone, email or platform id (unionid), the others are
 * the account's own. Account ids are scattered (a person's accounts were not created
 * together), and a few single-account persons show a shop phone shared by fifty accounts,
 * which the hub guard must keep from linking them.
 */
final class AccountGraphGenerator {

	static final int HUB_SIZE = 50;

	private static final int PLATFORM_ID = 1;

	private static final int PHONE = 2;

	private static final int EMAIL = 3;

	private final long accounts;

	private final SplittableRandom random;

	private final int hubThreshold;

	AccountGraphGenerator(long accounts, long seed, int hubThreshold) {
		this.accounts = accounts;
		this.random = new SplittableRandom(seed);
		this.hubThreshold = hubThreshold;
	}

	/**
	 * Writes {@code (account_id, identifier_id, priority)} rows, three per account;
	 * returns the truth.
	 */
	DeterministicScale.Truth write(BinaryCopy edges) throws SQLException {
		long nextIdentifier = 1;
		long hubBase = this.accounts * 3 + 1;
		long hubAccounts = 0;
		long persons = 0;
		long position = 0;
		long[] previous = new long[4];
		while (position < this.accounts) {
			int size = (int) Math.min(personSize(), this.accounts - position);
			persons++;
			for (int j = 0; j < size; j++) {
				long account = scatter(position + j);
				long platformId = nextIdentifier++;
				long phone = nextIdentifier++;
				long email = nextIdentifier++;
				if (j > 0) {
					double link = this.random.nextDouble();
					if (link < 0.45) {
						phone = previous[PHONE];
					}
					else if (link < 0.75) {
						email = previous[EMAIL];
					}
					else {
						platformId = previous[PLATFORM_ID];
					}
				}
				else if (size == 1 && this.random.nextDouble() < 0.01) {
					phone = hubBase + hubAccounts / HUB_SIZE;
					hubAccounts++;
				}
				edges.row(3).int8(account).int8(platformId).int2(PLATFORM_ID);
				edges.row(3).int8(account).int8(phone).int2(PHONE);
				edges.row(3).int8(account).int8(email).int2(EMAIL);
				previous[PLATFORM_ID] = platformId;
				previous[PHONE] = phone;
				previous[EMAIL] = email;
			}
			position += size;
		}
		long hubs = 0;
		for (long first = 0; first < hubAccounts; first += HUB_SIZE) {
			long sharing = Math.min(HUB_SIZE, hubAccounts - first);
			if (sharing > this.hubThreshold) {
				hubs++;
			}
			else {
				// too few accounts share this shop phone for the guard: they link
				persons -= sharing - 1;
			}
		}
		return new DeterministicScale.Truth(this.accounts, this.accounts * 3, persons, hubs);
	}

	private int personSize() {
		double draw = this.random.nextDouble();
		return (draw < 0.6) ? 1 : (draw < 0.85) ? 2 : (draw < 0.95) ? 3 : 4;
	}

	/** Account ids 1..N in a scattered order: a bijection since 2^31-1 is prime. */
	private long scatter(long position) {
		return (position * Integer.MAX_VALUE) % this.accounts + 1;
	}

}
