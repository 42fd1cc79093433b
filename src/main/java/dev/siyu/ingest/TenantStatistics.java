package dev.siyu.ingest;

import java.math.BigDecimal;

import dev.siyu.shared.TenantId;
import dev.siyu.tenant.Tenant;
import dev.siyu.tenant.Tenants;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A tenant's headline counts. GMV is what buyers paid, net of refunds, over orders that
 * were paid (not pending, not closed unpaid).
 */
@Service
public class TenantStatistics {

	private final JdbcClient jdbc;

	private final Tenants tenants;

	TenantStatistics(JdbcClient jdbc, Tenants tenants) {
		this.jdbc = jdbc;
		this.tenants = tenants;
	}

	public Counts of(TenantId tenantId) {
		Tenant tenant = this.tenants.byId(tenantId)
			.orElseThrow(() -> new IllegalArgumentException("unknown tenant " + tenantId));
		long id = tenantId.value();
		Object[] orders = this.jdbc.sql("""
				select count(*), coalesce(sum(amount - refund) filter (where status in ('paid', 'shipped', 'completed',
				       'refunded', 'other')), 0)
				from orders where tenant_id = ?""")
			.param(id)
			.query((rs, row) -> new Object[] { rs.getLong(1), rs.getBigDecimal(2) })
			.single();
		long items = this.jdbc.sql("select count(*) from order_item where tenant_id = ?")
			.param(id)
			.query(Long.class)
			.single();
		long accounts;
		long persons;
		if (tenant.identityScope().equals(tenantId)) {
			accounts = this.jdbc.sql("select count(*) from account where tenant_id = ?")
				.param(id)
				.query(Long.class)
				.single();
			persons = this.jdbc.sql("select count(*) from person where tenant_id = ? and merged_into is null")
				.param(id)
				.query(Long.class)
				.single();
		}
		else {
			Object[] shared = this.jdbc.sql("""
					select count(distinct a.id), count(distinct a.person_id)
					from orders o join account a on a.id = o.account_id where o.tenant_id = ?""")
				.param(id)
				.query((rs, row) -> new Object[] { rs.getLong(1), rs.getLong(2) })
				.single();
			accounts = (Long) shared[0];
			persons = (Long) shared[1];
		}
		return new Counts((Long) orders[0], items, accounts, persons, ((BigDecimal) orders[1]).setScale(2));
	}

	/** Orders, order items, buyer accounts, persons (One IDs) and GMV. */
	public record Counts(long orders, long orderItems, long accounts, long persons, BigDecimal gmv) {
	}

}
