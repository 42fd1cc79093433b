package dev.siyu.wecom;

/**
 * A callback that failed a check, with the error code WeCom's sample SDKs use for the
 * same failure (-40001 signature, -40002 XML, -40004 AES key, -40005 receiveid, -40007
 * decrypt, -40008 buffer).
 */
public class CallbackRejected extends RuntimeException {

	public static final int SIGNATURE = -40001;

	public static final int XML = -40002;

	public static final int AES_KEY = -40004;

	public static final int RECEIVE_ID = -40005;

	public static final int DECRYPT = -40007;

	public static final int BUFFER = -40008;

	private final int code;

	public CallbackRejected(int code, String reason) {
		super(reason);
		this.code = code;
	}

	public int code() {
		return this.code;
	}

}
