package dev.siyu.wecom;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a tenant's corp sends its callbacks, {@code /wecom/callback/{tenant}}. WeCom
 * signs them; no API key is involved. A callback is answered once it is verified,
 * decrypted and durably logged; it is processed later. A rejected callback leaves nothing
 * behind but a log line. A plain servlet: thousands of callbacks a second need no handler
 * mapping or message conversion.
 */
class CallbackServlet extends HttpServlet {

	static final String PATH = "/wecom/callback/";

	private static final Logger log = LoggerFactory.getLogger(CallbackServlet.class);

	private final transient Corps corps;

	private final transient EventLog eventLog;

	/** The crypto of each corp's current settings, made once. */
	private final transient Map<Corp, CallbackCrypto> cryptos = new ConcurrentHashMap<>();

	CallbackServlet(Corps corps, EventLog eventLog) {
		this.corps = corps;
		this.eventLog = eventLog;
	}

	/** WeCom's URL check when the callback is configured: answer the decrypted echo. */
	@Override
	protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
		String tenant = tenant(request);
		Optional<Corp> corp = this.corps.find(tenant);
		if (corp.isEmpty()) {
			unknown(tenant, response);
			return;
		}
		try {
			// the container has URL-decoded the parameter; a '+' sent unencoded became a
			// space
			String echostr = request.getParameter("echostr");
			String echo = (echostr != null) ? echostr.replace(' ', '+') : null;
			answer(response, HttpServletResponse.SC_OK,
					corp.get()
						.crypto()
						.open(request.getParameter("msg_signature"), request.getParameter("timestamp"),
								request.getParameter("nonce"), echo));
		}
		catch (CallbackRejected ex) {
			rejected(tenant, "URL check", ex, response);
		}
	}

	@Override
	protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
		String tenant = tenant(request);
		Optional<Corp> corp = this.corps.find(tenant);
		if (corp.isEmpty()) {
			unknown(tenant, response);
			return;
		}
		try {
			String body = new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
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
			String plain = crypto(corp.get()).open(request.getParameter("msg_signature"),
					request.getParameter("timestamp"), request.getParameter("nonce"), encrypted);
			CallbackEvent event = CallbackEvent.parse(plain);
			this.eventLog.append(corp.get().tenant(), event);
			answer(response, HttpServletResponse.SC_OK, "");
		}
		catch (CallbackRejected ex) {
			rejected(tenant, "callback", ex, response);
		}
		catch (IllegalStateException ex) {
			// not logged: WeCom retries, and then finds the log again
			log.warn("WeCom callback for tenant '{}' not logged: {}", tenant, ex.getMessage());
			answer(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, ex.getMessage());
		}
	}

	private CallbackCrypto crypto(Corp corp) {
		if (this.cryptos.size() > 1000) {
			this.cryptos.clear();
		}
		return this.cryptos.computeIfAbsent(corp, Corp::crypto);
	}

	private static String tenant(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.startsWith(PATH) ? path.substring(PATH.length()) : "";
	}

	private static void unknown(String tenant, HttpServletResponse response) throws IOException {
		log.warn("WeCom callback for '{}' rejected: no tenant of that name is connected to a corp", tenant);
		answer(response, HttpServletResponse.SC_NOT_FOUND, "no WeCom corp is configured for this tenant");
	}

	private static void rejected(String tenant, String what, CallbackRejected ex, HttpServletResponse response)
			throws IOException {
		log.warn("WeCom {} for tenant '{}' rejected ({}): {}", what, tenant, ex.code(), ex.getMessage());
		int status = (ex.code() == CallbackRejected.SIGNATURE || ex.code() == CallbackRejected.RECEIVE_ID)
				? HttpServletResponse.SC_FORBIDDEN : HttpServletResponse.SC_BAD_REQUEST;
		answer(response, status, ex.code() + " " + ex.getMessage());
	}

	private static void answer(HttpServletResponse response, int status, String text) throws IOException {
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		response.setStatus(status);
		response.setContentType("text/plain;charset=UTF-8");
		response.setContentLength(bytes.length);
		response.getOutputStream().write(bytes);
	}

}
