package dev.siyu.wecom;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The flat XML WeCom sends: the children of the root as text, and the {@code Item}s of a
 * list. Read in one streaming pass (no tree is built: callbacks arrive by the thousand
 * per second). Document types are refused, so no entity or external reference is ever
 * resolved.
 */
final class Xml {

	private static final XMLInputFactory factory = newFactory();

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
		Map<String, String> fields = new HashMap<>();
		Map<String, List<String>> lists = new HashMap<>();
		XMLStreamReader reader = null;
		try {
			reader = factory.createXMLStreamReader(new StringReader(text));
			int depth = 0;
			String field = null;
			StringBuilder fieldText = new StringBuilder();
			StringBuilder itemText = new StringBuilder();
			List<String> items = null;
			while (reader.hasNext()) {
				int event = reader.next();
				switch (event) {
					case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_REFERENCE ->
						throw new CallbackRejected(CallbackRejected.XML, "document types and entities are refused");
					case XMLStreamConstants.START_ELEMENT -> {
						depth++;
						if (depth == 1 && !reader.getLocalName().equals("xml")) {
							throw new CallbackRejected(CallbackRejected.XML,
									"the root element is <" + reader.getLocalName() + ">, not <xml>");
						}
						if (depth == 2) {
							field = reader.getLocalName();
							fieldText.setLength(0);
							items = null;
						}
						else if (depth == 3) {
							itemText.setLength(0);
						}
					}
					case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
						if (depth >= 2) {
							fieldText.append(reader.getTextCharacters(), reader.getTextStart(), reader.getTextLength());
						}
						if (depth >= 3) {
							itemText.append(reader.getTextCharacters(), reader.getTextStart(), reader.getTextLength());
						}
					}
					case XMLStreamConstants.END_ELEMENT -> {
						if (depth == 2) {
							fields.putIfAbsent(field, fieldText.toString().strip());
							if (items != null) {
								lists.computeIfAbsent(field, name -> new ArrayList<>()).addAll(items);
							}
						}
						else if (depth == 3 && !itemText.isEmpty() && !itemText.toString().isBlank()) {
							if (items == null) {
								items = new ArrayList<>();
							}
							items.add(itemText.toString().strip());
						}
						depth--;
					}
					default -> {
					}
				}
			}
			return new Xml(fields, lists);
		}
		catch (XMLStreamException ex) {
			throw new CallbackRejected(CallbackRejected.XML, "the body is not well-formed XML: " + ex.getMessage());
		}
		finally {
			close(reader);
		}
	}

	String get(String name) {
		String value = this.fields.get(name);
		return (value == null || value.isEmpty()) ? null : value;
	}

	/** The texts of {@code <list><Item>..</Item>...</list>}. */
	List<String> items(String list) {
		return this.lists.getOrDefault(list, List.of());
	}

	private static void close(XMLStreamReader reader) {
		if (reader != null) {
			try {
				reader.close();
			}
			catch (XMLStreamException ex) {
				// nothing is held open
			}
		}
	}

	private static XMLInputFactory newFactory() {
		XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
		factory.setProperty(XMLInputFactory.IS_COALESCING, false);
		return factory;
	}

}
