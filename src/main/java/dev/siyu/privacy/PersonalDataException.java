package dev.siyu.privacy;

/**
 * Personal data cannot be read: a missing key, an altered ciphertext, a broken key file.
 */
public class PersonalDataException extends RuntimeException {

	public PersonalDataException(String message) {
		super(message);
	}

	public PersonalDataException(String message, Throwable cause) {
		super(message, cause);
	}

}
