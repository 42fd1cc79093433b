package dev.siyu.ingest;

/** Told how far an import is: a fraction from 0 to 1 and what it is doing. */
@FunctionalInterface
public interface ImportProgress {

	ImportProgress NONE = (fraction, phase) -> {
	};

	void report(double fraction, String phase);

}
