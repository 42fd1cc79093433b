package dev.siyu.api;

/**
 * Something the caller asked for does not exist (or belongs to another tenant: the answer
 * is the same).
 */
public class NotFound extends RuntimeException {

	public NotFound(String message) {
		super(message);
	}

}
