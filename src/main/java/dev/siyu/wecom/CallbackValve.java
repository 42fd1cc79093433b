package dev.siyu.wecom;

import java.io.IOException;

import jakarta.servlet.ServletException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;

/**
 * Hands WeCom's callbacks to the callback servlet before the filter chain: the console's
 * and the API's filters (security, sessions, locale, resource URLs) have nothing to do
 * with a callback that WeCom signs, and at thousands a second they cost more than the
 * callback's own work.
 */
class CallbackValve extends ValveBase {

	private final CallbackServlet servlet;

	CallbackValve(CallbackServlet servlet) {
		super(true);
		this.servlet = servlet;
	}

	@Override
	public void invoke(Request request, Response response) throws IOException, ServletException {
		if (request.getDecodedRequestURI().startsWith(CallbackServlet.PATH)) {
			this.servlet.service(request.getRequest(), response.getResponse());
			return;
		}
		getNext().invoke(request, response);
	}

}
