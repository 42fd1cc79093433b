package dev.siyu.matching;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A trained Fellegi-Sunter model: per field and level the m and u probabilities, the
 * prior probability that two records taken at random match, and how often each value
 * occurs. An exact agreement weighs log2(m / frequency of the value), so a common name
 * counts less than a rare one.
 */
public final class Model {

	private final List<Field> fields;

	private final String[][] levels;

	private final double[][] m;

	private final double[][] u;

	private final double prior;

	private final List<Map<String, Integer>> frequencies;

	private final int records;

	private final double[][] weights;

	Model(Records records, double[][] m, double[][] u, double prior) {
		this.fields = records.fields();
		this.levels = new String[this.fields.size()][];
		this.m = m;
		this.u = u;
		this.prior = prior;
		this.records = records.size();
		this.frequencies = new ArrayList<>();
		this.weights = new double[this.fields.size()][];
		for (int f = 0; f < this.fields.size(); f++) {
			Comparison comparison = records.comparison(f);
			this.levels[f] = comparison.levels();
			Map<String, Integer> counts = new HashMap<>();
			for (int r = 0; r < records.size(); r++) {
				Object value = records.value(f, r);
				if (value != null) {
					counts.merge(comparison.frequencyKey(value), 1, Integer::sum);
				}
			}
			this.frequencies.add(counts);
			this.weights[f] = new double[m[f].length];
			for (int l = 0; l < m[f].length; l++) {
				this.weights[f][l] = log2(m[f][l] / u[f][l]);
			}
		}
	}

	/** The weight of one field at a level; an exact agreement weighed by its value. */
	double weight(Records records, int field, int level, int record) {
		if (level < 0) {
			return 0;
		}
		if (level == 0) {
			Object value = records.value(field, record);
			Integer count = this.frequencies.get(field).get(records.comparison(field).frequencyKey(value));
			if (count != null && count > 0) {
				double frequency = Math.max(count, 2) / (double) this.records;
				return log2(this.m[field][0] / frequency);
			}
		}
		return this.weights[field][level];
	}

	/** log2 of the prior odds that two records taken at random match. */
	public double priorWeight() {
		return log2(this.prior / (1 - this.prior));
	}

	public double prior() {
		return this.prior;
	}

	public List<Field> fields() {
		return this.fields;
	}

	public String level(int field, int level) {
		return (level < 0) ? "missing" : this.levels[field][level];
	}

	public double m(int field, int level) {
		return this.m[field][level];
	}

	public double u(int field, int level) {
		return this.u[field][level];
	}

	public int levelCount(int field) {
		return this.levels[field].length;
	}

	static double probability(double weight) {
		return 1 / (1 + Math.pow(2, -weight));
	}

	static double log2(double x) {
		return Math.log(x) / Math.log(2);
	}

}
