package dev.siyu.api;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * Errors of the HTTP API as JSON: {"error": "what is wrong"}; the caller's mistakes are
 * 400, ours 500. Console pages handle their own errors.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiErrors {

	private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

	@ExceptionHandler({ IllegalArgumentException.class, MissingServletRequestParameterException.class,
			MissingServletRequestPartException.class })
	ResponseEntity<Map<String, String>> badRequest(Exception ex) {
		return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(Map.of("error", String.valueOf(ex.getMessage())));
	}

	@ExceptionHandler(NotFound.class)
	ResponseEntity<Map<String, String>> notFound(NotFound ex) {
		return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", ex.getMessage()));
	}

	@ExceptionHandler(Busy.class)
	ResponseEntity<Map<String, String>> busy(Busy ex) {
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header("Retry-After", "60")
			.body(Map.of("error", ex.getMessage()));
	}

	@ExceptionHandler(RuntimeException.class)
	ResponseEntity<Map<String, String>> failed(RuntimeException ex) {
		log.error("Request failed", ex);
		return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
			.body(Map.of("error", String.valueOf(ex.getMessage())));
	}

}
