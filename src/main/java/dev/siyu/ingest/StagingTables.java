package dev.siyu.ingest;

import java.util.StringJoiner;

/**
 * The temporary tables one import writes before merging. Each order line carries the
 * identifiers seen on it in numbered slots (kind, blind index, ciphertext, masked form,
 * strength), so a file streams through a single COPY.
 */
final class StagingTables {

	static final String ITEM_COLUMNS = "file_no, row_no, order_no, line_key, sku, title, spec, quantity, unit_price, "
			+ "line_amount, line_hash";

	private static final String LINE_COLUMNS = "seq, file_no, row_no, order_no, line_key, account_key, status, "
			+ "platform_status, created_at, paid_at, completed_at, amount, freight, discount, refund, sku, product_ref, "
			+ "title, spec, category, quantity, unit_price, line_amount, shop_key, shop_name, creator_id, creator_name, "
			+ "traffic_source, channel, province, city, district, receiver, line_hash";

	private final int identifierSlots;

	StagingTables(int identifierSlots) {
		this.identifierSlots = identifierSlots;
	}

	int identifierSlots() {
		return this.identifierSlots;
	}

	String lineColumns() {
		StringBuilder columns = new StringBuilder(LINE_COLUMNS);
		for (int slot = 1; slot <= this.identifierSlots; slot++) {
			columns.append(", id")
				.append(slot)
				.append("_kind, id")
				.append(slot)
				.append("_hash, id")
				.append(slot)
				.append("_enc, id")
				.append(slot)
				.append("_masked, id")
				.append(slot)
				.append("_strong");
		}
		return columns.toString();
	}

	String create() {
		StringBuilder slots = new StringBuilder();
		for (int slot = 1; slot <= this.identifierSlots; slot++) {
			slots.append(", id")
				.append(slot)
				.append("_kind text, id")
				.append(slot)
				.append("_hash bytea, id")
				.append(slot)
				.append("_enc bytea, id")
				.append(slot)
				.append("_masked text, id")
				.append(slot)
				.append("_strong boolean");
		}
		return """
				create temp table stg_line (
				    seq bigint not null, file_no int not null, row_no bigint not null, order_no text not null,
				    line_key text, account_key text, status text, platform_status text,
				    created_at timestamptz, paid_at timestamptz, completed_at timestamptz,
				    amount numeric, freight numeric, discount numeric, refund numeric,
				    sku text, product_ref text, title text, spec text, category text, quantity int,
				    unit_price numeric, line_amount numeric, shop_key text, shop_name text,
				    creator_id text, creator_name text, traffic_source text, channel text,
				    province text, city text, district text, receiver bytea, line_hash bytea%s
				) on commit drop;
				create temp table stg_item (
				    file_no int not null, row_no bigint not null, order_no text not null, line_key text,
				    sku text, title text, spec text, quantity int, unit_price numeric, line_amount numeric,
				    line_hash bytea, category text
				) on commit drop;
				create temp table stg_suspect (order_no text primary key) on commit drop;
				""".formatted(slots);
	}

	/**
	 * The identifiers of every slot as rows (account_key, kind, value_hash, value_enc,
	 * masked, strong).
	 */
	String identifierRows() {
		if (this.identifierSlots == 0) {
			return "select null::text as account_key, null::text as kind, null::bytea as value_hash, "
					+ "null::bytea as value_enc, null::text as masked, null::boolean as strong where false";
		}
		StringJoiner union = new StringJoiner(" union all ");
		for (int slot = 1; slot <= this.identifierSlots; slot++) {
			String id = "id" + slot;
			union.add("select account_key, " + id + "_kind, " + id + "_hash, " + id + "_enc, " + id + "_masked, " + id
					+ "_strong from stg_line where " + id + "_kind is not null");
		}
		return union.toString();
	}

}
