package dev.siyu.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * What people do in the sandbox corp's WeCom clients: customers scan channel codes and
 * become friends, delete staff, join and leave groups. Each action changes the corp and
 * pushes the callback WeCom would push.
 */
public final class SandboxActivity {

	private static final String[] SURNAMES = { "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴" };

	private static final String[] GIVEN = { "晓", "明", "静", "伟", "芳", "娜", "敏", "磊", "丽", "强", "婷", "杰" };

	private final SandboxCorp corp;

	private final SandboxCallbacks callbacks;

	SandboxActivity(SandboxCorp corp, SandboxCallbacks callbacks) {
		this.corp = corp;
		this.callbacks = callbacks;
	}

	/**
	 * A corp with staff (guides at stores), corp tags, customers already added by staff
	 * and groups; the given mobiles are the phones customers leave as remarks, so they
	 * can meet buyers known from orders. No callbacks: this is the corp as it was.
	 */
	public void seed(long seed, int staff, int customers, int groups, List<String> mobiles) {
		Random random = new Random(seed);
		synchronized (this.corp) {
			for (int i = 1; i <= staff; i++) {
				String id = "guide" + String.format("%02d", i);
				this.corp.staff.put(id, new SandboxCorp.Staff(id, "导购" + name(random), "store" + (1 + i % 3)));
			}
			this.corp.tagGroups.put("etGroupLevel", new SandboxCorp.TagGroup("etGroupLevel", "客户等级",
					List.of(new SandboxCorp.Tag("etVip", "VIP", 1), new SandboxCorp.Tag("etNew", "新客", 2))));
			this.corp.tagGroups.put("etGroupSource", new SandboxCorp.TagGroup("etGroupSource", "来源",
					List.of(new SandboxCorp.Tag("etTmall", "天猫", 1), new SandboxCorp.Tag("etStore", "门店", 2))));
			List<String> staffIds = List.copyOf(this.corp.staff.keySet());
			long now = System.currentTimeMillis() / 1000;
			for (int i = 0; i < customers; i++) {
				String external = this.corp.next("wmSeed");
				String mobile = (i < mobiles.size()) ? mobiles.get(i) : null;
				customer(random, external);
				SandboxCorp.Follow follow = new SandboxCorp.Follow(staffIds.get(random.nextInt(staffIds.size())),
						external, (random.nextInt(3) == 0) ? "store-opening" : null, 1 + random.nextInt(3),
						now - 86_400L * (1 + random.nextInt(300)));
				if (mobile != null) {
					follow.remarkMobiles = List.of(mobile);
				}
				follow.tagIds = new ArrayList<>(List.of((random.nextBoolean()) ? "etVip" : "etNew"));
				this.corp.follows.add(follow);
				if (Math.floorMod(external.hashCode(), 6) == 0) {
					// the brand sent this month's mass messages to some customers from
					// WeCom's own console
					long at = System.currentTimeMillis();
					this.corp.massReceived.put(external, new ArrayList<>(List.of(at, at, at, at)));
				}
			}
			List<String> externals = List.copyOf(this.corp.customers.keySet());
			for (int g = 1; g <= groups; g++) {
				String owner = staffIds.get(g % staffIds.size());
				SandboxCorp.Group group = new SandboxCorp.Group(this.corp.next("wrSeed"), "会员福利群" + g, owner,
						now - 86_400L * 60);
				group.members.put(owner, new SandboxCorp.Member(owner, 1, group.createTime, 0));
				int size = Math.min(externals.size(), 5 + random.nextInt(30));
				for (int m = 0; m < size; m++) {
					String member = externals.get(random.nextInt(externals.size()));
					group.members.put(member,
							new SandboxCorp.Member(member, 2, group.createTime + random.nextInt(86_400 * 30), 3));
				}
				this.corp.groups.put(group.chatId, group);
			}
		}
	}

	/**
	 * A customer scans a channel code (or is added) and becomes the staff member's
	 * friend.
	 */
	public Added addFriend(String userId, String state, String mobile) {
		String external;
		String welcomeCode;
		synchronized (this.corp) {
			if (!this.corp.staff.containsKey(userId)) {
				throw new IllegalArgumentException("the sandbox corp has no staff member '" + userId + "'");
			}
			external = this.corp.next("wmNew" + this.corp.epoch + "x");
			customer(new Random(external.hashCode()), external);
			SandboxCorp.Follow follow = new SandboxCorp.Follow(userId, external, state, 1,
					System.currentTimeMillis() / 1000);
			if (mobile != null) {
				follow.remarkMobiles = List.of(mobile);
			}
			this.corp.follows.add(follow);
			welcomeCode = this.corp.next("WELCOME" + this.corp.epoch + "x");
			this.corp.welcomeCodes.put(welcomeCode,
					new SandboxCorp.WelcomeCode(welcomeCode, external, System.currentTimeMillis()));
		}
		this.callbacks.contactEvent("add_external_contact", userId, external,
				((state != null) ? "<State><![CDATA[" + state + "]]></State>" : "") + "<WelcomeCode><![CDATA["
						+ welcomeCode + "]]></WelcomeCode>");
		return new Added(external, welcomeCode);
	}

	/**
	 * The customer deletes the staff member (the first who follows them, when none is
	 * named).
	 */
	public void customerDeletes(String userId, String externalUserId) {
		String staff;
		synchronized (this.corp) {
			List<SandboxCorp.Follow> follows = this.corp.followsOf(externalUserId);
			SandboxCorp.Follow follow = follows.stream()
				.filter(f -> userId == null || f.userId.equals(userId))
				.findFirst()
				.orElseThrow(() -> new IllegalArgumentException("nobody follows " + externalUserId));
			this.corp.follows.remove(follow);
			staff = follow.userId;
		}
		this.callbacks.contactEvent("del_follow_user", staff, externalUserId, "");
	}

	/**
	 * The customer deletes the staff member, and WeCom's callback never arrives: siyu
	 * still believes they are friends.
	 */
	public void customerDeletesUnnoticed(String userId, String externalUserId) {
		synchronized (this.corp) {
			this.corp.follows.remove(this.corp.follow(userId, externalUserId));
		}
	}

	/**
	 * The customer adds the staff member again, and again the callback never arrives.
	 */
	public void befriendAgainUnnoticed(String userId, String externalUserId) {
		synchronized (this.corp) {
			if (this.corp.follow(userId, externalUserId) == null) {
				this.corp.follows
					.add(new SandboxCorp.Follow(userId, externalUserId, null, 1, System.currentTimeMillis() / 1000));
			}
		}
	}

	/** WeCom answers the next {@code calls} mark_tag calls with its frequency limit. */
	public void limitMarkTag(int calls) {
		synchronized (this.corp) {
			this.corp.markTagLimited = calls;
		}
	}

	/** A customer joins a group by its QR code. */
	public void joinGroup(String chatId, String externalUserId) {
		synchronized (this.corp) {
			SandboxCorp.Group group = this.corp.groups.get(chatId);
			group.members.put(externalUserId,
					new SandboxCorp.Member(externalUserId, 2, System.currentTimeMillis() / 1000, 3));
		}
		this.callbacks.chatEvent(chatId, "update",
				"<UpdateDetail><![CDATA[add_member]]></UpdateDetail>"
						+ "<JoinScene>3</JoinScene><MemChangeCnt>1</MemChangeCnt><MemChangeList><Item><![CDATA["
						+ externalUserId + "]]></Item></MemChangeList>");
	}

	/** A customer leaves a group. */
	public void quitGroup(String chatId, String externalUserId) {
		synchronized (this.corp) {
			this.corp.groups.get(chatId).members.remove(externalUserId);
		}
		this.callbacks.chatEvent(chatId, "update",
				"<UpdateDetail><![CDATA[del_member]]></UpdateDetail>"
						+ "<QuitScene>0</QuitScene><MemChangeCnt>1</MemChangeCnt><MemChangeList><Item><![CDATA["
						+ externalUserId + "]]></Item></MemChangeList>");
	}

	/**
	 * Registers welcome codes made elsewhere (by a benchmark's sender), valid once and
	 * without the 20 s limit, whose use is then measured.
	 */
	public void acceptWelcomeCodes(List<String> codes) {
		synchronized (this.corp) {
			for (String code : codes) {
				this.corp.welcomeCodes.put(code, new SandboxCorp.WelcomeCode(code, null, 0));
			}
		}
	}

	/**
	 * An administrator renames a corp tag in the WeCom admin console; WeCom sends
	 * change_external_tag.
	 */
	public void renameCorpTag(String tagId, String name) {
		synchronized (this.corp) {
			if (!this.corp.renameTag(tagId, name)) {
				throw new IllegalArgumentException("no corp tag " + tagId);
			}
		}
		this.callbacks.tagEvent("update", tagId);
	}

	/** The corp's tags as WeCom has them: tag id to name. */
	public Map<String, String> corpTags() {
		synchronized (this.corp) {
			Map<String, String> out = new LinkedHashMap<>();
			this.corp.tagGroups.values().forEach(group -> group.tags().forEach(tag -> out.put(tag.id(), tag.name())));
			return out;
		}
	}

	/** How long staff take to confirm a mass send in their client. */
	public void confirmMassSendsAfter(java.time.Duration delay) {
		synchronized (this.corp) {
			this.corp.massConfirmDelayMillis = delay.toMillis();
		}
	}

	/** The staff member never confirms mass sends (tasks stay unsent). */
	public void ignoreMassSends(String userId) {
		synchronized (this.corp) {
			this.corp.ignoringMassSends.add(userId);
		}
	}

	/** Mass messages the customer received this month. */
	public long massMessagesThisMonth(String externalUserId) {
		synchronized (this.corp) {
			return SandboxMessaging.thisMonth(this.corp.massReceived.getOrDefault(externalUserId, List.of()),
					System.currentTimeMillis());
		}
	}

	/** Uploads an image as media/upload would; answers its media id. */
	public String uploadImage() {
		synchronized (this.corp) {
			String id = this.corp.next("3media" + this.corp.epoch + "x");
			this.corp.media.add(id);
			return id;
		}
	}

	/** The app id of the mini-program linked to the corp. */
	public String miniprogramAppId() {
		return this.corp.miniprogramAppId;
	}

	/** The attachments (a JSON array) of the mass send task made with this msgid. */
	public String massTaskAttachments(String msgid) {
		synchronized (this.corp) {
			SandboxCorp.MassTask task = this.corp.massTasks.get(msgid);
			if (task == null) {
				throw new IllegalArgumentException("no mass send task " + msgid);
			}
			return (task.attachments != null) ? task.attachments.toString() : "[]";
		}
	}

	/** Mass send tasks made through add_msg_template so far. */
	public int massTasks() {
		synchronized (this.corp) {
			return this.corp.massTasks.size();
		}
	}

	/** The corp tags on a follow relation. */
	public List<String> tagsOf(String userId, String externalUserId) {
		synchronized (this.corp) {
			SandboxCorp.Follow follow = this.corp.follow(userId, externalUserId);
			return (follow != null) ? List.copyOf(follow.tagIds) : List.of();
		}
	}

	/**
	 * A staff member puts a corp tag on a customer (or takes it off) in the client; WeCom
	 * sends edit_external_contact.
	 */
	public void staffTags(String userId, String externalUserId, String tagId, boolean on) {
		synchronized (this.corp) {
			SandboxCorp.Follow follow = this.corp.follow(userId, externalUserId);
			if (follow == null) {
				throw new IllegalArgumentException(userId + " does not follow " + externalUserId);
			}
			List<String> tags = new ArrayList<>(follow.tagIds);
			tags.remove(tagId);
			if (on) {
				tags.add(tagId);
			}
			follow.tagIds = tags;
		}
		this.callbacks.contactEvent("edit_external_contact", userId, externalUserId, "");
	}

	/** Messages posted in a group on a day, as groupchat/statistic counts them. */
	public static int groupMessages(String chatId, java.time.LocalDate day) {
		return SandboxMessaging.messages(chatId, day);
	}

	/** The owner of a group. */
	public String ownerOf(String chatId) {
		synchronized (this.corp) {
			return this.corp.groups.get(chatId).owner;
		}
	}

	public List<String> staff() {
		synchronized (this.corp) {
			return List.copyOf(this.corp.staff.keySet());
		}
	}

	public List<String> groups() {
		synchronized (this.corp) {
			return List.copyOf(this.corp.groups.keySet());
		}
	}

	private void customer(Random random, String external) {
		this.corp.customers.put(external, new SandboxCorp.Customer(external, name(random),
				(random.nextInt(4) == 0) ? null : "oUnion" + external.substring(2), 1 + random.nextInt(2)));
	}

	private static String name(Random random) {
		return SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)]
				+ ((random.nextBoolean()) ? GIVEN[random.nextInt(GIVEN.length)] : "");
	}

	/**
	 * A new friend: the customer's external user id and the welcome code WeCom issued.
	 */
	public record Added(String externalUserId, String welcomeCode) {
	}

}
