package dev.siyu.wecom;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where a tenant's corp sends its callbacks. WeCom signs them; no API key is involved. A
 * callback is answered once it is verified, decrypted and durably logged; it is processed
 * later. A rejected callback leaves nothing behind but a log line.
 */
@RestController
@ConditionalOnWebApplication
class CallbackController {

	private static final Logger log = LoggerFactory.getLogger(CallbackController.class);

	private final Corps corps;

	private final EventLog eventLog;

	CallbackController(Corps corps, EventLog eventLog) {
		this.corps = corps;
		this.eventLog = eventLog;
	}

	@GetMapping(path = "/wecom/callback/{tenant}", produces = MediaType.TEXT_PLAIN_VALUE)
	ResponseEntity<String> verifyUrl(@PathVariable String tenant,
			@RequestParam(name = "msg_signature", required = false) String signature,
			@RequestParam(required = false) String timestamp, @RequestParam(required = false) String nonce,
			@RequestParam(required = false) String echostr) {
		Optional<Corp> corp = this.corps.find(tenant);
		if (corp.isEmpty()) {
			return unknown(tenant);
		}
		try {
			// the container has URL-decoded the parameter; a '+' sent unencoded became a
			// space
			String echo = (echostr != null) ? echostr.replace(' ', '+') : null;
			return ResponseEntity.ok(corp.get().crypto().open(signature, timestamp, nonce, echo));
		}
		catch (CallbackRejected ex) {
			return rejected(tenant, "URL check", ex);
		}
	}

	@PostMapping(path = "/wecom/callback/{tenant}", produces = MediaType.TEXT_PLAIN_VALUE)
	ResponseEntity<String> receive(@PathVariable String tenant,
			@RequestParam(name = "msg_signature", required = false) String signature,
			@RequestParam(required = false) String timestamp, @RequestParam(required = false) String nonce,
			@RequestBody(required = false) String body) {
		Optional<Corp> corp = this.corps.find(tenant);
		if (corp.isEmpty()) {
			return unknown(tenant);
		}
		try {
			Xml envelope = Xml.parse(body);
			String encrypted = envelope.get("Encrypt");
			if (encrypted == null) {
				throw new CallbackRejected(CallbackRejected.XML, "the envelope has no <Encrypt>");
			}
			String to = envelope.get("ToUserName");
			if (to != null && !to.equals(corp.get().corpId())) {
				throw new CallbackRejected(CallbackRejected.RECEIVE_ID,
						"the envelope is addressed to '" + to + "', not to corp '" + corp.get().corpId() + "'");
			}
			String plain = corp.get().crypto().open(signature, timestamp, nonce, encrypted);
			CallbackEvent event = CallbackEvent.parse(plain);
			this.eventLog.append(corp.get().tenant(), event);
			return ResponseEntity.ok("");
		}
		catch (CallbackRejected ex) {
			return rejected(tenant, "callback", ex);
		}
	}

	private static ResponseEntity<String> unknown(String tenant) {
		log.warn("WeCom callback for '{}' rejected: no tenant of that name is connected to a corp", tenant);
		return ResponseEntity.status(HttpStatus.NOT_FOUND).body("no WeCom corp is configured for this tenant");
	}

	private static ResponseEntity<String> rejected(String tenant, String what, CallbackRejected ex) {
		log.warn("WeCom {} for tenant '{}' rejected ({}): {}", what, tenant, ex.code(), ex.getMessage());
		HttpStatus status = (ex.code() == CallbackRejected.SIGNATURE || ex.code() == CallbackRejected.RECEIVE_ID)
				? HttpStatus.FORBIDDEN : HttpStatus.BAD_REQUEST;
		return ResponseEntity.status(status).body(ex.code() + " " + ex.getMessage());
	}

}
