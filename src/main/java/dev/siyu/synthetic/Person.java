package dev.siyu.synthetic;

/**
 * A customer: one person behind up to four platform accounts. What drives purchases is
 * drawn at once; identifiers and addresses only when an order is written, each from its
 * own random stream, so skipping a platform changes nothing else.
 */
final class Person {

	private final People people;

	private final long index;

	private final int firstDay;

	private final double[] routing;

	private final long mallJoin;

	private final int hub;

	private final String[] accounts = new String[Platform.ALL.length];

	private Details details;

	private String id;

	Person(People people, long index, int firstDay, double[] routing, long mallJoin, int hub) {
		this.people = people;
		this.index = index;
		this.firstDay = firstDay;
		this.routing = routing;
		this.mallJoin = mallJoin;
		this.hub = hub;
	}

	long index() {
		return this.index;
	}

	/** The ground truth id ({@code P000001234}). */
	String id() {
		if (this.id == null) {
			this.id = "P" + Scramble.padded(this.index + 1, 9);
		}
		return this.id;
	}

	/** The day of the first purchase. */
	int firstDay() {
		return this.firstDay;
	}

	/**
	 * The relative weight of each platform (by ordinal) for an order, 0 without an
	 * account.
	 */
	double[] routing() {
		return this.routing;
	}

	/** When the person joined the own mall. */
	long mallJoin() {
		return this.mallJoin;
	}

	/** The parcel station the person sometimes uses, or -1. */
	int hub() {
		return this.hub;
	}

	boolean has(Platform platform) {
		return this.routing[platform.ordinal()] > 0;
	}

	/**
	 * The buyer id on a platform as its export shows it: {@code ""} on Douyin (no buyer
	 * id is exported), {@code null} without an account there.
	 */
	String account(Platform platform) {
		if (!has(platform)) {
			return null;
		}
		String account = this.accounts[platform.ordinal()];
		if (account == null) {
			account = this.people.account(this.index, platform);
			this.accounts[platform.ordinal()] = account;
		}
		return account;
	}

	String name() {
		return details().name();
	}

	String phoneAt(long time) {
		Details details = details();
		return (time < details.phoneChange()) ? details.phone() : details.newPhone();
	}

	Address home() {
		return details().home();
	}

	/** An office address, or {@code null}. */
	Address office() {
		return details().office();
	}

	/** An email address, or {@code null}. */
	String email() {
		return details().email();
	}

	/** The WeChat unionid. */
	String unionid() {
		return details().unionid();
	}

	/** The Alipay account as Taobao shows it (masked). */
	String alipay() {
		return details().alipay();
	}

	private Details details() {
		if (this.details == null) {
			this.details = this.people.details(this);
		}
		return this.details;
	}

	/**
	 * Who the person is.
	 *
	 * @param name the name
	 * @param phone the first phone number
	 * @param newPhone the number changed to, or {@code null}
	 * @param phoneChange when the number changes ({@link Long#MAX_VALUE} if never)
	 * @param home the home address
	 * @param office an office address, or {@code null}
	 * @param email an email address, or {@code null}
	 * @param unionid the WeChat unionid
	 * @param alipay the Alipay account as Taobao shows it
	 */
	record Details(String name, String phone, String newPhone, long phoneChange, Address home, Address office,
			String email, String unionid, String alipay) {
	}

}
