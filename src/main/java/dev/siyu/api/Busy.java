package dev.siyu.api;

/** The server cannot take the request now; asking again later may succeed. */
public class Busy extends RuntimeException {

	public Busy(String message, Throwable cause) {
		super(message, cause);
	}

}
