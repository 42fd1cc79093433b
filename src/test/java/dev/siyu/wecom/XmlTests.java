package dev.siyu.wecom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class XmlTests {

	@Test
	void fieldsAreReadFromCdataAndPlainText() {
		Xml xml = Xml
			.parse("""
					<?xml version="1.0" encoding="UTF-8"?>
					<xml><ToUserName><![CDATA[ww1]]></ToUserName>
					  <CreateTime>1700000000</CreateTime><!-- a comment -->
					  <State><![CDATA[a<b>&c]]></State><Name>Tom &amp; Jerry &lt;3 &#20013;&#x6587;</Name><Empty/></xml>""");
		assertThat(xml.get("ToUserName")).isEqualTo("ww1");
		assertThat(xml.get("CreateTime")).isEqualTo("1700000000");
		assertThat(xml.get("State")).isEqualTo("a<b>&c");
		assertThat(xml.get("Name")).isEqualTo("Tom & Jerry <3 中文");
		assertThat(xml.get("Empty")).isNull();
		assertThat(xml.get("Missing")).isNull();
	}

	@Test
	void listItemsAreReadInOrder() {
		Xml xml = Xml.parse("<xml><MemChangeList><Item><![CDATA[wmA]]></Item><Item>wmB</Item><Item> </Item>"
				+ "</MemChangeList><UpdateDetail>add_member</UpdateDetail></xml>");
		assertThat(xml.items("MemChangeList")).containsExactly("wmA", "wmB");
		assertThat(xml.items("Other")).isEmpty();
		assertThat(xml.get("UpdateDetail")).isEqualTo("add_member");
	}

	@Test
	void theFirstOfARepeatedFieldCounts() {
		assertThat(Xml.parse("<xml><A>1</A><A>2</A></xml>").get("A")).isEqualTo("1");
	}

	@Test
	void documentTypesAndEntitiesAreRefused() {
		assertThatThrownBy(() -> Xml.parse("<!DOCTYPE xml [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><xml>&e;</xml>"))
			.isInstanceOf(CallbackRejected.class)
			.hasMessageContaining("document types");
		assertThatThrownBy(() -> Xml.parse("<xml><A>&e;</A></xml>")).isInstanceOf(CallbackRejected.class)
			.hasMessageContaining("entities are refused");
	}

	@Test
	void malformedBodiesAreRejectedWithTheReason() {
		assertThatThrownBy(() -> Xml.parse("not xml")).hasMessageContaining("does not start with an element");
		assertThatThrownBy(() -> Xml.parse("<xml><A>1</B></xml>")).hasMessageContaining("closed by another tag");
		assertThatThrownBy(() -> Xml.parse("<xml><A>1</A>")).hasMessageContaining("<xml> is not closed");
		assertThatThrownBy(() -> Xml.parse("<xml/><xml/>")).hasMessageContaining("content after the root");
		assertThatThrownBy(() -> Xml.parse("<root/>")).hasMessageContaining("<root>, not <xml>");
		assertThatThrownBy(() -> Xml.parse("<xml><A><![CDATA[x</A></xml>")).hasMessageContaining("CDATA");
		assertThatThrownBy(() -> Xml.parse(" ")).hasMessageContaining("empty");
	}

}
