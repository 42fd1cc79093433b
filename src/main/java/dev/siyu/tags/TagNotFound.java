package dev.siyu.tags;

import dev.siyu.api.NotFound;

/** The tag asked for is not in this scope's catalog. */
public class TagNotFound extends NotFound {

	TagNotFound(String message) {
		super(message);
	}

}
