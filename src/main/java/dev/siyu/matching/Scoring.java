package dev.siyu.matching;

import java.util.ArrayList;
import java.util.List;

/** Match weights and probabilities of compared pairs under a model. */
final class Scoring {

	private final Records records;

	private final Model model;

	private final Agreement agreement;

	Scoring(Records records, Model model, Agreement agreement) {
		this.records = records;
		this.model = model;
		this.agreement = agreement;
	}

	double weight(byte[] levels, int offset, int left) {
		double weight = this.model.priorWeight();
		for (int f = 0; f < this.agreement.fields(); f++) {
			weight += this.model.weight(this.records, f, levels[offset + f], left);
		}
		return weight;
	}

	PairExplanation explain(int left, int right) {
		byte[] levels = new byte[this.agreement.fields()];
		this.agreement.compare(left, right, levels, 0);
		List<PairExplanation.FieldAgreement> fields = new ArrayList<>();
		double total = this.model.priorWeight();
		for (int f = 0; f < levels.length; f++) {
			double weight = this.model.weight(this.records, f, levels[f], left);
			total += weight;
			Field field = this.records.fields().get(f);
			fields.add(new PairExplanation.FieldAgreement(field.name(), field.kind().cliName(),
					this.model.level(f, levels[f]), round(weight)));
		}
		return new PairExplanation(round(this.model.priorWeight()), fields, round(total), Model.probability(total));
	}

	private static double round(double value) {
		return Math.round(value * 1000) / 1000.0;
	}

}
