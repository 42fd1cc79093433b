package dev.siyu.matching;

/** A named column and what it holds. */
public record Field(String name, FieldKind kind) {

	public Field {
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("a field needs a name");
		}
		name = name.strip();
	}

}
