package dev.siyu.wecom;

/** WeCom answered a call with an error code. */
public class WeComApiException extends RuntimeException {

	private final int errcode;

	WeComApiException(int errcode, String message) {
		super("WeCom API error " + errcode + ": " + message);
		this.errcode = errcode;
	}

	public int errcode() {
		return this.errcode;
	}

}
