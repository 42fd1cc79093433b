package dev.siyu.wecom;

import java.net.URI;

/**
 * What an operator enters to connect a tenant to a corp; checked before anything is
 * stored.
 */
public record CorpSettings(String corpId, String token, String aesKey, String secret, Integer agentId, String apiBase,
		Integer callsPerMinute) {

	public CorpSettings {
		corpId = require("corp id", corpId);
		token = require("token", token);
		aesKey = require("aes key", aesKey);
		if (!token.matches("[A-Za-z0-9]{1,32}")) {
			throw new IllegalArgumentException("token must be 1-32 letters or digits, as WeCom generates it");
		}
		try {
			CallbackCrypto.aesKey(aesKey);
		}
		catch (CallbackRejected ex) {
			throw new IllegalArgumentException("aes key: " + ex.getMessage());
		}
		apiBase = (apiBase == null || apiBase.isBlank()) ? Corp.WECOM_API : apiBase.strip();
		if (apiBase.endsWith("/")) {
			apiBase = apiBase.substring(0, apiBase.length() - 1);
		}
		URI uri = URI.create(apiBase);
		if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
			throw new IllegalArgumentException("api base must be an http(s) URL, got '" + apiBase + "'");
		}
		if (callsPerMinute != null && callsPerMinute < 1) {
			throw new IllegalArgumentException("calls per minute must be positive, got " + callsPerMinute);
		}
	}

	private static String require(String what, String value) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(what + " is required");
		}
		return value.strip();
	}

}
