package dev.siyu.identity;

/** Disjoint sets over dense numbers, with path halving and union by size. */
final class UnionFind {

	private int[] parent;

	private int[] size;

	UnionFind(int capacity) {
		this.parent = new int[capacity];
		this.size = new int[capacity];
		for (int i = 0; i < capacity; i++) {
			this.parent[i] = i;
			this.size[i] = 1;
		}
	}

	int find(int element) {
		int x = element;
		while (this.parent[x] != x) {
			this.parent[x] = this.parent[this.parent[x]];
			x = this.parent[x];
		}
		return x;
	}

	/** Joins the sets of a and b; true when they were apart. */
	boolean union(int a, int b) {
		int rootA = find(a);
		int rootB = find(b);
		if (rootA == rootB) {
			return false;
		}
		if (this.size[rootA] < this.size[rootB]) {
			int swap = rootA;
			rootA = rootB;
			rootB = swap;
		}
		this.parent[rootB] = rootA;
		this.size[rootA] += this.size[rootB];
		return true;
	}

}
