package dev.siyu.audience;

/** How a value compares with a constant. Inequality is a negated equality. */
public enum Comparison {

	EQ("="), GT(">"), GE(">="), LT("<"), LE("<=");

	private final String symbol;

	Comparison(String symbol) {
		this.symbol = symbol;
	}

	public String symbol() {
		return this.symbol;
	}

	static Comparison ofSymbol(String symbol) {
		for (Comparison op : values()) {
			if (op.symbol.equals(symbol)) {
				return op;
			}
		}
		return null;
	}

	boolean holds(long left, long right) {
		return switch (this) {
			case EQ -> left == right;
			case GT -> left > right;
			case GE -> left >= right;
			case LT -> left < right;
			case LE -> left <= right;
		};
	}

}
