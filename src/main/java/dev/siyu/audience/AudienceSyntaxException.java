package dev.siyu.audience;

/** An expression that cannot be read: where (1-based column, or a JSON path) and why. */
public class AudienceSyntaxException extends IllegalArgumentException {

	private final String where;

	AudienceSyntaxException(String where, String why) {
		super(where + ": " + why);
		this.where = where;
	}

	static AudienceSyntaxException atColumn(int offset, String why) {
		return new AudienceSyntaxException("at column " + (offset + 1), why);
	}

	public String where() {
		return this.where;
	}

}
