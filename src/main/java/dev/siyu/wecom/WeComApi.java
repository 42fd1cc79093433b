package dev.siyu.wecom;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.cp.api.WxCpService;
import me.chanjar.weixin.cp.api.impl.WxCpServiceImpl;
import me.chanjar.weixin.cp.config.impl.WxCpDefaultConfigImpl;

import org.springframework.stereotype.Component;

/**
 * The WeCom API of each connected corp through WxJava, aimed at the corp's API base
 * (WeCom itself or a sandbox: the same code path). WxJava caches the access token until
 * it expires; every call first takes a permit from the corp's rate limit.
 */
@Component
class WeComApi {

	private final Map<Long, Client> clients = new ConcurrentHashMap<>();

	private final LeanHttpClient http = new LeanHttpClient(32);

	/** One call to WeCom's API. */
	@FunctionalInterface
	interface Call<T> {

		T on(WxCpService service) throws WxErrorException;

	}

	<T> T call(Corp corp, Call<T> call) {
		if (corp.secret() == null) {
			throw new IllegalArgumentException(
					"the corp has no secret configured: set one with --secret to use its API");
		}
		Client client = this.clients.compute(corp.tenant().value(),
				(id, existing) -> (existing != null && existing.corp().equals(corp)) ? existing
						: new Client(corp, this.http));
		client.limit().acquire();
		try {
			return call.on(client.service());
		}
		catch (WxErrorException ex) {
			throw new WeComApiException(ex.getError().getErrorCode(), ex.getError().getErrorMsg());
		}
	}

	private record Client(Corp corp, WxCpService service, RateLimit limit) {

		Client(Corp corp, LeanHttpClient http) {
			this(corp, newService(corp, http), new RateLimit(corp.callsPerMinute()));
		}

		private static WxCpService newService(Corp corp, LeanHttpClient http) {
			WxCpDefaultConfigImpl config = new WxCpDefaultConfigImpl();
			config.setCorpId(corp.corpId());
			config.setCorpSecret(corp.secret());
			config.setAgentId(corp.agentId());
			config.setToken(corp.token());
			config.setAesKey(corp.aesKey());
			config.setBaseApiUrl(corp.apiBase());
			config.setApacheHttpClientBuilder(http);
			WxCpServiceImpl service = new WxCpServiceImpl();
			service.setWxCpConfigStorage(config);
			return service;
		}

	}

}
