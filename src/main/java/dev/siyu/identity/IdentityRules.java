package dev.siyu.identity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dev.siyu.shared.TenantId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which strong identifier kinds link accounts deterministically in a tenant, and their
 * priority: the link evidence names the identifier of the highest priority that agreed.
 * Kinds a tenant did not configure follow the defaults (platform stable ids and unionid
 * first, then full phone, email, member number).
 */
@Service
public class IdentityRules {

	static final Map<String, Integer> DEFAULT_PRIORITY = defaults();

	/** The priority of a kind neither configured nor among the defaults. */
	static final int OTHER_PRIORITY = 50;

	private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9_]{0,39}");

	/** Priority of an identifier kind in SQL, for {@code i} an identifier row. */
	static final String PRIORITY_SQL = "coalesce((select r.priority from identity_rule r where r.tenant_id = i.tenant_id "
			+ "and r.kind = i.kind), case i.kind " + caseBranches() + " else " + OTHER_PRIORITY + " end)";

	/** Whether an identifier row {@code i} may link, as far as the tenant's rules go. */
	static final String LINKS_SQL = "not exists (select 1 from identity_rule r where r.tenant_id = i.tenant_id "
			+ "and r.kind = i.kind and not r.links)";

	private final JdbcClient jdbc;

	IdentityRules(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	private static Map<String, Integer> defaults() {
		Map<String, Integer> priority = new LinkedHashMap<>();
		for (String kind : List.of("ouid", "omid", "jd_pin", "douyin_openid", "unionid", "openid")) {
			priority.put(kind, 1);
		}
		priority.put("phone", 2);
		priority.put("email", 3);
		priority.put("member_no", 4);
		return priority;
	}

	private static String caseBranches() {
		StringBuilder sql = new StringBuilder();
		DEFAULT_PRIORITY.forEach(
				(kind, priority) -> sql.append("when '").append(kind).append("' then ").append(priority).append(' '));
		return sql.toString();
	}

	/**
	 * The effective rules of a tenant: configured ones and the defaults of the others.
	 */
	public List<Rule> of(TenantId tenant) {
		Map<String, Rule> rules = new LinkedHashMap<>();
		DEFAULT_PRIORITY.forEach((kind, priority) -> rules.put(kind, new Rule(kind, true, priority, false)));
		this.jdbc.sql("select kind, links, priority from identity_rule where tenant_id = ? order by priority, kind")
			.param(tenant.value())
			.query((rs, n) -> new Rule(rs.getString(1), rs.getBoolean(2), rs.getInt(3), true))
			.list()
			.forEach((rule) -> rules.put(rule.kind(), rule));
		List<Rule> sorted = new ArrayList<>(rules.values());
		sorted.sort((a, b) -> (a.priority() != b.priority()) ? Integer.compare(a.priority(), b.priority())
				: a.kind().compareTo(b.kind()));
		return sorted;
	}

	/**
	 * Replaces the configured rules of a tenant. Takes effect on the next linking of the
	 * accounts concerned; links already made stay until then.
	 */
	@Transactional
	public List<Rule> configure(TenantId tenant, List<Rule> rules) {
		for (int i = 0; i < rules.size(); i++) {
			Rule rule = rules.get(i);
			if (rule.kind() == null || !KIND.matcher(rule.kind()).matches()) {
				throw new IllegalArgumentException("rules[" + i + "].kind: '" + rule.kind()
						+ "' must be an identifier kind such as phone, unionid, ouid");
			}
			if (rule.priority() < 1 || rule.priority() > 99) {
				throw new IllegalArgumentException(
						"rules[" + i + "].priority must be between 1 and 99, got " + rule.priority());
			}
		}
		this.jdbc.sql("delete from identity_rule where tenant_id = ?").param(tenant.value()).update();
		for (Rule rule : rules) {
			this.jdbc.sql("insert into identity_rule (tenant_id, kind, links, priority) values (?, ?, ?, ?)")
				.params(tenant.value(), rule.kind(), rule.links(), rule.priority())
				.update();
		}
		return of(tenant);
	}

	/** One rule: whether the kind links, its priority, and whether the tenant set it. */
	public record Rule(String kind, boolean links, int priority, boolean configured) {
	}

}
