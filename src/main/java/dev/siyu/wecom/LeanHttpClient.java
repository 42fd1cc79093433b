package dev.siyu.wecom;

import java.util.concurrent.TimeUnit;

import me.chanjar.weixin.common.util.http.apache.ApacheHttpClientBuilder;
import org.apache.http.client.HttpRequestRetryHandler;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.conn.ConnectionKeepAliveStrategy;
import org.apache.http.conn.ssl.SSLConnectionSocketFactory;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;

/**
 * The HTTP client under WxJava: WeCom's API is JSON over keep-alive HTTPS with no
 * cookies, redirects, authentication or compression, so the client leaves those stages
 * out. They cost a welcome message about as much CPU as verifying its callback. One
 * client serves every corp; its pool holds enough connections for the welcome senders and
 * the sync at once.
 */
final class LeanHttpClient implements ApacheHttpClientBuilder {

	private static final int TIMEOUT_MILLIS = 10_000;

	private final CloseableHttpClient client;

	LeanHttpClient(int connections) {
		PoolingHttpClientConnectionManager pool = new PoolingHttpClientConnectionManager(60, TimeUnit.SECONDS);
		pool.setMaxTotal(connections * 2);
		pool.setDefaultMaxPerRoute(connections);
		pool.setValidateAfterInactivity(2_000);
		this.client = HttpClients.custom()
			.setConnectionManager(pool)
			// WxJava closes the client after fetching a token; the pool must outlive that
			.setConnectionManagerShared(true)
			.setDefaultRequestConfig(RequestConfig.custom()
				.setConnectTimeout(TIMEOUT_MILLIS)
				.setSocketTimeout(TIMEOUT_MILLIS)
				.setConnectionRequestTimeout(TIMEOUT_MILLIS)
				.build())
			.disableCookieManagement()
			.disableRedirectHandling()
			.disableAuthCaching()
			.disableConnectionState()
			.disableContentCompression()
			.setUserAgent("siyu")
			.build();
	}

	@Override
	public CloseableHttpClient build() {
		return this.client;
	}

	@Override
	public ApacheHttpClientBuilder httpProxyHost(String host) {
		return noProxy(host != null);
	}

	@Override
	public ApacheHttpClientBuilder httpProxyPort(int port) {
		return noProxy(port != 0);
	}

	@Override
	public ApacheHttpClientBuilder httpProxyUsername(String username) {
		return noProxy(username != null);
	}

	@Override
	public ApacheHttpClientBuilder httpProxyPassword(String password) {
		return noProxy(password != null);
	}

	/** WxJava passes the corp's proxy settings, unset when there is none. */
	private ApacheHttpClientBuilder noProxy(boolean set) {
		if (set) {
			throw new UnsupportedOperationException("siyu reaches WeCom without a proxy");
		}
		return this;
	}

	@Override
	public ApacheHttpClientBuilder httpRequestRetryHandler(HttpRequestRetryHandler handler) {
		return this;
	}

	@Override
	public ApacheHttpClientBuilder keepAliveStrategy(ConnectionKeepAliveStrategy strategy) {
		return this;
	}

	@Override
	public ApacheHttpClientBuilder sslConnectionSocketFactory(SSLConnectionSocketFactory factory) {
		return this;
	}

}
