package dev.siyu.matching;

import java.util.List;

/**
 * How to match: the blocking rules, the probability from which pairs are matches (and
 * clustered), the probability from which pairs are kept at all (for review), the largest
 * block compared, and the random pairs sampled for u.
 */
public record MatchSettings(List<BlockingRule> rules, double threshold, double keepFrom, int maxBlock, int randomPairs,
		long seed) {

	public static final double DEFAULT_THRESHOLD = 0.9;

	public MatchSettings {
		rules = List.copyOf(rules);
		if (rules.isEmpty()) {
			throw new IllegalArgumentException("matching needs at least one blocking rule");
		}
		if (!(threshold > 0 && threshold < 1)) {
			throw new IllegalArgumentException("the threshold must be a probability between 0 and 1, got " + threshold);
		}
		if (!(keepFrom > 0 && keepFrom <= threshold)) {
			throw new IllegalArgumentException("pairs are kept from a probability between 0 and the threshold");
		}
	}

	public static MatchSettings defaults(List<Field> fields) {
		return new MatchSettings(BlockingRule.defaults(fields), DEFAULT_THRESHOLD, DEFAULT_THRESHOLD, 5_000, 300_000,
				42);
	}

	public MatchSettings withRules(List<BlockingRule> newRules) {
		return new MatchSettings(newRules, this.threshold, this.keepFrom, this.maxBlock, this.randomPairs, this.seed);
	}

	public MatchSettings withThreshold(double newThreshold) {
		double keep = (this.keepFrom == this.threshold) ? newThreshold : Math.min(this.keepFrom, newThreshold);
		return new MatchSettings(this.rules, newThreshold, keep, this.maxBlock, this.randomPairs, this.seed);
	}

	public MatchSettings keepingFrom(double probability) {
		return new MatchSettings(this.rules, this.threshold, probability, this.maxBlock, this.randomPairs, this.seed);
	}

}
