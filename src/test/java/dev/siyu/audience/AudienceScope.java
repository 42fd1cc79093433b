package dev.siyu.audience;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import dev.siyu.testing.Api;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A tenant's scope in the audience API tests: accounts and orders written straight into
 * its tables, and the counts the API gives for an expression.
 */
final class AudienceScope {

	private final JdbcClient jdbc;

	private final Api api;

	private final long scope;

	AudienceScope(JdbcClient jdbc, Api api, long scope) {
		this.jdbc = jdbc;
		this.api = api;
		this.scope = scope;
	}

	/** A mall account of the person, keyed {@code key-person}. */
	long account(long person, String key) {
		return this.jdbc.sql(
				"insert into account (tenant_id, platform, account_key, person_id) values (?, 'mall', ?, ?) returning id")
			.params(this.scope, key + "-" + person, person)
			.query(Long.class)
			.single();
	}

	/** A completed order of one item of {@code sku}, paid now. */
	void order(long account, String orderNo, String sku) {
		long id = this.jdbc.sql("""
				insert into orders (tenant_id, platform, order_no, account_id, status, created_at, paid_at, amount,
				                    content_hash)
				values (?, 'mall', ?, ?, 'completed', ?, ?, ?, '\\x00') returning id""")
			.params(this.scope, orderNo, account, OffsetDateTime.now(), OffsetDateTime.now(), new BigDecimal("99.00"))
			.query(Long.class)
			.single();
		this.jdbc.sql("insert into order_item (order_id, tenant_id, line_no, sku, quantity) values (?, ?, 1, ?, 1)")
			.params(id, this.scope, sku)
			.update();
	}

	long count(String expression, String engine) {
		Api.Response response = this.api.postJson("/api/v1/audiences:count",
				"{\"expression\": \"" + expression.replace("\"", "\\\"") + "\", \"engine\": \"" + engine + "\"}");
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json().get("count").asLong();
	}

}
