package dev.siyu.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Records to match, with every value prepared once for comparison. When two lists are
 * linked, the records of the left list come first and {@link #leftCount()} says where the
 * right list starts; a list deduplicated alone has every record on the left.
 */
public final class Records {

	private final List<Field> fields;

	private final Comparison[] comparisons;

	private final String[] ids;

	private final Object[][] values;

	private final int leftCount;

	private Records(List<Field> fields, Comparison[] comparisons, String[] ids, Object[][] values, int leftCount) {
		this.fields = fields;
		this.comparisons = comparisons;
		this.ids = ids;
		this.values = values;
		this.leftCount = leftCount;
	}

	public static Builder builder(List<Field> fields) {
		return new Builder(fields);
	}

	/** The records of this list followed by those of the other, to link the two. */
	public Records linkedWith(Records right) {
		if (!this.fields.equals(right.fields)) {
			throw new IllegalArgumentException("linked lists must have the same fields");
		}
		String[] allIds = Arrays.copyOf(this.ids, size() + right.size());
		System.arraycopy(right.ids, 0, allIds, size(), right.size());
		Object[][] allValues = new Object[this.values.length][];
		for (int f = 0; f < allValues.length; f++) {
			allValues[f] = Arrays.copyOf(this.values[f], allIds.length);
			System.arraycopy(right.values[f], 0, allValues[f], size(), right.size());
		}
		return new Records(this.fields, this.comparisons, allIds, allValues, size());
	}

	public List<Field> fields() {
		return this.fields;
	}

	public int size() {
		return this.ids.length;
	}

	public String id(int record) {
		return this.ids[record];
	}

	public int leftCount() {
		return this.leftCount;
	}

	public boolean isLinkage() {
		return this.leftCount < size();
	}

	Comparison comparison(int field) {
		return this.comparisons[field];
	}

	Object value(int field, int record) {
		return this.values[field][record];
	}

	/**
	 * The level of agreement of two records on one field, or -1 when either is missing.
	 */
	int compare(int field, int left, int right) {
		Object a = this.values[field][left];
		Object b = this.values[field][right];
		if (a == null || b == null) {
			return -1;
		}
		return this.comparisons[field].compare(a, b);
	}

	/** The level of agreement of one field of a record with another field of another. */
	int compareAcross(int leftField, int left, int rightField, int right) {
		Object a = this.values[leftField][left];
		Object b = this.values[rightField][right];
		if (a == null || b == null) {
			return -1;
		}
		return this.comparisons[leftField].compare(a, b);
	}

	/** Adds records one by one: an id and the raw values in the order of the fields. */
	public static final class Builder {

		private final List<Field> fields;

		private final Comparison[] comparisons;

		private final List<String> ids = new ArrayList<>();

		private final List<Object[]> rows = new ArrayList<>();

		private Builder(List<Field> fields) {
			if (fields.isEmpty()) {
				throw new IllegalArgumentException("matching needs at least one field");
			}
			if (fields.size() > 20) {
				throw new IllegalArgumentException("matching compares at most 20 fields, got " + fields.size());
			}
			this.fields = List.copyOf(fields);
			this.comparisons = fields.stream().map((field) -> field.kind().comparison()).toArray(Comparison[]::new);
		}

		public Builder add(String id, String... raw) {
			if (raw.length != this.fields.size()) {
				throw new IllegalArgumentException(
						"record " + id + " has " + raw.length + " values for " + this.fields.size() + " fields");
			}
			Object[] prepared = new Object[raw.length];
			for (int f = 0; f < raw.length; f++) {
				prepared[f] = this.comparisons[f].prepare(raw[f]);
			}
			this.ids.add(id);
			this.rows.add(prepared);
			return this;
		}

		public Records build() {
			int n = this.ids.size();
			Object[][] values = new Object[this.fields.size()][n];
			for (int r = 0; r < n; r++) {
				Object[] row = this.rows.get(r);
				for (int f = 0; f < row.length; f++) {
					values[f][r] = row[f];
				}
			}
			return new Records(this.fields, this.comparisons, this.ids.toArray(String[]::new), values, n);
		}

	}

}
