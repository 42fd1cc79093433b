package dev.siyu.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a sandbox corp holds: staff, customers and who follows whom, corp tags, groups,
 * channel codes, welcome codes and transfers. Guarded by its own monitor.
 */
final class SandboxCorp {

	final Map<String, Staff> staff = new LinkedHashMap<>();

	final Map<String, Customer> customers = new LinkedHashMap<>();

	final List<Follow> follows = new ArrayList<>();

	final Map<String, TagGroup> tagGroups = new LinkedHashMap<>();

	final Map<String, Group> groups = new LinkedHashMap<>();

	final Map<String, ContactWay> contactWays = new LinkedHashMap<>();

	final Map<String, WelcomeCode> welcomeCodes = new LinkedHashMap<>();

	final List<Transfer> transfers = new ArrayList<>();

	long welcomeRefusals;

	final Map<String, MassTask> massTasks = new LinkedHashMap<>();

	/**
	 * Mass messages each customer received, as epoch millis: WeCom caps them per month.
	 */
	final Map<String, List<Long>> massReceived = new LinkedHashMap<>();

	/** Staff who never confirm mass sends in their client. */
	final java.util.Set<String> ignoringMassSends = new java.util.HashSet<>();

	long massConfirmDelayMillis = 1500;

	/** Media ids of images uploaded to the corp (media/upload), valid for attachments. */
	final java.util.Set<String> media = new java.util.HashSet<>();

	/** The mini-program linked to the corp: attachments may open its pages. */
	final String miniprogramAppId = "wxsandbox0mini0app";

	/** The next mark_tag calls WeCom refuses as over its frequency limit (45009). */
	int markTagLimited;

	final AtomicLong sequence = new AtomicLong(1000);

	/**
	 * Distinguishes what this run creates from what an earlier run of the same corp did.
	 */
	final String epoch = Long.toString(System.currentTimeMillis() / 1000, 36);

	/** Renames a corp tag; false when there is none of that id. */
	boolean renameTag(String id, String name) {
		for (TagGroup group : this.tagGroups.values()) {
			if (group.tags().stream().anyMatch(tag -> tag.id().equals(id))) {
				this.tagGroups.put(group.id(),
						new TagGroup(group.id(), group.name(),
								group.tags()
									.stream()
									.map(tag -> tag.id().equals(id) ? new Tag(id, name, tag.order()) : tag)
									.toList()));
				return true;
			}
		}
		return false;
	}

	String next(String prefix) {
		return prefix + this.sequence.incrementAndGet();
	}

	List<Follow> followsOf(String externalUserId) {
		return this.follows.stream().filter(f -> f.externalUserId.equals(externalUserId)).toList();
	}

	Follow follow(String userId, String externalUserId) {
		return this.follows.stream()
			.filter(f -> f.userId.equals(userId) && f.externalUserId.equals(externalUserId))
			.findFirst()
			.orElse(null);
	}

	record Staff(String userId, String name, String store) {
	}

	record Customer(String externalUserId, String name, String unionId, int gender) {
	}

	static final class Follow {

		final String userId;

		final String externalUserId;

		String remark;

		List<String> remarkMobiles;

		String state;

		int addWay;

		long createTime;

		List<String> tagIds = new ArrayList<>();

		Follow(String userId, String externalUserId, String state, int addWay, long createTime) {
			this.userId = userId;
			this.externalUserId = externalUserId;
			this.state = state;
			this.addWay = addWay;
			this.createTime = createTime;
			this.remarkMobiles = new ArrayList<>();
		}

	}

	record Tag(String id, String name, int order) {
	}

	record TagGroup(String id, String name, List<Tag> tags) {
	}

	static final class Group {

		final String chatId;

		String name;

		String owner;

		final long createTime;

		final Map<String, Member> members = new LinkedHashMap<>();

		Group(String chatId, String name, String owner, long createTime) {
			this.chatId = chatId;
			this.name = name;
			this.owner = owner;
			this.createTime = createTime;
		}

	}

	record Member(String id, int type, long joinTime, int joinScene) {
	}

	record ContactWay(String configId, String state, List<String> users, String qrCode) {
	}

	static final class WelcomeCode {

		final String code;

		final String externalUserId;

		final long issuedAt;

		long usedAt;

		String text;

		WelcomeCode(String code, String externalUserId, long issuedAt) {
			this.code = code;
			this.externalUserId = externalUserId;
			this.issuedAt = issuedAt;
		}

	}

	/**
	 * A mass send task: the sender confirms it in the client some time after it was made.
	 */
	static final class MassTask {

		final String msgid;

		final String chatType;

		final String sender;

		final List<String> externalUserIds;

		final long createdAt;

		String text;

		/** The attachments as add_msg_template received them, null when none. */
		tools.jackson.databind.JsonNode attachments;

		long sentAt;

		/**
		 * Target (external user id or chat id) to status: 1 sent, 2 not a friend, 3
		 * limit.
		 */
		final Map<String, Integer> results = new LinkedHashMap<>();

		MassTask(String msgid, String chatType, String sender, List<String> externalUserIds, long createdAt) {
			this.msgid = msgid;
			this.chatType = chatType;
			this.sender = sender;
			this.externalUserIds = externalUserIds;
			this.createdAt = createdAt;
		}

	}

	record Transfer(String kind, String handover, String takeover, String target, long at) {
	}

}
