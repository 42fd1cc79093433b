package dev.siyu.audience;

import dev.siyu.shared.TenantId;
import dev.siyu.tenant.Tenants;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Component;

/**
 * What the API's audience requests share: the scope of the caller's tenant, the
 * expression of a body.
 */
@Component
class AudienceRequests {

	private final Tenants tenants;

	AudienceRequests(Tenants tenants) {
		this.tenants = tenants;
	}

	long scope(TenantId tenant) {
		return this.tenants.byId(tenant).orElseThrow().identityScope().value();
	}

	/**
	 * The expression as text ("expression") or as a JSON tree ("tree"); null when neither
	 * is given.
	 */
	static Expression expression(JsonNode body, boolean required) {
		JsonNode text = body.get("expression");
		JsonNode tree = body.get("tree");
		if (text != null && tree != null) {
			throw new IllegalArgumentException(
					"give the expression as text (expression) or as a tree (tree), not both");
		}
		if (text != null) {
			if (!text.isString()) {
				throw new IllegalArgumentException("expression must be a string; send a JSON tree as tree");
			}
			return Expressions.parse(text.asString());
		}
		if (tree != null) {
			return Expressions.fromJson(tree);
		}
		if (required) {
			throw new IllegalArgumentException("the body needs an expression (text) or a tree (JSON)");
		}
		return null;
	}

	static String actor(String header) {
		return (header != null && !header.isBlank()) ? "api:" + header.strip() : "api";
	}

}
