package dev.siyu.ingest;

/**
 * The temporary tables one import writes before merging. Order lines and the identifiers
 * seen on them share one table (rec 'L' or 'I') so that a file streams through a single
 * COPY.
 */
final class StagingTables {

	static final String LINE_COLUMNS = "rec, file_no, row_no, order_no, line_key, account_key, status, platform_status, "
			+ "created_at, paid_at, completed_at, amount, freight, discount, refund, sku, product_ref, title, spec, "
			+ "category, quantity, unit_price, line_amount, shop_key, shop_name, creator_id, creator_name, "
			+ "traffic_source, channel, province, city, district, receiver, line_hash, "
			+ "id_kind, id_hash, id_enc, id_masked, id_strong";

	static final String ITEM_COLUMNS = "file_no, row_no, order_no, line_key, sku, title, spec, quantity, unit_price, "
			+ "line_amount, line_hash";

	static final String CREATE = """
			create temp table stg_line (
			    rec char(1) not null, file_no int not null, row_no bigint not null, order_no text not null,
			    line_key text, account_key text, status text, platform_status text,
			    created_at timestamptz, paid_at timestamptz, completed_at timestamptz,
			    amount numeric, freight numeric, discount numeric, refund numeric,
			    sku text, product_ref text, title text, spec text, category text, quantity int,
			    unit_price numeric, line_amount numeric, shop_key text, shop_name text,
			    creator_id text, creator_name text, traffic_source text, channel text,
			    province text, city text, district text, receiver bytea, line_hash bytea,
			    id_kind text, id_hash bytea, id_enc bytea, id_masked text, id_strong boolean
			) on commit drop;
			create temp table stg_item (
			    file_no int not null, row_no bigint not null, order_no text not null, line_key text,
			    sku text, title text, spec text, quantity int, unit_price numeric, line_amount numeric,
			    line_hash bytea, category text
			) on commit drop;
			""";

	private StagingTables() {
	}

}
