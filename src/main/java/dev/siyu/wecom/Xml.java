package dev.siyu.wecom;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The flat XML WeCom sends: the children of the root as text, and the {@code Item}s of a
 * list. Read by a small parser of the subset WeCom uses (elements, text, CDATA, the five
 * predefined entities and character references, comments and the XML declaration): a
 * general parser costs more per callback than decrypting it, and thousands arrive per
 * second. Document types and other entities are refused, so nothing is ever expanded or
 * fetched.
 */
final class Xml {

	private final Map<String, String> fields;

	private final Map<String, List<String>> lists;

	private Xml(Map<String, String> fields, Map<String, List<String>> lists) {
		this.fields = fields;
		this.lists = lists;
	}

	static Xml parse(String text) {
		if (text == null || text.isBlank()) {
			throw new CallbackRejected(CallbackRejected.XML, "the body is empty");
		}
		return new Parser(text).document();
	}

	String get(String name) {
		String value = this.fields.get(name);
		return (value == null || value.isEmpty()) ? null : value;
	}

	/** The texts of {@code <list><Item>..</Item>...</list>}. */
	List<String> items(String list) {
		return this.lists.getOrDefault(list, List.of());
	}

	private static final class Parser {

		private final String text;

		private int at;

		private final Deque<String> open = new ArrayDeque<>();

		private final Map<String, String> fields = new HashMap<>();

		private final Map<String, List<String>> lists = new HashMap<>();

		private final StringBuilder fieldText = new StringBuilder();

		private final StringBuilder itemText = new StringBuilder();

		private List<String> items;

		Parser(String text) {
			this.text = text;
		}

		Xml document() {
			this.at = (this.text.charAt(0) == '\uFEFF') ? 1 : 0;
			skipMisc();
			if (!startsWith("<") || startsWith("</")) {
				throw malformed("it does not start with an element");
			}
			element();
			skipMisc();
			if (this.at < this.text.length()) {
				throw malformed("content after the root element");
			}
			return new Xml(this.fields, this.lists);
		}

		private void element() {
			String name = startTag();
			boolean empty = name.endsWith("/");
			if (empty) {
				name = name.substring(0, name.length() - 1);
			}
			int depth = this.open.size() + 1;
			if (depth == 1 && !name.equals("xml")) {
				throw new CallbackRejected(CallbackRejected.XML, "the root element is <" + name + ">, not <xml>");
			}
			if (depth == 2) {
				this.fieldText.setLength(0);
				this.items = null;
			}
			else if (depth == 3) {
				this.itemText.setLength(0);
			}
			if (!empty) {
				this.open.push(name);
				content(name);
				this.open.pop();
			}
			if (depth == 2) {
				this.fields.putIfAbsent(name, this.fieldText.toString().strip());
				if (this.items != null) {
					this.lists.computeIfAbsent(name, list -> new ArrayList<>()).addAll(this.items);
				}
			}
			else if (depth == 3 && !this.itemText.toString().isBlank()) {
				if (this.items == null) {
					this.items = new ArrayList<>();
				}
				this.items.add(this.itemText.toString().strip());
			}
		}

		/** Reads up to the matching end tag. */
		private void content(String name) {
			while (true) {
				int lt = this.text.indexOf('<', this.at);
				if (lt < 0) {
					throw malformed("<" + name + "> is not closed");
				}
				characters(this.text, this.at, lt, true);
				this.at = lt;
				if (startsWith("</")) {
					int gt = this.text.indexOf('>', this.at);
					if (gt < 0 || !this.text.substring(this.at + 2, gt).strip().equals(name)) {
						throw malformed("<" + name + "> is closed by another tag");
					}
					this.at = gt + 1;
					return;
				}
				if (startsWith("<![CDATA[")) {
					int end = this.text.indexOf("]]>", this.at);
					if (end < 0) {
						throw malformed("an unterminated CDATA section");
					}
					characters(this.text, this.at + 9, end, false);
					this.at = end + 3;
				}
				else if (startsWith("<!--") || startsWith("<?")) {
					skipMisc();
				}
				else if (startsWith("<!")) {
					throw refused();
				}
				else {
					element();
				}
			}
		}

		/**
		 * The name of a start tag, with a trailing '/' when it is empty; skips
		 * attributes.
		 */
		private String startTag() {
			int i = this.at + 1;
			int nameStart = i;
			while (i < this.text.length() && isNameChar(this.text.charAt(i))) {
				i++;
			}
			if (i == nameStart) {
				throw malformed("a tag without a name");
			}
			String name = this.text.substring(nameStart, i);
			char quote = 0;
			for (; i < this.text.length(); i++) {
				char c = this.text.charAt(i);
				if (quote != 0) {
					if (c == quote) {
						quote = 0;
					}
					else if (c == '&' || c == '<') {
						throw malformed("a markup character in an attribute");
					}
				}
				else if (c == '"' || c == '\'') {
					quote = c;
				}
				else if (c == '>') {
					this.at = i + 1;
					return (this.text.charAt(i - 1) == '/') ? name + "/" : name;
				}
				else if (c == '<') {
					break;
				}
			}
			throw malformed("the tag <" + name + " is not closed");
		}

		private void characters(String from, int start, int end, boolean decode) {
			if (start >= end || this.open.size() < 2) {
				if (start < end && this.open.size() < 2 && !from.substring(start, end).isBlank()) {
					throw malformed("text outside the fields");
				}
				return;
			}
			int depth = this.open.size();
			for (int i = start; i < end; i++) {
				char c = from.charAt(i);
				if (decode && c == '&') {
					int semi = from.indexOf(';', i);
					if (semi < 0 || semi > end) {
						throw malformed("an unterminated entity reference");
					}
					c = entity(from.substring(i + 1, semi));
					i = semi;
				}
				else if (decode && c == '>' && i >= 2 && from.startsWith("]]", i - 2)) {
					throw malformed("']]>' in text");
				}
				this.fieldText.append(c);
				if (depth >= 3) {
					this.itemText.append(c);
				}
			}
		}

		private char entity(String name) {
			switch (name) {
				case "lt":
					return '<';
				case "gt":
					return '>';
				case "amp":
					return '&';
				case "quot":
					return '"';
				case "apos":
					return '\'';
				default:
					if (name.startsWith("#")) {
						try {
							int code = name.startsWith("#x") ? Integer.parseInt(name.substring(2), 16)
									: Integer.parseInt(name.substring(1));
							if (code > 0 && code < 0xFFFF && !Character.isSurrogate((char) code)) {
								return (char) code;
							}
						}
						catch (NumberFormatException ex) {
							// reported below
						}
						throw malformed("the character reference &" + name + "; is not supported");
					}
					throw refused();
			}
		}

		/**
		 * Whitespace, comments and processing instructions; a document type is refused.
		 */
		private void skipMisc() {
			while (this.at < this.text.length()) {
				char c = this.text.charAt(this.at);
				if (Character.isWhitespace(c)) {
					this.at++;
				}
				else if (startsWith("<!--")) {
					int end = this.text.indexOf("-->", this.at + 4);
					if (end < 0) {
						throw malformed("an unterminated comment");
					}
					this.at = end + 3;
				}
				else if (startsWith("<?")) {
					int end = this.text.indexOf("?>", this.at + 2);
					if (end < 0) {
						throw malformed("an unterminated processing instruction");
					}
					this.at = end + 2;
				}
				else if (startsWith("<!")) {
					throw refused();
				}
				else {
					return;
				}
			}
		}

		private boolean startsWith(String prefix) {
			return this.text.startsWith(prefix, this.at);
		}

		private static boolean isNameChar(char c) {
			return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.' || c == ':';
		}

		private CallbackRejected malformed(String why) {
			return new CallbackRejected(CallbackRejected.XML,
					"the body is not well-formed XML: " + why + " (at character " + this.at + ")");
		}

		private static CallbackRejected refused() {
			return new CallbackRejected(CallbackRejected.XML, "document types and entities are refused");
		}

	}

}
