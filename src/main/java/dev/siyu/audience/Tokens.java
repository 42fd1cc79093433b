package dev.siyu.audience;

import java.util.ArrayList;
import java.util.List;

/** The words of an expression's text, each with where it starts. */
final class Tokens {

	enum Type {

		WORD, STRING, NUMBER, DURATION, SYMBOL, END

	}

	record Token(Type type, String text, int offset) {

		boolean is(String word) {
			return (this.type == Type.WORD || this.type == Type.SYMBOL) && this.text.equalsIgnoreCase(word);
		}

		String shown() {
			return switch (this.type) {
				case END -> "the end";
				case STRING -> "'" + this.text + "'";
				default -> "'" + this.text + "'";
			};
		}

	}

	private Tokens() {
	}

	static List<Token> of(String text) {
		List<Token> tokens = new ArrayList<>();
		int i = 0;
		int n = text.length();
		while (i < n) {
			char c = text.charAt(i);
			if (Character.isWhitespace(c)) {
				i++;
			}
			else if (c == '\'' || c == '"') {
				i = string(text, i, tokens);
			}
			else if (Character.isDigit(c) || (c == '-' && i + 1 < n && Character.isDigit(text.charAt(i + 1)))) {
				int start = i;
				i++;
				while (i < n && (Character.isDigit(text.charAt(i)) || text.charAt(i) == '.')) {
					i++;
				}
				int unit = i;
				while (i < n && Character.isLetter(text.charAt(i))) {
					i++;
				}
				tokens.add(new Token((unit < i) ? Type.DURATION : Type.NUMBER, text.substring(start, i), start));
			}
			else if (Character.isLetter(c) || c == '_') {
				int start = i;
				while (i < n && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_'
						|| text.charAt(i) == '.')) {
					i++;
				}
				tokens.add(new Token(Type.WORD, text.substring(start, i), start));
			}
			else {
				String two = (i + 1 < n) ? text.substring(i, i + 2) : "";
				if (two.equals(">=") || two.equals("<=") || two.equals("!=") || two.equals("<>")) {
					tokens.add(new Token(Type.SYMBOL, two.equals("<>") ? "!=" : two, i));
					i += 2;
				}
				else if ("()=<>,".indexOf(c) >= 0) {
					tokens.add(new Token(Type.SYMBOL, String.valueOf(c), i));
					i++;
				}
				else {
					throw AudienceSyntaxException.atColumn(i, "unexpected character '" + c + "'");
				}
			}
		}
		tokens.add(new Token(Type.END, "", n));
		return tokens;
	}

	private static int string(String text, int start, List<Token> tokens) {
		char quote = text.charAt(start);
		StringBuilder value = new StringBuilder();
		int i = start + 1;
		while (i < text.length()) {
			char c = text.charAt(i);
			if (c == '\\' && i + 1 < text.length()) {
				value.append(text.charAt(i + 1));
				i += 2;
			}
			else if (c == quote) {
				tokens.add(new Token(Type.STRING, value.toString(), start));
				return i + 1;
			}
			else {
				value.append(c);
				i++;
			}
		}
		throw AudienceSyntaxException.atColumn(start, "the text starting here has no closing " + quote);
	}

}
