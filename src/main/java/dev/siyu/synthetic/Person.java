package dev.siyu.synthetic;

/**
 * A customer: one person behind up to four platform accounts.
 *
 * @param index the generation index
 * @param id the ground truth id ({@code P000001234})
 * @param name the name
 * @param phone the first phone number
 * @param newPhone the number changed to, or {@code null}
 * @param phoneChange when the number changes ({@link Long#MAX_VALUE} if never)
 * @param home the home address
 * @param office an office address, or {@code null}
 * @param email an email address, or {@code null}
 * @param unionid the WeChat unionid
 * @param alipay the Alipay account as Taobao shows it (masked)
 * @param accounts the account id per platform ordinal, {@code ""} for Douyin (no buyer id
 * is exported), {@code null} without an account there
 * @param routing relative weight of each platform for an order
 * @param mallJoin when the person joined the own mall
 * @param hub the parcel station the person sometimes uses, or -1
 * @param firstDay the day of the first purchase
 */
record Person(long index, String id, String name, String phone, String newPhone, long phoneChange, Address home,
		Address office, String email, String unionid, String alipay, String[] accounts, double[] routing, long mallJoin,
		int hub, int firstDay) {

	String phoneAt(long time) {
		return (time < this.phoneChange) ? this.phone : this.newPhone;
	}

	String account(Platform platform) {
		return this.accounts[platform.ordinal()];
	}

	boolean has(Platform platform) {
		return this.accounts[platform.ordinal()] != null;
	}

	int platformCount() {
		int count = 0;
		for (String account : this.accounts) {
			if (account != null) {
				count++;
			}
		}
		return count;
	}

}
