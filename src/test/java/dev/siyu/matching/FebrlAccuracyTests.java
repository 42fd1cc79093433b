package dev.siyu.matching;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deduplication of the FEBRL reference sets with the model estimated without the truth,
 * measured against it at the default threshold.
 */
class FebrlAccuracyTests {

	@ParameterizedTest
	@ValueSource(strings = { "dataset1.csv", "dataset2.csv" })
	void deduplicatesFebrlWithF1OfAtLeast099(String file) throws Exception {
		Records records = Febrl.records(file);
		MatchResult result = Matcher.run(records, MatchSettings.defaults(Febrl.FIELDS));
		Febrl.Accuracy accuracy = Febrl.accuracy(result);
		System.out.println("FEBRL " + file + ": " + accuracy + ", " + result.candidatePairs() + " candidates, "
				+ result.emIterations() + " EM iterations, " + result.phaseSeconds());
		assertThat(accuracy.f1()).as(accuracy.toString()).isGreaterThanOrEqualTo(0.99);
	}

}
