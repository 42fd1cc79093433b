package dev.siyu.ingest;

import java.io.IOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * Orders pushed through the API as JSON, read as rows of the same canonical columns a
 * mapping file names, so they take the import's one path: the same checks, staging and
 * merge.
 */
final class OrderBatch implements Rows {

	static final int MAX_ORDERS = 10_000;

	private static final Pattern PLATFORM = Pattern.compile("[a-z][a-z0-9_]{0,31}");

	private static final List<OrderField> ORDER_FIELDS = List.of(OrderField.ORDER_ID, OrderField.BUYER_ID,
			OrderField.CREATED_AT, OrderField.PAID_AT, OrderField.COMPLETED_AT, OrderField.STATUS, OrderField.AMOUNT,
			OrderField.FREIGHT, OrderField.DISCOUNT, OrderField.REFUND, OrderField.SHOP_ID, OrderField.SHOP_NAME,
			OrderField.CREATOR_ID, OrderField.CREATOR_NAME, OrderField.TRAFFIC_SOURCE, OrderField.CHANNEL,
			OrderField.RECEIVER_NAME, OrderField.RECEIVER_PHONE, OrderField.ADDRESS, OrderField.PROVINCE,
			OrderField.CITY, OrderField.DISTRICT, OrderField.ADDRESS_DETAIL);

	private static final List<OrderField> ITEM_FIELDS = List.of(OrderField.LINE_ID, OrderField.SKU,
			OrderField.PRODUCT_ID, OrderField.TITLE, OrderField.SPEC, OrderField.CATEGORY, OrderField.QUANTITY,
			OrderField.UNIT_PRICE, OrderField.LINE_AMOUNT);

	private static final List<String> IDENTIFIER_KINDS = List.of("phone", "email", "unionid", "openid", "ouid", "omid",
			"douyin_openid", "jd_pin", "member_no", "gender", "birth_date");

	private final List<String> header = new ArrayList<>();

	private final List<String[]> lines = new ArrayList<>();

	private final List<Long> lineOrder = new ArrayList<>();

	private final List<String> orderIds = new ArrayList<>();

	private final Mapping mapping;

	private int position = -1;

	private OrderBatch(String platform) {
		Map<OrderField, List<String>> columns = new EnumMap<>(OrderField.class);
		for (OrderField field : ORDER_FIELDS) {
			columns.put(field, List.of(field.key()));
			this.header.add(field.key());
		}
		for (OrderField field : ITEM_FIELDS) {
			columns.put(field, List.of(field.key()));
			this.header.add(field.key());
		}
		List<Mapping.IdentifierColumn> identifiers = new ArrayList<>();
		for (String kind : IDENTIFIER_KINDS) {
			identifiers.add(new Mapping.IdentifierColumn(kind, List.of("identifiers." + kind)));
			this.header.add("identifiers." + kind);
		}
		this.mapping = new Mapping("api", platform, Mapping.Granularity.LINE, List.of(), ZoneId.of("Asia/Shanghai"),
				columns, identifiers, Map.of(), false);
	}

	/**
	 * Reads {"platform": "...", "orders": [...]}; a malformed request fails whole with
	 * the reason.
	 */
	static OrderBatch of(JsonNode body) {
		if (body == null || !body.isObject()) {
			throw new IllegalArgumentException("expected a JSON object {\"platform\": \"mall\", \"orders\": [...]}");
		}
		String platform = body.path("platform").asString("");
		if (!PLATFORM.matcher(platform).matches()) {
			throw new IllegalArgumentException(
					"platform: '" + platform + "' must be lower-case letters, digits or '_' (e.g. mall, taobao, pos)");
		}
		JsonNode orders = body.get("orders");
		if (orders == null || !orders.isArray()) {
			throw new IllegalArgumentException("orders: expected a list of orders");
		}
		if (orders.size() > MAX_ORDERS) {
			throw new IllegalArgumentException(
					"orders: " + orders.size() + " orders in one batch; at most " + MAX_ORDERS);
		}
		OrderBatch batch = new OrderBatch(platform);
		long index = 0;
		for (JsonNode order : orders) {
			batch.add(++index, order);
		}
		return batch;
	}

	Mapping mapping() {
		return this.mapping;
	}

	/**
	 * What happened to each order, in the order they were sent: rejected (with why),
	 * imported, updated, or unchanged.
	 */
	List<Map<String, Object>> outcomes(Map<String, Boolean> merged, List<ErrorReport.Rejection> rejections) {
		Map<Long, List<Map<String, String>>> errorsByPosition = new HashMap<>();
		for (ErrorReport.Rejection rejection : rejections) {
			errorsByPosition.computeIfAbsent(rejection.row(), row -> new ArrayList<>())
				.add(Map.of("field", rejection.column(), "reason", rejection.reason()));
		}
		List<Map<String, Object>> outcomes = new ArrayList<>();
		for (int i = 0; i < this.orderIds.size(); i++) {
			long position = i + 1;
			String orderId = this.orderIds.get(i);
			List<Map<String, String>> errors = errorsByPosition.getOrDefault(position, List.of());
			String result;
			if (!errors.isEmpty()) {
				result = "rejected";
			}
			else if (merged.containsKey(orderId)) {
				result = merged.get(orderId) ? "imported" : "updated";
			}
			else {
				result = "unchanged";
			}
			outcomes.add(Outcome.json(new Outcome(position, orderId, result, errors)));
		}
		return outcomes;
	}

	private void add(long index, JsonNode order) {
		String[] base = new String[this.header.size()];
		Arrays.fill(base, "");
		this.orderIds.add(order.isObject() ? order.path("order_id").asString("") : "");
		if (order.isObject()) {
			for (int i = 0; i < ORDER_FIELDS.size(); i++) {
				base[i] = text(order.get(ORDER_FIELDS.get(i).key()));
			}
			JsonNode receiver = order.get("receiver");
			if (receiver != null && receiver.isObject()) {
				base[ORDER_FIELDS.indexOf(OrderField.RECEIVER_NAME)] = text(receiver.get("name"));
				base[ORDER_FIELDS.indexOf(OrderField.RECEIVER_PHONE)] = text(receiver.get("phone"));
				base[ORDER_FIELDS.indexOf(OrderField.ADDRESS)] = text(receiver.get("address"));
			}
			JsonNode identifiers = order.get("identifiers");
			int firstIdentifier = ORDER_FIELDS.size() + ITEM_FIELDS.size();
			if (identifiers != null && identifiers.isObject()) {
				for (int k = 0; k < IDENTIFIER_KINDS.size(); k++) {
					base[firstIdentifier + k] = text(identifiers.get(IDENTIFIER_KINDS.get(k)));
				}
			}
		}
		JsonNode items = order.get("items");
		if (items == null || !items.isArray() || items.isEmpty()) {
			this.lines.add(base);
			this.lineOrder.add(index);
			return;
		}
		for (JsonNode item : items) {
			String[] line = base.clone();
			for (int i = 0; i < ITEM_FIELDS.size(); i++) {
				line[ORDER_FIELDS.size() + i] = text(item.get(ITEM_FIELDS.get(i).key()));
			}
			this.lines.add(line);
			this.lineOrder.add(index);
		}
	}

	private static String text(JsonNode node) {
		if (node == null || node.isNull() || node.isContainer()) {
			return "";
		}
		return node.isNumber() ? node.decimalValue().toPlainString() : node.asString("");
	}

	@Override
	public List<String> header() {
		return this.header;
	}

	@Override
	public boolean next() {
		return ++this.position < this.lines.size();
	}

	@Override
	public String cell(int index) {
		String[] line = this.lines.get(this.position);
		return (index < line.length) ? line[index] : "";
	}

	/** The position of the current line's order in the batch, from 1. */
	@Override
	public long rowNumber() {
		return this.lineOrder.get(this.position);
	}

	@Override
	public double progress() {
		return this.lines.isEmpty() ? 1.0 : (double) Math.max(0, this.position) / this.lines.size();
	}

	@Override
	public void close() throws IOException {
	}

	/** The per-order outcome the API answers with. */
	record Outcome(long position, String orderId, String result, List<Map<String, String>> errors) {

		static Map<String, Object> json(Outcome outcome) {
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("position", outcome.position());
			json.put("order_id", outcome.orderId());
			json.put("result", outcome.result());
			if (!outcome.errors().isEmpty()) {
				json.put("errors", outcome.errors());
			}
			return json;
		}

	}

}
