package dev.siyu.matching;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The pairs of records that share the key of at least one blocking rule, each pair once:
 * a pair is produced by the first rule that finds it. Blocks larger than the limit are
 * left out (and counted), since they would make the work quadratic.
 */
final class CandidatePairs {

	private int[] left = new int[1024];

	private int[] right = new int[1024];

	private int size;

	private int oversizedBlocks;

	private CandidatePairs() {
	}

	static CandidatePairs of(Records records, List<BlockingRule> rules, int maxBlock) {
		CandidatePairs pairs = new CandidatePairs();
		int n = records.size();
		int[][] keys = new int[rules.size()][];
		for (int k = 0; k < rules.size(); k++) {
			keys[k] = keyIds(records, rules.get(k), n);
			pairs.addBlocks(records, keys, k, maxBlock);
		}
		return pairs;
	}

	private static int[] keyIds(Records records, BlockingRule rule, int n) {
		Map<String, Integer> ids = new HashMap<>();
		int[] keyIds = new int[n];
		for (int r = 0; r < n; r++) {
			String key = rule.key(records, r);
			keyIds[r] = (key == null) ? -1 : ids.computeIfAbsent(key, (unused) -> ids.size());
		}
		return keyIds;
	}

	private void addBlocks(Records records, int[][] keys, int rule, int maxBlock) {
		int[] keyIds = keys[rule];
		int blocks = 0;
		for (int id : keyIds) {
			blocks = Math.max(blocks, id + 1);
		}
		int[] start = new int[blocks + 1];
		for (int id : keyIds) {
			if (id >= 0) {
				start[id + 1]++;
			}
		}
		for (int b = 0; b < blocks; b++) {
			start[b + 1] += start[b];
		}
		int[] members = new int[start[blocks]];
		int[] fill = Arrays.copyOf(start, blocks);
		for (int r = 0; r < keyIds.length; r++) {
			if (keyIds[r] >= 0) {
				members[fill[keyIds[r]]++] = r;
			}
		}
		int leftCount = records.leftCount();
		boolean linkage = records.isLinkage();
		for (int b = 0; b < blocks; b++) {
			int from = start[b];
			int to = start[b + 1];
			if (to - from < 2) {
				continue;
			}
			if (to - from > maxBlock) {
				this.oversizedBlocks++;
				continue;
			}
			for (int x = from; x < to; x++) {
				int i = members[x];
				if (linkage && i >= leftCount) {
					break;
				}
				for (int y = x + 1; y < to; y++) {
					int j = members[y];
					if ((!linkage || j >= leftCount) && !foundEarlier(keys, rule, i, j)) {
						add(i, j);
					}
				}
			}
		}
	}

	private static boolean foundEarlier(int[][] keys, int rule, int i, int j) {
		for (int r = 0; r < rule; r++) {
			if (keys[r][i] >= 0 && keys[r][i] == keys[r][j]) {
				return true;
			}
		}
		return false;
	}

	private void add(int i, int j) {
		if (this.size == this.left.length) {
			this.left = Arrays.copyOf(this.left, this.size * 2);
			this.right = Arrays.copyOf(this.right, this.size * 2);
		}
		this.left[this.size] = i;
		this.right[this.size] = j;
		this.size++;
	}

	int size() {
		return this.size;
	}

	int left(int pair) {
		return this.left[pair];
	}

	int right(int pair) {
		return this.right[pair];
	}

	int oversizedBlocks() {
		return this.oversizedBlocks;
	}

}
