package dev.siyu.wecom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The natural key that makes WeCom's retries and replays one event. */
class CallbackEventTests {

	static final String CORP = "ww1436e0e65a779aee";

	@Test
	void retryOfTheSameAddHasTheSameKey() {
		String add = CallbackClient.addContact(CORP, "zhangsan", "wmA", "pi-1", "W1", 1_700_000_000);
		assertThat(CallbackEvent.parse(add).dedupKey()).isEqualTo(CallbackEvent.parse(add).dedupKey())
			.isEqualTo("change_external_contact|add_external_contact|zhangsan|wmA|1700000000");
	}

	@Test
	void sameCustomerAddedAgainLaterIsAnotherEvent() {
		assertThat(CallbackEvent.parse(CallbackClient.addContact(CORP, "zhangsan", "wmA", null, null, 1_700_000_000))
			.dedupKey()).isNotEqualTo(
					CallbackEvent.parse(CallbackClient.addContact(CORP, "zhangsan", "wmA", null, null, 1_700_000_001))
						.dedupKey());
	}

	@Test
	void twoGroupUpdatesInOneSecondAreTwoEvents() {
		String join = chatUpdate("add_member", "wmA");
		String quit = chatUpdate("del_member", "wmB");
		assertThat(CallbackEvent.parse(join).dedupKey()).isNotEqualTo(CallbackEvent.parse(quit).dedupKey());
		assertThat(CallbackEvent.parse(join).dedupKey())
			.isNotEqualTo(CallbackEvent.parse(chatUpdate("add_member", "wmC")).dedupKey());
		assertThat(CallbackEvent.parse(join).fields().items("MemChangeList")).containsExactly("wmA");
	}

	@Test
	void messageWithoutAnEventIsKeyedByItsMsgId() {
		assertThat(CallbackEvent.parse("<xml><MsgType>text</MsgType><MsgId>42</MsgId><CreateTime>1</CreateTime></xml>")
			.dedupKey()).isEqualTo("msg|42");
	}

	@Test
	void nonNumericCreateTimeIsRejected() {
		assertThatThrownBy(() -> CallbackEvent.parse("<xml><CreateTime>soon</CreateTime></xml>"))
			.isInstanceOf(CallbackRejected.class)
			.hasMessageContaining("CreateTime 'soon'");
	}

	private static String chatUpdate(String detail, String member) {
		return "<xml><ToUserName>" + CORP + "</ToUserName><FromUserName>sys</FromUserName><CreateTime>1700000000"
				+ "</CreateTime><MsgType>event</MsgType><Event>change_external_chat</Event><ChatId>wrG</ChatId>"
				+ "<ChangeType>update</ChangeType><UpdateDetail>" + detail
				+ "</UpdateDetail><MemChangeCnt>1</MemChangeCnt>" + "<MemChangeList><Item>" + member
				+ "</Item></MemChangeList></xml>";
	}

}
