package dev.siyu.tenant;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import dev.siyu.shared.TenantId;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every {@code /api/v1} request (but the OpenAPI document) carries a tenant API key, as
 * {@code Authorization: Bearer KEY} or {@code X-Api-Key: KEY}; the tenant it names is the
 * only one the request can see. Controllers read it with
 * {@code @RequestAttribute(ApiAuthentication.TENANT)}.
 */
@Component
public class ApiAuthentication extends OncePerRequestFilter {

	public static final String TENANT = "siyu.tenant";

	private final ApiKeys apiKeys;

	ApiAuthentication(ApiKeys apiKeys) {
		this.apiKeys = apiKeys;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return !path.startsWith("/api/") || path.startsWith("/api/v1/openapi");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Optional<TenantId> tenant = this.apiKeys.authenticate(presentedKey(request));
		if (tenant.isEmpty()) {
			response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
			response.setContentType("application/json");
			response.getOutputStream()
				.write("{\"error\":\"missing or unknown API key: send 'Authorization: Bearer <key>'\"}"
					.getBytes(StandardCharsets.UTF_8));
			return;
		}
		request.setAttribute(TENANT, tenant.get());
		chain.doFilter(request, response);
	}

	private static String presentedKey(HttpServletRequest request) {
		String header = request.getHeader("Authorization");
		if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return header.substring(7).trim();
		}
		return request.getHeader("X-Api-Key");
	}

}
