package dev.siyu.identity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What forbids linking two persons (or clusters of persons being formed): different
 * values of a strong identifier that a person has only one of (full phone, unionid), and
 * the do-not-link memory of splits and rejected reviews.
 */
final class PersonConstraints {

	static final List<String> EXCLUSIVE_KINDS = List.of("phone", "unionid");

	private final Map<Long, Set<String>> identifiers;

	private final List<long[]> doNotLink;

	private final Map<Long, Long> representative = new HashMap<>();

	private PersonConstraints(Map<Long, Set<String>> identifiers, List<long[]> doNotLink) {
		this.identifiers = identifiers;
		this.doNotLink = doNotLink;
	}

	static PersonConstraints load(JdbcClient jdbc, long scope) {
		Map<Long, Set<String>> identifiers = new HashMap<>();
		jdbc.sql("""
				select a.person_id, i.kind, i.id from account_identifier ai join account a on a.id = ai.account_id
				join identifier i on i.id = ai.identifier_id
				where a.tenant_id = ? and a.person_id is not null and i.strong and i.kind = any(?)""")
			.params(scope, EXCLUSIVE_KINDS.toArray(String[]::new))
			.query((rs) -> {
				identifiers.computeIfAbsent(rs.getLong(1), (unused) -> new HashSet<>())
					.add(rs.getString(2) + ":" + rs.getLong(3));
			});
		List<long[]> doNotLink = new ArrayList<>();
		jdbc.sql("""
				select pa.person_id, pb.person_id from do_not_link d
				join account pa on pa.id = d.account_a join account pb on pb.id = d.account_b where d.tenant_id = ?""")
			.param(scope)
			.query((rs) -> {
				doNotLink.add(new long[] { rs.getLong(1), rs.getLong(2) });
			});
		return new PersonConstraints(identifiers, doNotLink);
	}

	/** Why the two persons (or the clusters they are in) may not be linked, or null. */
	String forbids(long a, long b) {
		long ra = find(a);
		long rb = find(b);
		Set<String> left = this.identifiers.getOrDefault(ra, Set.of());
		Set<String> right = this.identifiers.getOrDefault(rb, Set.of());
		for (String kind : EXCLUSIVE_KINDS) {
			Set<String> x = ofKind(left, kind);
			Set<String> y = ofKind(right, kind);
			if (!x.isEmpty() && !y.isEmpty() && x.stream().noneMatch(y::contains)) {
				return "conflicting_" + kind;
			}
		}
		for (long[] pair : this.doNotLink) {
			long x = find(pair[0]);
			long y = find(pair[1]);
			if ((x == ra && y == rb) || (x == rb && y == ra)) {
				return "do_not_link";
			}
		}
		return null;
	}

	/** Records that b's cluster joined a's. */
	void join(long a, long b) {
		long ra = find(a);
		long rb = find(b);
		if (ra != rb) {
			this.representative.put(rb, ra);
			Set<String> merged = new HashSet<>(this.identifiers.getOrDefault(ra, Set.of()));
			merged.addAll(this.identifiers.getOrDefault(rb, Set.of()));
			this.identifiers.put(ra, merged);
		}
	}

	long find(long person) {
		long at = person;
		Long next;
		while ((next = this.representative.get(at)) != null) {
			at = next;
		}
		return at;
	}

	private static Set<String> ofKind(Set<String> identifiers, String kind) {
		Set<String> values = new HashSet<>();
		for (String identifier : identifiers) {
			if (identifier.startsWith(kind + ":")) {
				values.add(identifier);
			}
		}
		return values;
	}

}
