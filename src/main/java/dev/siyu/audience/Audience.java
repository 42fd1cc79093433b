package dev.siyu.audience;

/**
 * A saved audience: a name for an expression; a dynamic one keeps its members and
 * announces changes.
 */
public record Audience(long id, long scope, String name, String expression, boolean dynamic, String createdBy) {

	public Expression parsed() {
		return Expressions.parse(this.expression);
	}

}
