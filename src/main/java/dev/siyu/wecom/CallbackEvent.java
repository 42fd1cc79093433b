package dev.siyu.wecom;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * A decrypted callback: the envelope fields every handler needs, the whole XML for the
 * rest, and the natural key that makes WeCom's retries and replays one event.
 */
record CallbackEvent(String corpId, String msgType, String event, String changeType, String userId,
		String externalUserId, String chatId, String tagId, long createTime, String state, String welcomeCode,
		String xml) {

	static final String CONTACT = "change_external_contact";

	static final String CHAT = "change_external_chat";

	static final String TAG = "change_external_tag";

	static CallbackEvent parse(String xml) {
		Xml fields = Xml.parse(xml);
		String createTime = fields.get("CreateTime");
		long created;
		try {
			created = (createTime != null) ? Long.parseLong(createTime) : 0;
		}
		catch (NumberFormatException ex) {
			throw new CallbackRejected(CallbackRejected.XML, "CreateTime '" + createTime + "' is not a number");
		}
		String event = fields.get("Event");
		if ("event".equals(fields.get("MsgType")) && event == null) {
			throw new CallbackRejected(CallbackRejected.XML, "an event message without <Event>");
		}
		return new CallbackEvent(fields.get("ToUserName"), fields.get("MsgType"), event, fields.get("ChangeType"),
				fields.get("UserID"), fields.get("ExternalUserID"), fields.get("ChatId"), fields.get("Id"), created,
				fields.get("State"), fields.get("WelcomeCode"), xml);
	}

	Instant at() {
		return Instant.ofEpochSecond(this.createTime);
	}

	Xml fields() {
		return Xml.parse(this.xml);
	}

	/**
	 * (Event, ChangeType, UserID, ExternalUserID or ChatId or Id, CreateTime); a group
	 * update also names its detail and members, since two updates can share a second. A
	 * message without an event is keyed by its MsgId, or else by its whole text.
	 */
	String dedupKey() {
		if (this.event != null) {
			String subject = (this.externalUserId != null) ? this.externalUserId
					: (this.chatId != null) ? this.chatId : this.tagId;
			String key = String.join("|", this.event, nz(this.changeType), nz(this.userId), nz(subject),
					Long.toString(this.createTime));
			if (CHAT.equals(this.event) && "update".equals(this.changeType)) {
				Xml fields = fields();
				List<String> members = fields.items("MemChangeList");
				key += "|" + nz(fields.get("UpdateDetail")) + "|" + sha256(String.join(",", members));
			}
			return key;
		}
		String msgId = fields().get("MsgId");
		return (msgId != null) ? "msg|" + msgId : "text|" + sha256(this.xml);
	}

	private static String nz(String text) {
		return (text != null) ? text : "";
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)))
				.substring(0, 32);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
