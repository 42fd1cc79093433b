package dev.siyu.value;

import java.util.List;

import dev.siyu.shared.TenantId;
import dev.siyu.tenant.Tenant;
import dev.siyu.tenant.Tenants;

import org.springframework.stereotype.Component;

/**
 * Which tenants' orders belong to an identity scope. Persons live in the scope (a brand,
 * or a group sharing One ID); their orders in the brands of that scope. Paid orders count
 * at their net value (amount less refund), as GMV does in the tenant statistics; a fully
 * refunded order is no purchase. The day of a purchase is its payment day (creation when
 * unpaid time is missing) in China Standard Time.
 */
@Component
class ScopeOrders {

	static final String PAID = "o.status in ('paid', 'shipped', 'completed', 'refunded', 'other')";

	static final String DAY = "((coalesce(o.paid_at, o.created_at) at time zone 'Asia/Shanghai')::date)";

	static final String PERSON = "coalesce(p.merged_into, p.id)";

	/** Net paid orders of the scope joined to their person: aliases o, a and p. */
	static final String PURCHASES = purchases("");

	/** The same, with more tables joined (they may refer to o, a and p). */
	static String purchases(String joins) {
		return """
				orders o join account a on a.id = o.account_id join person p on p.id = a.person_id %s
				where o.tenant_id = any(:tenants) and p.tenant_id = :scope and %s and o.amount - o.refund > 0
				  and coalesce(o.paid_at, o.created_at) is not null""".formatted(joins, PAID);
	}

	private final Tenants tenants;

	ScopeOrders(Tenants tenants) {
		this.tenants = tenants;
	}

	Tenant tenant(TenantId id) {
		return this.tenants.byId(id).orElseThrow(() -> new IllegalArgumentException("unknown tenant " + id));
	}

	TenantId scope(TenantId tenant) {
		return tenant(tenant).identityScope();
	}

	/** The tenants whose buyers belong to this scope. */
	Long[] tenantsOf(TenantId scope) {
		List<Long> ids = this.tenants.all()
			.stream()
			.filter(tenant -> tenant.identityScope().equals(scope))
			.map(tenant -> tenant.id().value())
			.toList();
		return ids.toArray(Long[]::new);
	}

}
