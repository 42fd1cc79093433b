package dev.siyu.wecom;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.siyu.shared.TenantId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which guide serves a customer: rules tried in priority order. {@code existing} keeps
 * the guide who already has the customer as a friend; {@code store} picks a guide of the
 * customer's store, in turn; {@code round_robin} takes the rule's guides in turn.
 */
@Service
public class Assignment {

	private final JdbcClient jdbc;

	Assignment(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public record Rule(int priority, String kind, String store, List<String> userIds) {
	}

	@Transactional
	public void replaceRules(TenantId tenant, List<Rule> rules) {
		for (Rule rule : rules) {
			if (!List.of("existing", "store", "round_robin").contains(rule.kind())) {
				throw new IllegalArgumentException(
						"rule kind must be existing, store or round_robin, got '" + rule.kind() + "'");
			}
			if (rule.kind().equals("round_robin") && (rule.userIds() == null || rule.userIds().isEmpty())) {
				throw new IllegalArgumentException("a round_robin rule needs userIds");
			}
		}
		this.jdbc.sql("delete from wecom_assignment_rule where tenant_id = ?").param(tenant.value()).update();
		for (Rule rule : rules) {
			this.jdbc
				.sql("""
						insert into wecom_assignment_rule (tenant_id, priority, kind, store, userids) values (?, ?, ?, ?, ?)""")
				.params(tenant.value(), rule.priority(), rule.kind(), rule.store(),
						(rule.userIds() != null) ? rule.userIds().toArray(String[]::new) : new String[0])
				.update();
		}
	}

	/** The tenant's rules in the order they are tried. */
	public List<Rule> rules(TenantId tenant) {
		return this.jdbc
			.sql("""
					select priority, kind, store, userids from wecom_assignment_rule where tenant_id = ? order by priority, id""")
			.param(tenant.value())
			.query((rs, n) -> new Rule(rs.getInt(1), rs.getString(2), rs.getString(3),
					List.of((String[]) rs.getArray(4).getArray())))
			.list();
	}

	/**
	 * The guide for a customer (an external user id, or none for a new one) of a store
	 * (or none).
	 */
	@Transactional
	public Map<String, Object> assign(TenantId tenant, String externalUserId, String store) {
		List<Object[]> rules = this.jdbc.sql("""
				select id, kind, store, userids from wecom_assignment_rule where tenant_id = ? order by priority, id""")
			.param(tenant.value())
			.query((rs,
					n) -> new Object[] { rs.getLong(1), rs.getString(2), rs.getString(3),
							(String[]) rs.getArray(4).getArray() })
			.list();
		for (Object[] rule : rules) {
			Optional<String> guide = switch ((String) rule[1]) {
				case "existing" -> existing(tenant, externalUserId);
				case "store" -> (store != null && (rule[2] == null || rule[2].equals(store)))
						? inTurn((long) rule[0], staffOfStore(tenant, store)) : Optional.empty();
				default -> inTurn((long) rule[0], List.of((String[]) rule[3]));
			};
			if (guide.isPresent()) {
				Map<String, Object> out = new LinkedHashMap<>();
				out.put("userId", guide.get());
				out.put("rule", rule[1]);
				return out;
			}
		}
		throw new IllegalArgumentException(
				"no assignment rule gives a guide for this customer: add a round_robin rule");
	}

	private Optional<String> existing(TenantId tenant, String externalUserId) {
		if (externalUserId == null) {
			return Optional.empty();
		}
		return this.jdbc.sql("""
				select userid from wecom_follow where tenant_id = ? and external_userid = ? and deleted_at is null
				order by added_at limit 1""").params(tenant.value(), externalUserId).query(String.class).optional();
	}

	private List<String> staffOfStore(TenantId tenant, String store) {
		return this.jdbc.sql("""
				select userid from wecom_staff where tenant_id = ? and store = ? and left_at is null order by userid""")
			.params(tenant.value(), store)
			.query(String.class)
			.list();
	}

	private Optional<String> inTurn(long ruleId, List<String> guides) {
		if (guides.isEmpty()) {
			return Optional.empty();
		}
		long turn = this.jdbc.sql("update wecom_assignment_rule set turn = turn + 1 where id = ? returning turn - 1")
			.param(ruleId)
			.query(Long.class)
			.single();
		return Optional.of(guides.get((int) (turn % guides.size())));
	}

}
