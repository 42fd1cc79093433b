package dev.siyu.matching;

import java.util.stream.IntStream;

/**
 * Compares pairs of records field by field into their agreement levels. A given name and
 * surname written the wrong way round count as similar on both.
 */
final class Agreement {

	private final Records records;

	private final int fields;

	private final int givenName;

	private final int surname;

	Agreement(Records records) {
		this.records = records;
		this.fields = records.fields().size();
		this.givenName = first(records, FieldKind.GIVEN_NAME);
		this.surname = first(records, FieldKind.SURNAME);
	}

	private static int first(Records records, FieldKind kind) {
		for (int f = 0; f < records.fields().size(); f++) {
			if (records.fields().get(f).kind() == kind) {
				return f;
			}
		}
		return -1;
	}

	int fields() {
		return this.fields;
	}

	/** Writes the levels of records i and j into {@code levels} at {@code offset}. */
	void compare(int i, int j, byte[] levels, int offset) {
		for (int f = 0; f < this.fields; f++) {
			levels[offset + f] = (byte) this.records.compare(f, i, j);
		}
		if (this.givenName >= 0 && this.surname >= 0) {
			recogniseSwappedNames(i, j, levels, offset);
		}
	}

	private void recogniseSwappedNames(int i, int j, byte[] levels, int offset) {
		int given = levels[offset + this.givenName];
		int sur = levels[offset + this.surname];
		if (given >= 0 && sur >= 0 && given <= NameComparison.SIMILAR && sur <= NameComparison.SIMILAR) {
			return;
		}
		int crossGiven = this.records.compareAcross(this.givenName, i, this.surname, j);
		int crossSurname = this.records.compareAcross(this.surname, i, this.givenName, j);
		if (crossGiven >= 0 && crossGiven < NameComparison.SIMILAR && crossSurname >= 0
				&& crossSurname < NameComparison.SIMILAR) {
			levels[offset + this.givenName] = NameComparison.SIMILAR;
			levels[offset + this.surname] = NameComparison.SIMILAR;
		}
	}

	/** The levels of all candidate pairs, {@code fields} bytes per pair, in parallel. */
	byte[] compareAll(CandidatePairs pairs) {
		byte[] levels = new byte[pairs.size() * this.fields];
		int chunk = 4096;
		int chunks = (pairs.size() + chunk - 1) / chunk;
		IntStream.range(0, chunks).parallel().forEach((c) -> {
			int end = Math.min(pairs.size(), (c + 1) * chunk);
			for (int p = c * chunk; p < end; p++) {
				compare(pairs.left(p), pairs.right(p), levels, p * this.fields);
			}
		});
		return levels;
	}

}
