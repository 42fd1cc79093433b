package dev.siyu.wecom;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every known-answer vector of the WeCom spec, and the ways a forged callback fails. */
class CallbackCryptoTests {

	static final CallbackCrypto setA = new CallbackCrypto("hJqcu3uJ9Tn2gXPmxx2w9kkCkCE2EPYo",
			"6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt", "ww1436e0e65a779aee");

	static final CallbackCrypto setB = new CallbackCrypto("QDG6eK", "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C",
			"wx5823bf96d3bd56c7");

	static final String A1_ECHO = "fsi1xnbH4yQh0+PJxcOdhhK6TDXkjMyhEPA7xB2TGz6b+g7xyAbEkRxN/3cNXW9qdqjnoVzEtpbhnFyq6SVHyA==";

	static final String A2_ENCRYPT = "Kl7kjoSf6DMD1zh7rtrHjFaDapSCkaOnwu3bqLc5tAybhhMl9pFeK8NslNPVdMwmBQTNoW4mY7AIjeLvEl3NyeTkAgGzBhzTtRLN"
			+ "shw2AEew+kkYcD+Fq72Kt00fT0WnN87hGrW8SqGc+NcT3mu87Ha3dz1pSDi6GaUA6A0sqfde0VJPQbZ9U+3JWcoD4Z5jaU0y9GSh"
			+ "010wsHF8KZD24YhmZH4ch4Ka7ilEbjbfvhKkNL65HHL0J6EYJIZUC2pFrdkJ7MhmEbU2qARR4iQHE7wy24qy0cRX3Mfp6iELcDNf"
			+ "SsPGjUQVDGxQDCWjayJOpcwocugux082f49HKYg84EpHSGXAyh+/oxwaWbvL6aSDPOYuPDGOCI8jmnKiypE+";

	static final String B1_ECHO = "P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==";

	static final String B2_ENCRYPT = "RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg"
			+ "3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+k"
			+ "DZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6ti"
			+ "WSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p"
			+ "8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q==";

	@Test
	void urlCheckOfSetADecryptsTheEchoString() {
		assertThat(setA.open("012bc692d0a58dd4b10f8dfe5c4ac00ae211ebeb", "1476416373", "47744683", A1_ECHO))
			.isEqualTo("1288432023552776189");
	}

	@Test
	void eventOfSetADecryptsToItsXmlWithPaddingOf22() {
		assertThat(setA.open("0c3914025cb4b4d68103f6bfc8db550f79dcf48e", "1476422779", "1597212914", A2_ENCRYPT))
			.isEqualTo("<xml><ToUserName>ww1436e0e65a779aee</ToUserName><FromUserName>ChenJiaShun</FromUserName>"
					+ "<CreateTime>1476422779</CreateTime><MsgType>text</MsgType><Content>你好</Content>"
					+ "<MsgId>1456453720</MsgId><AgentID>1000002</AgentID></xml>");
	}

	@Test
	void urlCheckOfSetBDecryptsTheEchoString() {
		assertThat(setB.open("5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3", "1409659589", "263014780", B1_ECHO))
			.isEqualTo("1616140317555161061");
	}

	@Test
	void eventOfSetBDecryptsToItsMultiLineXmlWithPaddingOf30() {
		assertThat(setB.open("477715d11cdb4164915debcba66cb864d751f3e6", "1409659813", "1372623149", B2_ENCRYPT))
			.isEqualTo(String.join("\n", "<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName>",
					"<FromUserName><![CDATA[mycreate]]></FromUserName>", "<CreateTime>1409659813</CreateTime>",
					"<MsgType><![CDATA[text]]></MsgType>", "<Content><![CDATA[hello]]></Content>",
					"<MsgId>4561255354251345929</MsgId>", "<AgentID>218</AgentID>", "</xml>"));
	}

	@Test
	void deterministicEncryptionOfSetCGivesTheKnownCiphertext() {
		CallbackCrypto setC = new CallbackCrypto("any", "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG",
				"wxb11529c136998cb6");
		String cipherText = setC.encrypt("aaaabbbbccccdddd".getBytes(StandardCharsets.US_ASCII), "我是中文abcd123");
		assertThat(cipherText)
			.isEqualTo("jn1L23DB+6ELqJ+6bruv21Y6MD7KeIfP82D6gU39rmkgczbWwt5+3bnyg5K55bgVtVzd832WzZGMhkP72vVOfg==");
		assertThat(setC.decrypt(cipherText)).isEqualTo("我是中文abcd123");
	}

	@Test
	void encryptionRoundTripsWithARandomPrefix() {
		String message = "<xml><Event>change_external_contact</Event></xml>";
		String sealed = setA.encrypt(message);
		assertThat(setA.encrypt(message)).isNotEqualTo(sealed);
		assertThat(setA.open(setA.signature("1", "2", sealed), "1", "2", sealed)).isEqualTo(message);
	}

	@Test
	void forgedSignatureIsRejected() {
		assertThatThrownBy(
				() -> setA.open("012bc692d0a58dd4b10f8dfe5c4ac00ae211ebec", "1476416373", "47744683", A1_ECHO))
			.isInstanceOf(CallbackRejected.class)
			.hasMessageContaining("msg_signature")
			.extracting(ex -> ((CallbackRejected) ex).code())
			.isEqualTo(CallbackRejected.SIGNATURE);
	}

	@Test
	void changedTimestampBreaksTheSignature() {
		assertThatThrownBy(
				() -> setA.open("012bc692d0a58dd4b10f8dfe5c4ac00ae211ebeb", "1476416374", "47744683", A1_ECHO))
			.isInstanceOf(CallbackRejected.class);
	}

	@Test
	void messageForAnotherCorpIsRejectedEvenWithAValidSignature() {
		CallbackCrypto otherCorp = new CallbackCrypto("hJqcu3uJ9Tn2gXPmxx2w9kkCkCE2EPYo",
				"6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt", "ww0000000000000000");
		assertThatThrownBy(
				() -> otherCorp.open("012bc692d0a58dd4b10f8dfe5c4ac00ae211ebeb", "1476416373", "47744683", A1_ECHO))
			.isInstanceOf(CallbackRejected.class)
			.hasMessageContaining("ww1436e0e65a779aee")
			.extracting(ex -> ((CallbackRejected) ex).code())
			.isEqualTo(CallbackRejected.RECEIVE_ID);
	}

	@Test
	void ciphertextThatIsNotBase64OrNotBlockAlignedIsRejected() {
		assertThatThrownBy(() -> setA.decrypt("not base64 at all!")).isInstanceOf(CallbackRejected.class)
			.extracting(ex -> ((CallbackRejected) ex).code())
			.isEqualTo(CallbackRejected.DECRYPT);
		assertThatThrownBy(() -> setA.decrypt("AAAA")).isInstanceOf(CallbackRejected.class);
	}

	@Test
	void ciphertextUnderAnotherKeyFailsOnPaddingOrReceiveId() {
		String sealed = setB.encrypt("hello");
		assertThatThrownBy(() -> setA.decrypt(sealed)).isInstanceOf(CallbackRejected.class);
	}

	@Test
	void aesKeyOfWrongLengthIsRejected() {
		assertThatThrownBy(() -> new CallbackCrypto("t", "tooShort", "corp")).isInstanceOf(CallbackRejected.class)
			.hasMessageContaining("43 characters");
	}

}
