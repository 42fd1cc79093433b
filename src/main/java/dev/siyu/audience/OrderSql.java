package dev.siyu.audience;

import java.util.Map;

import dev.siyu.audience.Expression.OrderFilter;

/**
 * What counts as an order of a person, in SQL shared by both engines: an order that was
 * paid (paid, shipped or completed; not pending, closed, refunded), of an account of the
 * person; its day is the paid time (else the creation time) in China; its amount is what
 * was paid net of refunds, never below zero. A window of N days is today and the N - 1
 * days before.
 */
final class OrderSql {

	static final String DAY = "cast((coalesce(o.paid_at, o.created_at) at time zone 'Asia/Shanghai') as date)";

	static final String NET_AMOUNT = "greatest(o.amount - o.refund, 0)";

	static final String FROM = "orders o join account a on a.id = o.account_id";

	static final String VALID = "o.status in ('paid', 'shipped', 'completed')";

	private OrderSql() {
	}

	/** Conditions on orders o for a window and a filter; values go into params. */
	static String conditions(Integer days, OrderFilter filter, Map<String, Object> params) {
		StringBuilder where = new StringBuilder(VALID);
		if (days != null) {
			where.append(" and ").append(DAY).append(" > cast(:today as date) - ").append(days.intValue());
		}
		if (filter != null) {
			String name = "f" + params.size();
			params.put(name, filter.value());
			if (filter.kind() == Expression.FilterKind.PLATFORM) {
				where.append(" and o.platform = :").append(name);
			}
			else {
				String column = (filter.kind() == Expression.FilterKind.SKU) ? "sku" : "category";
				where.append(" and exists (select 1 from order_item i where i.order_id = o.id and i.")
					.append(column)
					.append(" = :")
					.append(name)
					.append(')');
			}
		}
		return where.toString();
	}

}
