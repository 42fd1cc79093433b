package dev.siyu.tags;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tags on products and person-goods matching (人货匹配). A person's affinity to a category is
 * the number of their paid orders with an item of it, each weighted by how recent it is
 * (halving every 90 days). The best products for a person are the most bought SKUs of
 * their strongest categories, plus one point per product tag the person also carries; the
 * best people for a SKU are those with the strongest affinity to its category, plus one
 * point per shared tag. Every answer carries its reasons.
 */
@Service
public class ProductMatching {

	private static final String AFFINITY = """
			select a.person_id, i.category,
			       sum(power(0.5, extract(epoch from now() - coalesce(o.paid_at, o.created_at)) / 86400 / 90)) as affinity,
			       count(distinct o.id) as orders
			from orders o join account a on a.id = o.account_id join order_item i on i.order_id = o.id
			where a.tenant_id = :scope and o.status in ('paid', 'shipped', 'completed') and i.category is not null
			""";

	private final JdbcClient jdbc;

	private final TagCatalog catalog;

	ProductMatching(JdbcClient jdbc, TagCatalog catalog) {
		this.jdbc = jdbc;
		this.catalog = catalog;
	}

	@Transactional
	public void tagProduct(long scope, long tagId, String targetKind, String target) {
		if (!targetKind.equals("sku") && !targetKind.equals("category")) {
			throw new IllegalArgumentException("a product tag is on a sku or a category, not '" + targetKind + "'");
		}
		if (target == null || target.isBlank()) {
			throw new IllegalArgumentException("a product tag needs the " + targetKind + " it is on");
		}
		Tag tag = this.catalog.require(scope, tagId);
		if (tag.kind() != TagKind.PRODUCT) {
			throw new IllegalArgumentException(
					"tag '" + tag.name() + "' is a " + tag.kind().code() + " tag, not a product tag");
		}
		this.jdbc
			.sql("insert into product_tag (tag_id, tenant_id, target_kind, target) values (?, ?, ?, ?)"
					+ " on conflict do nothing")
			.params(tagId, scope, targetKind, target)
			.update();
	}

	/** A person's affinity per category, strongest first. */
	public List<Map<String, Object>> affinities(long scope, long personId) {
		return this.jdbc.sql(AFFINITY + " and a.person_id = :person group by a.person_id, i.category order by 3 desc")
			.param("scope", scope)
			.param("person", personId)
			.query((rs, n) -> row("category", rs.getString(2), "affinity", round(rs.getDouble(3)), "orders",
					rs.getLong(4)))
			.list();
	}

	/** The best SKUs for a person, with why. */
	public List<Map<String, Object>> productsFor(long scope, long personId, int limit) {
		return this.jdbc
			.sql("""
					with affinity as (%s and a.person_id = :person group by a.person_id, i.category),
					popular as (
					    select i.sku, i.category, count(distinct a.person_id) as buyers
					    from orders o join account a on a.id = o.account_id join order_item i on i.order_id = o.id
					    where a.tenant_id = :scope and o.status in ('paid', 'shipped', 'completed') and i.sku is not null
					      and coalesce(o.paid_at, o.created_at) > now() - interval '365 days'
					    group by i.sku, i.category),
					shared as (
					    select p.sku, array_agg(distinct t.name) as tags
					    from popular p join product_tag pt on pt.tenant_id = :scope
					      and ((pt.target_kind = 'sku' and pt.target = p.sku) or (pt.target_kind = 'category' and pt.target = p.category))
					    join person_tag mine on mine.tag_id = pt.tag_id and mine.person_id = :person
					    join tag t on t.id = pt.tag_id
					    group by p.sku)
					select p.sku, p.category, coalesce(af.affinity, 0) + coalesce(cardinality(s.tags), 0) as score,
					       af.affinity, p.buyers, s.tags
					from popular p left join affinity af on af.category = p.category left join shared s on s.sku = p.sku
					where af.affinity is not null or s.tags is not null
					order by score desc, p.buyers desc, p.sku limit :limit"""
				.formatted(AFFINITY))
			.param("scope", scope)
			.param("person", personId)
			.param("limit", limit)
			.query((rs, n) -> row("sku", rs.getString(1), "score", round(rs.getDouble(3)), "why",
					why(rs.getString(2), rs.getObject(4), rs.getLong(5), rs.getArray(6))))
			.list();
	}

	/** The best people for a SKU, with why. */
	public List<Map<String, Object>> personsFor(long scope, String sku, int limit) {
		String category = this.jdbc.sql("select min(category) from order_item where tenant_id = ? and sku = ?")
			.params(scope, sku)
			.query(String.class)
			.optional()
			.orElse(null);
		return this.jdbc
			.sql("""
					with affinity as (%s and i.category = :category group by a.person_id, i.category),
					shared as (
					    select mine.person_id, array_agg(distinct t.name) as tags
					    from product_tag pt join person_tag mine on mine.tag_id = pt.tag_id join tag t on t.id = pt.tag_id
					    where pt.tenant_id = :scope and ((pt.target_kind = 'sku' and pt.target = :sku)
					          or (pt.target_kind = 'category' and pt.target = :category))
					    group by mine.person_id),
					candidates as (select person_id from affinity union select person_id from shared)
					select c.person_id, coalesce(af.affinity, 0) + coalesce(cardinality(s.tags), 0) as score, af.affinity, s.tags
					from candidates c join person p on p.id = c.person_id and p.merged_into is null
					left join affinity af on af.person_id = c.person_id left join shared s on s.person_id = c.person_id
					order by score desc, c.person_id limit :limit"""
				.formatted(AFFINITY))
			.param("scope", scope)
			.param("sku", sku)
			.param("category", category)
			.param("limit", limit)
			.query((rs, n) -> row("personId", rs.getLong(1), "score", round(rs.getDouble(2)), "why",
					why(category, rs.getObject(3), -1, rs.getArray(4))))
			.list();
	}

	private static List<String> why(String category, Object affinity, long buyers, java.sql.Array tags)
			throws java.sql.SQLException {
		List<String> reasons = new java.util.ArrayList<>();
		if (affinity != null) {
			reasons.add("affinity " + round(((Number) affinity).doubleValue()) + " to category " + category
					+ " from recent purchases");
		}
		if (buyers >= 0) {
			reasons.add(buyers + " buyers in the last 365 days");
		}
		if (tags != null) {
			reasons.add("shares tags " + List.of((Object[]) tags.getArray()));
		}
		return reasons;
	}

	private static double round(double value) {
		return Math.round(value * 1000) / 1000.0;
	}

	private static Map<String, Object> row(Object... keysAndValues) {
		Map<String, Object> row = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			row.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return row;
	}

}
