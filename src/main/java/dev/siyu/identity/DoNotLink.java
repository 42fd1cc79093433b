package dev.siyu.identity;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The do-not-link pairs among the accounts being linked (left by splits and rejected
 * reviews): two sets of accounts may not be united when one holds one account of a pair
 * and the other the other.
 */
final class DoNotLink {

	private final int[] left;

	private final int[] right;

	private DoNotLink(int[] left, int[] right) {
		this.left = left;
		this.right = right;
	}

	static DoNotLink inClosure(JdbcClient jdbc, AccountIndex index) {
		List<int[]> pairs = new ArrayList<>();
		jdbc.sql("""
				select d.account_a, d.account_b from do_not_link d
				join closure_account a on a.id = d.account_a join closure_account b on b.id = d.account_b""")
			.query((rs) -> {
				int a = index.find(rs.getLong(1));
				int b = index.find(rs.getLong(2));
				if (a >= 0 && b >= 0) {
					pairs.add(new int[] { a, b });
				}
			});
		return new DoNotLink(pairs.stream().mapToInt((pair) -> pair[0]).toArray(),
				pairs.stream().mapToInt((pair) -> pair[1]).toArray());
	}

	/** No pairs to keep apart. */
	static DoNotLink none() {
		return new DoNotLink(new int[0], new int[0]);
	}

	boolean allows(UnionFind sets, int a, int b) {
		if (this.left.length == 0) {
			return true;
		}
		int rootA = sets.find(a);
		int rootB = sets.find(b);
		if (rootA == rootB) {
			return true;
		}
		for (int p = 0; p < this.left.length; p++) {
			int x = sets.find(this.left[p]);
			int y = sets.find(this.right[p]);
			if ((x == rootA && y == rootB) || (x == rootB && y == rootA)) {
				return false;
			}
		}
		return true;
	}

}
