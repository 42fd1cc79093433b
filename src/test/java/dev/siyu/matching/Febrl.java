package dev.siyu.matching;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The FEBRL reference files and the accuracy of a run against the truth in rec_id. */
final class Febrl {

	static final List<Field> FIELDS = List.of(new Field("given_name", FieldKind.GIVEN_NAME),
			new Field("surname", FieldKind.SURNAME), new Field("street_number", FieldKind.STREET_NUMBER),
			new Field("address_1", FieldKind.ADDRESS), new Field("address_2", FieldKind.ADDRESS),
			new Field("suburb", FieldKind.CITY), new Field("postcode", FieldKind.POSTCODE),
			new Field("state", FieldKind.PROVINCE), new Field("date_of_birth", FieldKind.DATE),
			new Field("soc_sec_id", FieldKind.ID_NUMBER));

	private Febrl() {
	}

	static Path file(String name) {
		for (Path dir : List.of(Path.of("../shared/data/febrl"), Path.of("/work/shared/data/febrl"))) {
			if (Files.isRegularFile(dir.resolve(name))) {
				return dir.resolve(name);
			}
		}
		assumeTrue(false, "FEBRL reference data not found in ../shared/data/febrl: skipping");
		return null;
	}

	static Records records(String name) throws IOException {
		return CsvInput.read(file(name)).records("rec_id", FIELDS);
	}

	/** rec-N-org and rec-N-dup-K are the same person exactly when N is equal. */
	static String person(String recId) {
		return recId.split("-")[1];
	}

	static Accuracy accuracy(MatchResult result) {
		Records records = result.records();
		Set<String> predicted = new HashSet<>();
		for (int p = 0; p < result.pairCount(); p++) {
			if (result.isMatch(p)) {
				predicted.add(key(records.id(result.left(p)), records.id(result.right(p))));
			}
		}
		long truePairs = 0;
		java.util.Map<String, Integer> sizes = new java.util.HashMap<>();
		for (int r = 0; r < records.size(); r++) {
			sizes.merge(person(records.id(r)), 1, Integer::sum);
		}
		for (int size : sizes.values()) {
			truePairs += (long) size * (size - 1) / 2;
		}
		long correct = predicted.stream().filter((pair) -> {
			String[] ids = pair.split("\\|");
			return person(ids[0]).equals(person(ids[1]));
		}).count();
		return new Accuracy(predicted.size(), truePairs, correct);
	}

	private static String key(String a, String b) {
		return (a.compareTo(b) < 0) ? a + "|" + b : b + "|" + a;
	}

	record Accuracy(long predicted, long truePairs, long correct) {

		double precision() {
			return (this.predicted == 0) ? 0 : this.correct / (double) this.predicted;
		}

		double recall() {
			return this.correct / (double) this.truePairs;
		}

		double f1() {
			double p = precision();
			double r = recall();
			return (p + r == 0) ? 0 : 2 * p * r / (p + r);
		}

		@Override
		public String toString() {
			return String.format("precision %.4f recall %.4f F1 %.4f (%d predicted, %d true, %d correct)", precision(),
					recall(), f1(), this.predicted, this.truePairs, this.correct);
		}

	}

}
