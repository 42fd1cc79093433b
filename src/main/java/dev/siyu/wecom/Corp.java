package dev.siyu.wecom;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.siyu.shared.TenantId;

/**
 * A tenant's WeCom corp: where its callbacks come from and how its API is reached.
 *
 * @param apiBase the API host, {@code https://qyapi.weixin.qq.com} for a real corp or a
 * sandbox's address
 */
public record Corp(TenantId tenant, String tenantName, String corpId, Integer agentId, String token, String aesKey,
		String secret, String apiBase, int callsPerMinute) {

	public static final String WECOM_API = "https://qyapi.weixin.qq.com";

	public CallbackCrypto crypto() {
		return new CallbackCrypto(this.token, this.aesKey, this.corpId);
	}

	/** The settings without their secrets. */
	public Map<String, Object> summary() {
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("tenant", this.tenantName);
		out.put("corpId", this.corpId);
		out.put("agentId", this.agentId);
		out.put("apiBase", this.apiBase);
		out.put("callsPerMinute", this.callsPerMinute);
		out.put("hasSecret", this.secret != null);
		out.put("callbackPath", "/wecom/callback/" + this.tenantName);
		return out;
	}

	@Override
	public String toString() {
		return "Corp[" + this.tenantName + " -> " + this.corpId + " at " + this.apiBase + "]";
	}

}
