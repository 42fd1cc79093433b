package dev.siyu.wecom;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * The flat XML WeCom sends: the children of the root as text, and the {@code Item}s of a
 * list. Document types are refused, so no entity or external reference is ever resolved.
 */
final class Xml {

	private static final ThreadLocal<DocumentBuilder> builders = ThreadLocal.withInitial(Xml::newBuilder);

	private final Map<String, String> fields;

	private final Element root;

	private Xml(Element root) {
		this.root = root;
		this.fields = new LinkedHashMap<>();
		for (Node child = root.getFirstChild(); child != null; child = child.getNextSibling()) {
			if (child instanceof Element element) {
				this.fields.putIfAbsent(element.getTagName(), element.getTextContent().strip());
			}
		}
	}

	static Xml parse(String text) {
		if (text == null || text.isBlank()) {
			throw new CallbackRejected(CallbackRejected.XML, "the body is empty");
		}
		try {
			DocumentBuilder builder = builders.get();
			builder.reset();
			Element root = builder.parse(new InputSource(new StringReader(text))).getDocumentElement();
			if (!root.getTagName().equals("xml")) {
				throw new CallbackRejected(CallbackRejected.XML,
						"the root element is <" + root.getTagName() + ">, not <xml>");
			}
			return new Xml(root);
		}
		catch (SAXException | IOException ex) {
			throw new CallbackRejected(CallbackRejected.XML, "the body is not well-formed XML: " + ex.getMessage());
		}
	}

	String get(String name) {
		String value = this.fields.get(name);
		return (value == null || value.isEmpty()) ? null : value;
	}

	/** The texts of {@code <list><Item>..</Item>...</list>}. */
	List<String> items(String list) {
		List<String> items = new ArrayList<>();
		for (Node child = this.root.getFirstChild(); child != null; child = child.getNextSibling()) {
			if (child instanceof Element element && element.getTagName().equals(list)) {
				for (Node item = element.getFirstChild(); item != null; item = item.getNextSibling()) {
					if (item instanceof Element itemElement && !itemElement.getTextContent().isBlank()) {
						items.add(itemElement.getTextContent().strip());
					}
				}
			}
		}
		return items;
	}

	private static DocumentBuilder newBuilder() {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setExpandEntityReferences(false);
			factory.setXIncludeAware(false);
			DocumentBuilder builder = factory.newDocumentBuilder();
			builder.setErrorHandler(null);
			return builder;
		}
		catch (ParserConfigurationException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
