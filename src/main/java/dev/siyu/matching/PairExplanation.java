package dev.siyu.matching;

import java.util.List;

/**
 * Why two records match or not: the prior and, field by field, the level reached and the
 * weight it adds (log2 of a Bayes factor).
 */
public record PairExplanation(double priorWeight, List<FieldAgreement> fields, double matchWeight,
		double matchProbability) {

	public record FieldAgreement(String field, String kind, String level, double weight) {
	}

}
