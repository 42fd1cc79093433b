package dev.siyu.ingest;

import java.util.List;
import java.util.function.IntFunction;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Merges the staged lines of one import into orders and items, set-based: new orders are
 * inserted, orders whose content changed are updated in place with the change recorded,
 * the rest stay untouched, which makes re-imports idempotent.
 */
final class OrderMerge {

	private final JdbcClient jdbc;

	private final long tenant;

	private final long scope;

	private final String platform;

	private final long importId;

	/**
	 * Whether stg_order is a view over stg_line, dropped by hand since it outlives the
	 * transaction.
	 */
	private boolean orderView;

	OrderMerge(JdbcClient jdbc, long tenant, long scope, String platform, long importId) {
		this.jdbc = jdbc;
		this.tenant = tenant;
		this.scope = scope;
		this.platform = platform;
		this.importId = importId;
	}

	/**
	 * Groups the staged lines into orders (stg_order) and registers their buyers for
	 * identity. Rows seen twice (an order, or a line of an order, in overlapping files)
	 * keep their last version; only the suspects the stager noticed are checked for that.
	 * Returns how many rows a later one replaced.
	 */
	long prepare(boolean lineGranularity, boolean amountPerLine, StagingTables tables, boolean suspects) {
		String key = lineGranularity ? "order_no, line_key" : "order_no";
		// temporary tables have no statistics until analysed; without them the planner
		// sorts. Only the columns joined or grouped on: the rest cost time and guide
		// nothing
		this.jdbc.sql("analyze stg_line (seq, order_no, line_key, account_key, shop_key, sku)").update();
		long repeated = 0;
		if (suspects) {
			repeated = this.jdbc
				.sql("delete from stg_line l using (select s." + key.replace(", ", ", s.")
						+ ", max(s.seq) as last from stg_line s join stg_suspect x using (order_no) " + "group by s."
						+ key.replace(", ", ", s.") + " having count(*) > 1) twice where "
						+ (lineGranularity ? "l.line_key = twice.line_key and " : "")
						+ "l.order_no = twice.order_no and l.seq <> twice.last")
				.update();
		}
		String columns = "order_no, account_key, status, platform_status, created_at, paid_at, completed_at, freight, "
				+ "discount, shop_key, shop_name, creator_id, creator_name, traffic_source, channel, province, "
				+ "city, district, receiver";
		if (lineGranularity) {
			this.jdbc.sql("create temp table stg_order on commit drop as select f." + columns.replace(", ", ", f.")
					+ ", g.amount, " + refundOfLines(amountPerLine)
					+ " as refund, g.quantity, g.item_count, g.content_hash from (select order_no, "
					+ "(array_agg(seq order by " + STATUS_RANK + ", seq))[1] as first, "
					+ (amountPerLine ? "sum(amount)" : "max(amount)") + " as amount, "
					+ "sum(coalesce(refund, 0)) as line_refunds, max(refund) as order_refund, "
					+ "coalesce(sum(amount) filter (where status = 'closed'), 0) as closed_amount, "
					+ "sum(coalesce(quantity, 1)) as quantity, count(*) as item_count, "
					+ "decode(md5(string_agg(encode(line_hash, 'hex'), '' order by line_hash)), 'hex') as content_hash "
					+ "from stg_line group by order_no) g " + "join stg_line f on f.seq = g.first")
				.update();
		}
		else {
			// one row per order: the staged lines are the orders; a view spares copying
			// them
			this.jdbc.sql("create temp view stg_order as select " + columns
					+ ", amount, refund, coalesce(quantity, 0) as quantity, 0 as item_count, line_hash as content_hash "
					+ "from stg_line")
				.update();
			this.orderView = true;
		}
		if (!this.orderView) {
			this.jdbc.sql("analyze stg_order (order_no, account_key, shop_key)").update();
		}
		this.jdbc.sql("""
				create temp table account_stage on commit drop as
				select distinct account_key from stg_order where account_key is not null""").update();
		this.jdbc.sql("create temp table identity_stage on commit drop as "
				+ "select account_key, kind, value_hash, any_value(value_enc) as value_enc, any_value(masked) as masked, "
				+ "bool_or(strong) as strong from (" + tables.identifierRows()
				+ ") as seen (account_key, kind, value_hash, value_enc, masked, strong) "
				+ "group by account_key, kind, value_hash")
			.update();
		this.jdbc.sql("analyze account_stage, identity_stage (account_key, kind, value_hash)").update();
		return repeated;
	}

	/**
	 * The order's status is its most advanced line's: a sub-order shipped or completed
	 * makes the order live even when another of its sub-orders was closed.
	 */
	private static final String STATUS_RANK = "case status when 'completed' then 0 when 'shipped' then 1 "
			+ "when 'paid' then 2 when 'pending' then 3 when 'other' then 4 when 'refunded' then 5 else 6 end";

	/**
	 * The refund of an order grouped from lines. With amounts per line, refunds are per
	 * line too, and a line closed inside a paid order (a sub-order cancelled or returned
	 * after payment) gave its amount back; with the order amount repeated on each line,
	 * so is the refund.
	 */
	private static String refundOfLines(boolean amountPerLine) {
		if (!amountPerLine) {
			return "g.order_refund";
		}
		return "g.line_refunds + case when f.status in ('paid', 'shipped', 'completed') then g.closed_amount else 0 end";
	}

	/**
	 * Inserts new orders, updates changed ones in place (their old values go to
	 * order_change first) and leaves the rest alone; returns inserted and updated counts.
	 * With {@code recordMerged} the merged orders are listed in merged_order (for items
	 * and per-order outcomes).
	 */
	long[] mergeOrders(boolean withItems, boolean itemFile, boolean recordMerged) {
		this.jdbc.sql("""
				insert into shop (tenant_id, platform, shop_key, name)
				select ?, ?, shop_key, any_value(shop_name) from stg_order where shop_key is not null
				group by shop_key
				on conflict (tenant_id, platform, shop_key) do nothing""").params(this.tenant, this.platform).update();
		if (withItems) {
			mergeProducts("stg_line");
		}
		long known = this.jdbc.sql("""
				create temp table known_order on commit drop as
				select s.order_no, o.id, o.content_hash <> s.content_hash as changed
				from stg_order s join orders o on o.tenant_id = ? and o.platform = ? and o.order_no = s.order_no""")
			.params(this.tenant, this.platform)
			.update();
		if (recordMerged) {
			this.jdbc
				.sql("create temp table if not exists merged_order (id bigint, order_no text, inserted boolean) "
						+ "on commit drop")
				.update();
		}
		long updated = (known > 0) ? updateChanged(recordMerged) : 0;
		long inserted = this.jdbc.sql("""
				%s
				  insert into orders (tenant_id, platform, order_no, account_id, shop_id, status, platform_status,
				         created_at, paid_at, completed_at, amount, freight, discount, refund, item_count, quantity,
				         creator_id, creator_name, traffic_source, channel, province, city, district, receiver,
				         content_hash, items_hash, first_import_id, last_import_id)
				  select ?, ?, s.order_no, a.id, sh.id, s.status, s.platform_status, s.created_at, s.paid_at,
				         s.completed_at, s.amount, s.freight, s.discount, coalesce(s.refund, 0), %s, s.quantity,
				         s.creator_id, s.creator_name, s.traffic_source, s.channel, s.province, s.city, s.district,
				         s.receiver, s.content_hash, %s, ?, ?
				  from stg_order s
				  left join account a on a.tenant_id = ? and a.platform = ? and a.account_key = s.account_key
				  left join shop sh on sh.tenant_id = ? and sh.platform = ? and sh.shop_key = s.shop_key %s
				  %s
				%s""".formatted(recordMerged ? "with added as (" : "",
				itemFile ? "coalesce(ia.item_count, s.item_count)" : "s.item_count",
				itemFile ? "ia.items_hash" : "null",
				itemFile ? "left join item_agg ia on ia.order_no = s.order_no" : "",
				// with no order known before, the anti-join would only cost time
				(known > 0) ? "where not exists (select 1 from known_order k where k.order_no = s.order_no)" : "",
				recordMerged ? "returning id, order_no) insert into merged_order select id, order_no, true from added"
						: ""))
			.params(this.tenant, this.platform, this.importId, this.importId, this.scope, this.platform, this.tenant,
					this.platform)
			.update();
		if (recordMerged) {
			this.jdbc.sql("analyze merged_order").update();
		}
		if (withItems) {
			this.jdbc.sql("""
					delete from order_item i using merged_order m where i.order_id = m.id and not m.inserted""")
				.update();
			this.jdbc
				.sql("""
						insert into order_item (order_id, tenant_id, line_no, line_ref, sku, product_id, title, spec, category,
						                        quantity, unit_price, amount)
						select m.id, ?, row_number() over (partition by m.id order by l.line_key), l.line_key, l.sku, p.id,
						       l.title, l.spec, l.category, coalesce(l.quantity, 1), l.unit_price,
						       coalesce(l.line_amount, l.unit_price * coalesce(l.quantity, 1))
						from stg_line l join merged_order m on m.order_no = l.order_no
						left join product p on p.tenant_id = ? and p.platform = ? and p.sku = l.sku""")
				.params(this.tenant, this.tenant, this.platform)
				.update();
		}
		if (this.orderView) {
			this.jdbc.sql("drop view stg_order").update();
		}
		return new long[] { inserted, updated };
	}

	/**
	 * Updates the orders known before whose content changed, after writing their old
	 * values to order_change; returns how many.
	 */
	private long updateChanged(boolean recordMerged) {
		this.jdbc.sql("analyze known_order").update();
		this.jdbc
			.sql("""
					insert into order_change (tenant_id, order_id, import_id, old_status, new_status, old_amount, new_amount,
					                          old_refund, new_refund)
					select o.tenant_id, o.id, ?, o.status, s.status, o.amount, s.amount, o.refund, coalesce(s.refund, 0)
					from known_order k join orders o on o.id = k.id join stg_order s on s.order_no = k.order_no
					where k.changed""")
			.param(this.importId)
			.update();
		return this.jdbc.sql("""
				%s
				  update orders o set account_id = a.id, shop_id = sh.id, status = s.status,
				         platform_status = s.platform_status, created_at = s.created_at, paid_at = s.paid_at,
				         completed_at = s.completed_at, amount = s.amount, freight = s.freight, discount = s.discount,
				         refund = coalesce(s.refund, 0),
				         item_count = case when s.item_count > 0 then s.item_count else o.item_count end,
				         quantity = s.quantity, creator_id = s.creator_id, creator_name = s.creator_name,
				         traffic_source = s.traffic_source, channel = s.channel, province = s.province, city = s.city,
				         district = s.district, receiver = s.receiver, content_hash = s.content_hash,
				         last_import_id = ?, updated_at = now()
				  from known_order k join stg_order s on s.order_no = k.order_no
				  left join account a on a.tenant_id = ? and a.platform = ? and a.account_key = s.account_key
				  left join shop sh on sh.tenant_id = ? and sh.platform = ? and sh.shop_key = s.shop_key
				  where o.id = k.id and k.changed
				%s""".formatted(recordMerged ? "with changed as (" : "", recordMerged
				? "returning o.id, o.order_no) insert into merged_order select id, order_no, false from changed" : ""))
			.params(this.importId, this.scope, this.platform, this.tenant, this.platform)
			.update();
	}

	/**
	 * Reads the lines of a separate item file (Taobao's ExportOrderDetailList) into one
	 * row per order with its items' hash, so orders inserted by the same import are
	 * written with their items in place, not updated afterwards. Returns how many item
	 * rows a later one of the same line replaced.
	 */
	long stageItems() {
		long kept = this.jdbc.sql("""
				create temp table stg_i on commit drop as
				select distinct on (order_no, line_key) * from stg_item
				order by order_no, line_key, file_no desc, row_no desc""").update();
		this.jdbc.sql("""
				create temp table item_agg on commit drop as
				select order_no, count(*) as item_count,
				       decode(md5(string_agg(encode(line_hash, 'hex'), '' order by line_hash)), 'hex') as items_hash
				from stg_i group by order_no""").update();
		this.jdbc.sql("analyze stg_i, item_agg").update();
		this.jdbc.sql("create temp table merged_order (id bigint, order_no text, inserted boolean) on commit drop")
			.update();
		return this.jdbc.sql("select count(*) from stg_item").query(Long.class).single() - kept;
	}

	/**
	 * Writes the items of a separate item file: for orders this import inserted, and for
	 * orders imported before whose items changed. Items of unknown orders are rejected
	 * into the error report, named by the label of their file.
	 */
	long mergeItems(ErrorReport errors, IntFunction<String> fileLabels) {
		for (Object[] unknown : itemsOfUnknownOrders()) {
			errors.reject(fileLabels.apply((Integer) unknown[0]), (Long) unknown[1], "订单编号", (String) unknown[2],
					"order " + unknown[2]
							+ " is not known: import the order file (ExportOrderList) with or before its item file");
		}
		mergeProducts("stg_i");
		this.jdbc.sql("""
				create temp table item_order on commit drop as
				select o.id, a.order_no, o.items_hash is distinct from a.items_hash as changed,
				       coalesce(m.inserted, false) as inserted, a.items_hash, a.item_count
				from item_agg a join orders o on o.tenant_id = ? and o.platform = ? and o.order_no = a.order_no
				left join merged_order m on m.id = o.id""").params(this.tenant, this.platform).update();
		this.jdbc.sql("analyze item_order").update();
		this.jdbc.sql("""
				delete from order_item it using item_order io
				where it.order_id = io.id and io.changed and not io.inserted""").update();
		long written = this.jdbc.sql("""
				insert into order_item (order_id, tenant_id, line_no, line_ref, sku, product_id, title, spec, quantity,
				                        unit_price, amount)
				select io.id, ?, row_number() over (partition by io.id order by i.line_key), i.line_key, i.sku, p.id,
				       i.title, i.spec, i.quantity, i.unit_price, coalesce(i.line_amount, i.unit_price * i.quantity)
				from stg_i i join item_order io on io.order_no = i.order_no
				left join product p on p.tenant_id = ? and p.platform = ? and p.sku = i.sku
				where io.changed or io.inserted""").params(this.tenant, this.tenant, this.platform).update();
		this.jdbc.sql("""
				update orders o set items_hash = io.items_hash, item_count = io.item_count, updated_at = now()
				from item_order io where o.id = io.id and io.changed""").update();
		return written;
	}

	/** Staged item rows whose order is unknown: (file_no, row_no, order_no). */
	private List<Object[]> itemsOfUnknownOrders() {
		return this.jdbc
			.sql("""
					select i.file_no, i.row_no, i.order_no from stg_item i
					where not exists (select 1 from orders o where o.tenant_id = ? and o.platform = ? and o.order_no = i.order_no)
					order by i.file_no, i.row_no""")
			.params(this.tenant, this.platform)
			.query((rs, row) -> new Object[] { rs.getInt(1), rs.getLong(2), rs.getString(3) })
			.list();
	}

	private void mergeProducts(String lines) {
		this.jdbc.sql("insert into product (tenant_id, platform, sku, title, category) "
				+ "select ?, ?, sku, min(title), min(category) from " + lines + " where sku is not null group by sku "
				+ "on conflict (tenant_id, platform, sku) do update set title = coalesce(excluded.title, product.title), "
				+ "category = coalesce(excluded.category, product.category) "
				+ "where product.title is distinct from excluded.title or product.category is distinct from excluded.category")
			.params(this.tenant, this.platform)
			.update();
	}

}
