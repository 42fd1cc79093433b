package dev.siyu.matching;

import java.util.HashSet;
import java.util.Set;

import org.apache.commons.text.similarity.JaccardSimilarity;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.apache.commons.text.similarity.LevenshteinDistance;

/** The string metrics of Apache Commons Text, plus the one-typo tests the levels need. */
final class Similarity {

	private static final JaroWinklerSimilarity jaroWinkler = new JaroWinklerSimilarity();

	private static final LevenshteinDistance withinOne = new LevenshteinDistance(1);

	private static final JaccardSimilarity jaccard = new JaccardSimilarity();

	private Similarity() {
	}

	static double jaroWinkler(String left, String right) {
		return jaroWinkler.apply(left, right);
	}

	/**
	 * One insertion, deletion or substitution, or two neighbouring characters swapped.
	 */
	static boolean oneEditApart(String left, String right) {
		if (left.length() == right.length() && swappedNeighbours(left, right)) {
			return true;
		}
		return withinOne.apply(left, right) == 1;
	}

	static boolean swappedNeighbours(String left, String right) {
		int first = -1;
		int differences = 0;
		for (int i = 0; i < left.length(); i++) {
			if (left.charAt(i) != right.charAt(i)) {
				if (++differences > 2) {
					return false;
				}
				if (first < 0) {
					first = i;
				}
			}
		}
		return differences == 2 && first + 1 < left.length() && left.charAt(first) == right.charAt(first + 1)
				&& left.charAt(first + 1) == right.charAt(first);
	}

	/** Jaccard similarity of the blank-separated words. */
	static double tokenOverlap(String left, String right) {
		Set<String> a = words(left);
		Set<String> b = words(right);
		if (a.isEmpty() || b.isEmpty()) {
			return 0;
		}
		Set<String> both = new HashSet<>(a);
		both.retainAll(b);
		return both.size() / (double) (a.size() + b.size() - both.size());
	}

	/** Jaccard similarity of the characters, for texts without blanks (Chinese). */
	static double characterOverlap(String left, String right) {
		return jaccard.apply(left, right);
	}

	private static Set<String> words(String text) {
		Set<String> words = new HashSet<>();
		for (String word : text.split(" ")) {
			if (!word.isEmpty()) {
				words.add(word);
			}
		}
		return words;
	}

}
