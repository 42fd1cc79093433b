package dev.siyu.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * The API endpoints of the sandbox corp, answering as WeCom does: the same JSON fields,
 * cursors and error codes (40003 unknown user, 84061 no such relation, 41051 welcome code
 * invalid or used, 40096 unknown external user).
 */
final class SandboxApi {

	static final long WELCOME_WINDOW_MILLIS = 20_000;

	private final SandboxCorp corp;

	private final SandboxCallbacks callbacks;

	private final SandboxMessaging messaging;

	private final String baseUrl;

	SandboxApi(SandboxCorp corp, SandboxCallbacks callbacks, String baseUrl) {
		this.baseUrl = baseUrl;
		this.corp = corp;
		this.callbacks = callbacks;
		this.messaging = new SandboxMessaging(corp);
	}

	Map<String, Object> answer(String path, Map<String, String> query, JsonNode body) {
		synchronized (this.corp) {
			return switch (path) {
				case "/user/simplelist", "/user/list" -> staffList();
				case "/externalcontact/get_follow_user_list" -> followUsers();
				case "/externalcontact/list" -> contactsOf(query.get("userid"));
				case "/externalcontact/get" -> contact(query.get("external_userid"));
				case "/externalcontact/batch/get_by_user" -> batchByUser(body);
				case "/externalcontact/get_corp_tag_list" -> corpTags();
				case "/externalcontact/add_corp_tag" -> addCorpTag(body);
				case "/externalcontact/edit_corp_tag" -> editCorpTag(body);
				case "/externalcontact/del_corp_tag" -> deleteCorpTags(body);
				case "/externalcontact/groupchat/list" -> groupList(body);
				case "/externalcontact/groupchat/get" -> group(text(body, "chat_id"));
				case "/externalcontact/add_contact_way" -> addContactWay(body);
				case "/externalcontact/send_welcome_msg" -> welcome(body);
				case "/externalcontact/transfer_customer" -> transfer("onjob", body);
				case "/externalcontact/resigned/transfer_customer" -> transfer("resigned", body);
				case "/externalcontact/transfer_result", "/externalcontact/resigned/transfer_result" ->
					transferResult(body);
				case "/externalcontact/groupchat/transfer", "/externalcontact/groupchat/onjob_transfer" ->
					groupTransfer(body);
				default -> {
					Map<String, Object> answer = this.messaging.answer(path, body);
					yield (answer != null) ? answer : error(60020, "the sandbox does not serve " + path);
				}
			};
		}
	}

	private Map<String, Object> staffList() {
		List<Map<String, Object>> users = new ArrayList<>();
		for (SandboxCorp.Staff staff : this.corp.staff.values()) {
			users.add(Map.of("userid", staff.userId(), "name", staff.name(), "department", List.of(1)));
		}
		Map<String, Object> out = ok();
		out.put("userlist", users);
		return out;
	}

	private Map<String, Object> followUsers() {
		Map<String, Object> out = ok();
		out.put("follow_user", List.copyOf(this.corp.staff.keySet()));
		return out;
	}

	private Map<String, Object> contactsOf(String userId) {
		if (!this.corp.staff.containsKey(userId)) {
			return error(40003, "invalid userid");
		}
		Map<String, Object> out = ok();
		out.put("external_userid",
				this.corp.follows.stream().filter(f -> f.userId.equals(userId)).map(f -> f.externalUserId).toList());
		return out;
	}

	private Map<String, Object> contact(String externalUserId) {
		SandboxCorp.Customer customer = this.corp.customers.get(externalUserId);
		if (customer == null) {
			return error(84061, "not external contact");
		}
		Map<String, Object> out = ok();
		out.put("external_contact", customer(customer));
		out.put("follow_user", this.corp.followsOf(externalUserId).stream().map(this::follow).toList());
		return out;
	}

	private Map<String, Object> batchByUser(JsonNode body) {
		List<String> users = new ArrayList<>();
		body.path("userid_list").forEach(node -> users.add(node.asString()));
		int cursor = parseCursor(text(body, "cursor"));
		int limit = Math.min(100, Math.max(1, body.path("limit").asInt(50)));
		List<SandboxCorp.Follow> matching = this.corp.follows.stream().filter(f -> users.contains(f.userId)).toList();
		List<Map<String, Object>> page = new ArrayList<>();
		for (int i = cursor; i < Math.min(matching.size(), cursor + limit); i++) {
			SandboxCorp.Follow follow = matching.get(i);
			page.add(Map.of("external_contact", customer(this.corp.customers.get(follow.externalUserId)), "follow_info",
					follow(follow)));
		}
		Map<String, Object> out = ok();
		out.put("external_contact_list", page);
		out.put("next_cursor", (cursor + limit < matching.size()) ? Integer.toString(cursor + limit) : "");
		return out;
	}

	private Map<String, Object> corpTags() {
		List<Map<String, Object>> groups = new ArrayList<>();
		for (SandboxCorp.TagGroup group : this.corp.tagGroups.values()) {
			List<Map<String, Object>> tags = new ArrayList<>();
			group.tags()
				.forEach(tag -> tags.add(Map.of("id", tag.id(), "name", tag.name(), "create_time", 1_700_000_000L,
						"order", tag.order(), "deleted", false)));
			groups.add(Map.of("group_id", group.id(), "group_name", group.name(), "create_time", 1_700_000_000L,
					"order", 0, "deleted", false, "tag", tags));
		}
		Map<String, Object> out = ok();
		out.put("tag_group", groups);
		return out;
	}

	private Map<String, Object> addCorpTag(JsonNode body) {
		String groupName = text(body, "group_name");
		String groupId = text(body, "group_id");
		SandboxCorp.TagGroup group = (groupId != null) ? this.corp.tagGroups.get(groupId)
				: this.corp.tagGroups.values()
					.stream()
					.filter(g -> g.name().equals(groupName))
					.findFirst()
					.orElse(null);
		if (group == null) {
			if (groupName == null || groupName.isBlank()) {
				return error(40071, "invalid tag group: group_id or group_name required");
			}
			group = new SandboxCorp.TagGroup(this.corp.next("etGroup"), groupName, List.of());
		}
		List<SandboxCorp.Tag> tags = new ArrayList<>(group.tags());
		List<Map<String, Object>> created = new ArrayList<>();
		for (JsonNode node : body.path("tag")) {
			String name = node.path("name").asString("");
			if (name.isBlank() || tags.stream().anyMatch(tag -> tag.name().equals(name))) {
				return error(40071, "tag name '" + name + "' is empty or exists in the group");
			}
			SandboxCorp.Tag tag = new SandboxCorp.Tag(this.corp.next("etTag"), name, node.path("order").asInt(0));
			tags.add(tag);
			created.add(Map.of("id", tag.id(), "name", tag.name(), "create_time", System.currentTimeMillis() / 1000,
					"order", tag.order()));
		}
		this.corp.tagGroups.put(group.id(), new SandboxCorp.TagGroup(group.id(), group.name(), List.copyOf(tags)));
		Map<String, Object> out = ok();
		out.put("tag_group", Map.of("group_id", group.id(), "group_name", group.name(), "create_time",
				System.currentTimeMillis() / 1000, "order", 0, "tag", created));
		return out;
	}

	private Map<String, Object> editCorpTag(JsonNode body) {
		String id = text(body, "id");
		String name = text(body, "name");
		return this.corp.renameTag(id, name) ? ok() : error(40068, "invalid tag id '" + id + "'");
	}

	private Map<String, Object> deleteCorpTags(JsonNode body) {
		List<String> ids = new ArrayList<>();
		body.path("tag_id").forEach(node -> ids.add(node.asString()));
		body.path("group_id").forEach(node -> this.corp.tagGroups.remove(node.asString()));
		this.corp.tagGroups.replaceAll((groupId, group) -> new SandboxCorp.TagGroup(group.id(), group.name(),
				group.tags().stream().filter(tag -> !ids.contains(tag.id())).toList()));
		return ok();
	}

	private Map<String, Object> groupList(JsonNode body) {
		List<SandboxCorp.Group> all = List.copyOf(this.corp.groups.values());
		int cursor = parseCursor(text(body, "cursor"));
		int limit = Math.min(1000, Math.max(1, body.path("limit").asInt(100)));
		List<Map<String, Object>> page = new ArrayList<>();
		for (int i = cursor; i < Math.min(all.size(), cursor + limit); i++) {
			page.add(Map.of("chat_id", all.get(i).chatId, "status", 0));
		}
		Map<String, Object> out = ok();
		out.put("group_chat_list", page);
		out.put("next_cursor", (cursor + limit < all.size()) ? Integer.toString(cursor + limit) : "");
		return out;
	}

	private Map<String, Object> group(String chatId) {
		SandboxCorp.Group group = this.corp.groups.get(chatId);
		if (group == null) {
			return error(40050, "chatid not found");
		}
		List<Map<String, Object>> members = new ArrayList<>();
		group.members.values()
			.forEach(member -> members.add(Map.of("userid", member.id(), "type", member.type(), "join_time",
					member.joinTime(), "join_scene", member.joinScene())));
		Map<String, Object> chat = new LinkedHashMap<>();
		chat.put("chat_id", group.chatId);
		chat.put("name", group.name);
		chat.put("owner", group.owner);
		chat.put("create_time", group.createTime);
		chat.put("member_list", members);
		chat.put("admin_list", List.of());
		Map<String, Object> out = ok();
		out.put("group_chat", chat);
		return out;
	}

	private Map<String, Object> addContactWay(JsonNode body) {
		String state = text(body, "state");
		if (state != null && state.length() > 30) {
			return error(40058, "state exceeds 30 characters");
		}
		List<String> users = new ArrayList<>();
		body.path("user").forEach(node -> users.add(node.asString()));
		for (String user : users) {
			if (!this.corp.staff.containsKey(user)) {
				return error(40003, "invalid userid " + user);
			}
		}
		if (users.isEmpty()) {
			return error(40058, "user is required");
		}
		String configId = this.corp.next("cfg");
		String qr = this.baseUrl + "/qr/" + configId + ".png";
		this.corp.contactWays.put(configId, new SandboxCorp.ContactWay(configId, state, users, qr));
		Map<String, Object> out = ok();
		out.put("config_id", configId);
		out.put("qr_code", qr);
		return out;
	}

	private Map<String, Object> welcome(JsonNode body) {
		SandboxCorp.WelcomeCode code = this.corp.welcomeCodes.get(text(body, "welcome_code"));
		long now = System.currentTimeMillis();
		if (code == null || code.usedAt != 0 || (code.issuedAt > 0 && now - code.issuedAt > WELCOME_WINDOW_MILLIS)) {
			return error(41051, "invalid welcome_code: unknown, used, or older than 20 s");
		}
		code.usedAt = now;
		code.text = body.path("text").path("content").asString(null);
		return ok();
	}

	private Map<String, Object> transfer(String kind, JsonNode body) {
		String handover = text(body, "handover_userid");
		String takeover = text(body, "takeover_userid");
		if (!this.corp.staff.containsKey(takeover)) {
			return error(40003, "invalid takeover_userid");
		}
		List<Map<String, Object>> results = new ArrayList<>();
		body.path("external_userid").forEach(node -> {
			String external = node.asString();
			SandboxCorp.Follow follow = this.corp.follow(handover, external);
			int errcode = 0;
			if (follow == null) {
				errcode = 84061;
			}
			else if (this.corp.transfers.stream().filter(t -> t.target().equals(external)).count() >= 2) {
				errcode = 40097;
			}
			else {
				this.corp.transfers
					.add(new SandboxCorp.Transfer(kind, handover, takeover, external, System.currentTimeMillis()));
				if (external.hashCode() % 7 == 0) {
					this.callbacks.transferFailed(takeover, external, "customer_refused");
				}
				else {
					this.corp.follows.remove(follow);
					SandboxCorp.Follow moved = new SandboxCorp.Follow(takeover, external, follow.state, follow.addWay,
							System.currentTimeMillis() / 1000);
					moved.remark = follow.remark;
					moved.remarkMobiles = follow.remarkMobiles;
					moved.tagIds = follow.tagIds;
					this.corp.follows.add(moved);
				}
			}
			results.add(Map.of("external_userid", external, "errcode", errcode));
		});
		Map<String, Object> out = ok();
		out.put("customer", results);
		return out;
	}

	private Map<String, Object> transferResult(JsonNode body) {
		String takeover = text(body, "takeover_userid");
		List<Map<String, Object>> results = new ArrayList<>();
		this.corp.transfers.stream()
			.filter(t -> t.takeover().equals(takeover))
			.forEach(t -> results.add(Map.of("external_userid", t.target(), "status",
					(this.corp.follow(takeover, t.target()) != null) ? 1 : 3, "takeover_time", t.at() / 1000)));
		Map<String, Object> out = ok();
		out.put("customer", results);
		out.put("next_cursor", "");
		return out;
	}

	private Map<String, Object> groupTransfer(JsonNode body) {
		String owner = text(body, "new_owner");
		List<Map<String, Object>> failed = new ArrayList<>();
		body.path("chat_id_list").forEach(node -> {
			SandboxCorp.Group group = this.corp.groups.get(node.asString());
			if (group == null) {
				failed.add(Map.of("chat_id", node.asString(), "errcode", 40050, "errmsg", "chatid not found"));
			}
			else {
				group.owner = owner;
			}
		});
		Map<String, Object> out = ok();
		out.put("failed_chat_list", failed);
		return out;
	}

	private static Map<String, Object> customer(SandboxCorp.Customer customer) {
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("external_userid", customer.externalUserId());
		out.put("name", customer.name());
		out.put("type", 1);
		out.put("gender", customer.gender());
		if (customer.unionId() != null) {
			out.put("unionid", customer.unionId());
		}
		return out;
	}

	private Map<String, Object> follow(SandboxCorp.Follow follow) {
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("userid", follow.userId);
		out.put("remark", (follow.remark != null) ? follow.remark : "");
		out.put("description", "");
		out.put("createtime", follow.createTime);
		out.put("tag_id", follow.tagIds);
		out.put("remark_mobiles", follow.remarkMobiles);
		out.put("add_way", follow.addWay);
		if (follow.state != null) {
			out.put("state", follow.state);
		}
		return out;
	}

	static int parseCursor(String cursor) {
		try {
			return (cursor == null || cursor.isEmpty()) ? 0 : Integer.parseInt(cursor);
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	private static String text(JsonNode body, String field) {
		JsonNode node = body.get(field);
		return (node == null || node.isNull()) ? null : node.asString();
	}

	static Map<String, Object> ok() {
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("errcode", 0);
		out.put("errmsg", "ok");
		return out;
	}

	static Map<String, Object> error(int code, String message) {
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("errcode", code);
		out.put("errmsg", message);
		return out;
	}

}
