package dev.siyu.audience;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.siyu.audience.Expression.And;
import dev.siyu.audience.Expression.BoughtOn;
import dev.siyu.audience.Expression.Compare;
import dev.siyu.audience.Expression.DaysSinceLastOrder;
import dev.siyu.audience.Expression.FilterKind;
import dev.siyu.audience.Expression.HasTag;
import dev.siyu.audience.Expression.Not;
import dev.siyu.audience.Expression.OneOf;
import dev.siyu.audience.Expression.Or;
import dev.siyu.audience.Expression.OrderFilter;
import dev.siyu.audience.Expression.OrderMetric;
import dev.siyu.audience.Expression.Orders;
import dev.siyu.audience.Expression.Reachable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON tree form of an expression, equivalent to the text: {"and": [...]}, {"or":
 * [...]}, {"not": {...}}, {"tag": "name"}, {"reach": "wecom_friend"}, {"attribute":
 * "city", "in": ["杭州"]}, {"attribute": "clv", "op": ">=", "value": 1000}, {"platform":
 * ["tmall"]}, {"orders": "count", "last": 90, "sku": "A1", "op": ">=", "value": 2},
 * {"orders": "days_since_last", "op": ">=", "value": 30}. Errors name the JSON path.
 */
final class JsonTree {

	private static final JsonNodeFactory nodes = JsonNodeFactory.instance;

	private JsonTree() {
	}

	static JsonNode write(Expression expression) {
		return expression.accept(new Writer());
	}

	private static final class Writer implements Expression.Visitor<JsonNode> {

		@Override
		public JsonNode and(And and) {
			ObjectNode node = nodes.objectNode();
			parts(node.putArray("and"), and.parts());
			return node;
		}

		@Override
		public JsonNode or(Or or) {
			ObjectNode node = nodes.objectNode();
			parts(node.putArray("or"), or.parts());
			return node;
		}

		@Override
		public JsonNode not(Not not) {
			ObjectNode node = nodes.objectNode();
			node.set("not", write(not.part()));
			return node;
		}

		@Override
		public JsonNode tag(HasTag tag) {
			return nodes.objectNode().put("tag", tag.name());
		}

		@Override
		public JsonNode reach(Reachable reachable) {
			return nodes.objectNode().put("reach", reachable.reach().word());
		}

		@Override
		public JsonNode oneOf(OneOf oneOf) {
			ObjectNode node = nodes.objectNode().put("attribute", oneOf.attribute().word());
			oneOf.values().forEach(node.putArray("in")::add);
			return node;
		}

		@Override
		public JsonNode compare(Compare compare) {
			return nodes.objectNode()
				.put("attribute", compare.attribute().word())
				.put("op", compare.op().symbol())
				.put("value", compare.value());
		}

		@Override
		public JsonNode boughtOn(BoughtOn on) {
			ObjectNode node = nodes.objectNode();
			on.platforms().forEach(node.putArray("platform")::add);
			return node;
		}

		@Override
		public JsonNode orders(Orders orders) {
			ObjectNode node = nodes.objectNode().put("orders", orders.metric().word());
			if (orders.days() != null) {
				node.put("last", orders.days());
			}
			if (orders.filter() != null) {
				node.put(orders.filter().kind().word(), orders.filter().value());
			}
			return node.put("op", orders.op().symbol()).put("value", orders.value());
		}

		@Override
		public JsonNode daysSinceLastOrder(DaysSinceLastOrder days) {
			return nodes.objectNode()
				.put("orders", "days_since_last")
				.put("op", days.op().symbol())
				.put("value", days.days());
		}

	}

	private static void parts(ArrayNode array, List<Expression> parts) {
		parts.forEach(part -> array.add(write(part)));
	}

	static Expression read(JsonNode node) {
		return read(node, "$");
	}

	private static Expression read(JsonNode node, String path) {
		if (node == null || !node.isObject()) {
			throw new AudienceSyntaxException("at " + path, "expected an object such as {\"tag\": \"name\"}");
		}
		try {
			if (node.has("and") || node.has("or")) {
				String key = node.has("and") ? "and" : "or";
				only(node, path, Set.of(key));
				JsonNode array = node.get(key);
				if (!array.isArray() || array.isEmpty()) {
					throw new AudienceSyntaxException("at " + path + "." + key,
							"expected a non-empty array of conditions");
				}
				List<Expression> parts = new ArrayList<>();
				for (int i = 0; i < array.size(); i++) {
					parts.add(read(array.get(i), path + "." + key + "[" + i + "]"));
				}
				return (parts.size() == 1) ? parts.get(0) : key.equals("and") ? new And(parts) : new Or(parts);
			}
			if (node.has("not")) {
				only(node, path, Set.of("not"));
				return new Not(read(node.get("not"), path + ".not"));
			}
			if (node.has("tag")) {
				only(node, path, Set.of("tag"));
				return new HasTag(text(node, "tag"));
			}
			if (node.has("reach")) {
				only(node, path, Set.of("reach"));
				Reach reach = Reach.ofWord(text(node, "reach"));
				if (reach == null) {
					throw new IllegalArgumentException("reach is one of wecom_friend, in_group, official_account, "
							+ "sms_consent, opted_out, not '" + text(node, "reach") + "'");
				}
				return new Reachable(reach);
			}
			if (node.has("attribute")) {
				return attribute(node, path);
			}
			if (node.has("orders")) {
				return orders(node, path);
			}
			if (node.has("platform")) {
				only(node, path, Set.of("platform"));
				return new BoughtOn(texts(node, "platform"));
			}
		}
		catch (AudienceSyntaxException ex) {
			throw ex;
		}
		catch (IllegalArgumentException ex) {
			throw new AudienceSyntaxException("at " + path, ex.getMessage());
		}
		throw new AudienceSyntaxException("at " + path, "expected one of the keys and, or, not, tag, reach, platform, "
				+ "attribute, orders; found " + node.propertyNames());
	}

	private static Expression attribute(JsonNode node, String path) {
		Attribute attribute = Attribute.ofWord(text(node, "attribute"));
		if (attribute == null) {
			throw new IllegalArgumentException("unknown attribute '" + text(node, "attribute") + "'");
		}
		if (node.has("in")) {
			only(node, path, Set.of("attribute", "in"));
			return Leaves.oneOf(attribute, texts(node, "in"));
		}
		only(node, path, Set.of("attribute", "op", "value"));
		return Leaves.compare(attribute, op(node), number(node));
	}

	private static Expression orders(JsonNode node, String path) {
		String metric = text(node, "orders");
		if (metric.equals("days_since_last")) {
			only(node, path, Set.of("orders", "op", "value"));
			return Leaves.daysSinceLastOrder(op(node), number(node));
		}
		if (!metric.equals("count") && !metric.equals("amount")) {
			throw new IllegalArgumentException("orders is count, amount or days_since_last, not '" + metric + "'");
		}
		only(node, path, Set.of("orders", "last", "sku", "category", "platform", "op", "value"));
		Integer days = null;
		if (node.has("last")) {
			if (!node.get("last").isIntegralNumber()) {
				throw new IllegalArgumentException("last is a whole number of days");
			}
			days = node.get("last").asInt();
		}
		OrderFilter filter = null;
		for (FilterKind kind : FilterKind.values()) {
			if (node.has(kind.word())) {
				if (filter != null) {
					throw new IllegalArgumentException("an order aggregate takes one of sku, category, platform");
				}
				filter = new OrderFilter(kind, text(node, kind.word()));
			}
		}
		OrderMetric orderMetric = metric.equals("count") ? OrderMetric.COUNT : OrderMetric.AMOUNT;
		return Leaves.orders(orderMetric, days, filter, op(node), number(node));
	}

	private static void only(JsonNode node, String path, Set<String> keys) {
		for (String key : node.propertyNames()) {
			if (!keys.contains(key)) {
				throw new AudienceSyntaxException("at " + path + "." + key, "unexpected key; expected only " + keys);
			}
		}
	}

	private static Comparison op(JsonNode node) {
		Comparison op = Comparison.ofSymbol(text(node, "op"));
		if (op == null) {
			throw new IllegalArgumentException("op is one of >=, >, =, <, <=, not '" + text(node, "op") + "'");
		}
		return op;
	}

	private static BigDecimal number(JsonNode node) {
		JsonNode value = node.get("value");
		if (value == null || !value.isNumber()) {
			throw new IllegalArgumentException("value must be a number");
		}
		return value.decimalValue();
	}

	private static String text(JsonNode node, String key) {
		JsonNode value = node.get(key);
		if (value == null || !value.isString()) {
			throw new IllegalArgumentException(key + " must be a string");
		}
		return value.asString();
	}

	private static List<String> texts(JsonNode node, String key) {
		JsonNode value = node.get(key);
		List<String> texts = new ArrayList<>();
		if (value == null || !value.isArray() || value.isEmpty()) {
			throw new IllegalArgumentException(key + " must be a non-empty array of strings");
		}
		for (JsonNode item : value) {
			if (!item.isString()) {
				throw new IllegalArgumentException(key + " must be a non-empty array of strings");
			}
			texts.add(item.asString());
		}
		return texts;
	}

}
