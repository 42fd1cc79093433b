package dev.siyu.sandbox;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * The sandbox corp's mass sends (add_msg_template and its task and result reports), corp
 * tags on customers (mark_tag) and group message statistics, as WeCom answers them. A
 * staff member confirms a mass task in the client some time after it was made; then each
 * customer receives it unless no longer a friend of the sender or already at the monthly
 * limit of mass messages.
 */
final class SandboxMessaging {

	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	static final int MONTHLY_LIMIT = 4;

	private final SandboxCorp corp;

	SandboxMessaging(SandboxCorp corp) {
		this.corp = corp;
	}

	/** The answer, or null for a path this class does not serve. */
	Map<String, Object> answer(String path, JsonNode body) {
		return switch (path) {
			case "/externalcontact/add_msg_template" -> addTemplate(body);
			case "/externalcontact/get_groupmsg_task" -> task(body);
			case "/externalcontact/get_groupmsg_list_v2" -> list(body);
			case "/externalcontact/get_groupmsg_send_result" -> sendResult(body);
			case "/externalcontact/mark_tag" -> markTag(body);
			case "/externalcontact/groupchat/statistic" -> groupStatistic(body);
			default -> null;
		};
	}

	private Map<String, Object> addTemplate(JsonNode body) {
		String chatType = text(body, "chat_type", "single");
		String sender = text(body, "sender", null);
		if (!chatType.equals("single") && !chatType.equals("group")) {
			return SandboxApi.error(41048, "invalid chat_type");
		}
		if (sender == null || !this.corp.staff.containsKey(sender)) {
			return SandboxApi.error(40003, "invalid userid (sender)");
		}
		String content = body.path("text").path("content").asString("");
		if (content.isBlank() && body.path("attachments").isEmpty()) {
			return SandboxApi.error(41049, "text or attachments required");
		}
		Map<String, Object> refused = refusedAttachments(body.path("attachments"));
		if (refused != null) {
			return refused;
		}
		List<String> valid = new ArrayList<>();
		List<String> failed = new ArrayList<>();
		if (chatType.equals("group")) {
			body.path("chat_id_list").forEach(node -> valid.add(node.asString()));
		}
		if (chatType.equals("single")) {
			body.path("external_userid").forEach(node -> {
				String external = node.asString();
				(this.corp.follow(sender, external) != null ? valid : failed).add(external);
			});
			if (valid.isEmpty() && failed.isEmpty()) {
				return SandboxApi.error(40058, "external_userid required for chat_type single");
			}
			if (valid.size() + failed.size() > 10_000) {
				return SandboxApi.error(40058, "at most 10000 external_userid per task");
			}
		}
		String msgid = "msg" + this.corp.epoch + this.corp.next("x");
		SandboxCorp.MassTask task = new SandboxCorp.MassTask(msgid, chatType, sender, valid,
				System.currentTimeMillis());
		task.text = content;
		task.attachments = body.path("attachments").isArray() ? body.path("attachments") : null;
		this.corp.massTasks.put(msgid, task);
		Map<String, Object> out = SandboxApi.ok();
		out.put("fail_list", failed);
		out.put("msgid", msgid);
		return out;
	}

	/**
	 * WeCom's checks of attachments: at most 9; an image by a known media id or a picture
	 * address; a link with title and url; a mini-program of the corp's linked app with
	 * title, cover media id and a page ending in .html. Null when they pass.
	 */
	private Map<String, Object> refusedAttachments(JsonNode attachments) {
		if (attachments.size() > 9) {
			return SandboxApi.error(41050, "attachments count exceed limit 9");
		}
		for (JsonNode attachment : attachments) {
			String type = attachment.path("msgtype").asString("");
			JsonNode part = attachment.path(type);
			switch (type) {
				case "image" -> {
					String media = part.path("media_id").asString("");
					if (media.isEmpty() ? part.path("pic_url").asString("").isEmpty()
							: !this.corp.media.contains(media)) {
						return SandboxApi.error(40007, "invalid media_id");
					}
				}
				case "link" -> {
					if (part.path("title").asString("").isEmpty() || part.path("url").asString("").isEmpty()) {
						return SandboxApi.error(40058, "link title and url required");
					}
				}
				case "miniprogram" -> {
					if (!this.corp.miniprogramAppId.equals(part.path("appid").asString(""))) {
						return SandboxApi.error(40013, "invalid appid: not linked to the corp");
					}
					if (part.path("title").asString("").isEmpty()
							|| !part.path("page").asString("").endsWith(".html")) {
						return SandboxApi.error(40058, "miniprogram title and page (.html) required");
					}
					if (!this.corp.media.contains(part.path("pic_media_id").asString(""))) {
						return SandboxApi.error(40007, "invalid pic_media_id");
					}
				}
				default -> {
					return SandboxApi.error(40008, "invalid message type '" + type + "'");
				}
			}
		}
		return null;
	}

	/** Confirms the task if its sender has got round to it: customers receive it now. */
	private void settle(SandboxCorp.MassTask task) {
		long now = System.currentTimeMillis();
		if (task.sentAt != 0 || this.corp.ignoringMassSends.contains(task.sender)
				|| now - task.createdAt < this.corp.massConfirmDelayMillis) {
			return;
		}
		task.sentAt = now;
		if (task.chatType.equals("group")) {
			this.corp.groups.values()
				.stream()
				.filter(group -> task.sender.equals(group.owner))
				.filter(group -> task.externalUserIds.isEmpty() || task.externalUserIds.contains(group.chatId))
				.forEach(group -> task.results.put(group.chatId, 1));
			return;
		}
		for (String external : task.externalUserIds) {
			List<Long> received = this.corp.massReceived.computeIfAbsent(external, e -> new ArrayList<>());
			if (this.corp.follow(task.sender, external) == null) {
				task.results.put(external, 2);
			}
			else if (thisMonth(received, now) >= MONTHLY_LIMIT) {
				task.results.put(external, 3);
			}
			else {
				received.add(now);
				task.results.put(external, 1);
			}
		}
	}

	static long thisMonth(List<Long> received, long now) {
		LocalDate month = LocalDate.ofInstant(Instant.ofEpochMilli(now), CHINA).withDayOfMonth(1);
		return received.stream()
			.filter(at -> !LocalDate.ofInstant(Instant.ofEpochMilli(at), CHINA).isBefore(month))
			.count();
	}

	private Map<String, Object> task(JsonNode body) {
		SandboxCorp.MassTask task = this.corp.massTasks.get(text(body, "msgid", ""));
		if (task == null) {
			return SandboxApi.error(41063, "invalid msgid");
		}
		settle(task);
		Map<String, Object> info = new LinkedHashMap<>();
		info.put("userid", task.sender);
		info.put("status", (task.sentAt != 0) ? 2 : 0);
		if (task.sentAt != 0) {
			info.put("send_time", task.sentAt / 1000);
		}
		Map<String, Object> out = SandboxApi.ok();
		out.put("next_cursor", "");
		out.put("task_list", List.of(info));
		return out;
	}

	/** Mass sends made between start_time and end_time, by creator. */
	private Map<String, Object> list(JsonNode body) {
		long start = body.path("start_time").asLong(0);
		long end = body.path("end_time").asLong(0);
		if (start <= 0 || end < start) {
			return SandboxApi.error(40058, "start_time and end_time required, start before end");
		}
		String chatType = text(body, "chat_type", "single");
		String creator = text(body, "creator", null);
		List<Map<String, Object>> list = new ArrayList<>();
		for (SandboxCorp.MassTask task : this.corp.massTasks.values()) {
			long created = task.createdAt / 1000;
			if (task.chatType.equals(chatType) && created >= start && created <= end
					&& (creator == null || creator.equals(task.sender))) {
				Map<String, Object> row = new LinkedHashMap<>();
				row.put("msgid", task.msgid);
				row.put("creator", task.sender);
				row.put("create_type", 0);
				row.put("create_time", created);
				row.put("text", Map.of("content", (task.text != null) ? task.text : ""));
				if (task.attachments != null) {
					row.put("attachments", task.attachments);
				}
				list.add(row);
			}
		}
		Map<String, Object> out = SandboxApi.ok();
		out.put("next_cursor", "");
		out.put("group_msg_list", list);
		return out;
	}

	private Map<String, Object> sendResult(JsonNode body) {
		SandboxCorp.MassTask task = this.corp.massTasks.get(text(body, "msgid", ""));
		if (task == null) {
			return SandboxApi.error(41063, "invalid msgid");
		}
		String userid = text(body, "userid", "");
		settle(task);
		List<String> targets = (task.sentAt != 0) ? List.copyOf(task.results.keySet())
				: task.chatType.equals("single") ? task.externalUserIds : List.of();
		int cursor = SandboxApi.parseCursor(text(body, "cursor", null));
		int limit = Math.min(1000, Math.max(1, body.path("limit").asInt(500)));
		List<Map<String, Object>> page = new ArrayList<>();
		if (userid.equals(task.sender)) {
			for (int i = cursor; i < Math.min(targets.size(), cursor + limit); i++) {
				String target = targets.get(i);
				int status = task.results.getOrDefault(target, 0);
				Map<String, Object> row = new LinkedHashMap<>();
				row.put(task.chatType.equals("group") ? "chat_id" : "external_userid", target);
				row.put("userid", task.sender);
				row.put("status", status);
				if (status == 1) {
					row.put("send_time", task.sentAt / 1000);
				}
				page.add(row);
			}
		}
		Map<String, Object> out = SandboxApi.ok();
		out.put("send_list", page);
		out.put("next_cursor", (cursor + limit < targets.size()) ? Integer.toString(cursor + limit) : "");
		return out;
	}

	private Map<String, Object> markTag(JsonNode body) {
		if (this.corp.markTagLimited > 0) {
			this.corp.markTagLimited--;
			return SandboxApi.error(45009, "api freq out of limit");
		}
		SandboxCorp.Follow follow = this.corp.follow(text(body, "userid", ""), text(body, "external_userid", ""));
		if (follow == null) {
			return SandboxApi.error(84061, "not external contact of the user");
		}
		List<String> known = new ArrayList<>();
		this.corp.tagGroups.values().forEach(group -> group.tags().forEach(tag -> known.add(tag.id())));
		List<String> add = new ArrayList<>();
		List<String> remove = new ArrayList<>();
		body.path("add_tag").forEach(node -> add.add(node.asString()));
		body.path("remove_tag").forEach(node -> remove.add(node.asString()));
		if (add.isEmpty() && remove.isEmpty()) {
			return SandboxApi.error(40068, "add_tag or remove_tag required");
		}
		for (String tag : add) {
			if (!known.contains(tag)) {
				return SandboxApi.error(40068, "invalid tagid " + tag);
			}
		}
		List<String> tags = new ArrayList<>(follow.tagIds);
		add.stream().filter(tag -> !tags.contains(tag)).forEach(tags::add);
		tags.removeAll(remove);
		follow.tagIds = tags;
		return SandboxApi.ok();
	}

	private Map<String, Object> groupStatistic(JsonNode body) {
		long begin = body.path("day_begin_time").asLong(0);
		if (begin <= 0) {
			return SandboxApi.error(40058, "day_begin_time required");
		}
		LocalDate day = LocalDate.ofInstant(Instant.ofEpochSecond(begin), CHINA);
		long dayStart = day.atStartOfDay(CHINA).toEpochSecond();
		long dayEnd = dayStart + 86_400;
		List<String> owners = new ArrayList<>();
		body.path("owner_filter").path("userid_list").forEach(node -> owners.add(node.asString()));
		if (owners.isEmpty()) {
			this.corp.groups.values().stream().map(group -> group.owner).distinct().forEach(owners::add);
		}
		List<Map<String, Object>> items = new ArrayList<>();
		for (String owner : owners) {
			List<SandboxCorp.Group> groups = this.corp.groups.values()
				.stream()
				.filter(group -> owner.equals(group.owner) && group.createTime < dayEnd)
				.toList();
			int messages = 0;
			int withMessages = 0;
			int members = 0;
			int newMembers = 0;
			int newChats = 0;
			for (SandboxCorp.Group group : groups) {
				int count = messages(group.chatId, day);
				messages += count;
				withMessages += (count > 0) ? 1 : 0;
				members += group.members.size();
				newMembers += (int) group.members.values()
					.stream()
					.filter(m -> m.joinTime() >= dayStart && m.joinTime() < dayEnd)
					.count();
				newChats += (group.createTime >= dayStart) ? 1 : 0;
			}
			Map<String, Object> data = new LinkedHashMap<>();
			data.put("new_chat_cnt", newChats);
			data.put("chat_total", groups.size());
			data.put("chat_has_msg", withMessages);
			data.put("new_member_cnt", newMembers);
			data.put("member_total", members);
			data.put("member_has_msg", Math.min(members, messages / 4 + withMessages));
			data.put("msg_total", messages);
			items.add(Map.of("owner", owner, "data", data));
		}
		int offset = Math.max(0, body.path("offset").asInt(0));
		int limit = Math.min(1000, Math.max(1, body.path("limit").asInt(500)));
		List<Map<String, Object>> page = items.subList(Math.min(offset, items.size()),
				Math.min(items.size(), offset + limit));
		Map<String, Object> out = SandboxApi.ok();
		out.put("total", items.size());
		out.put("next_offset", Math.min(items.size(), offset + limit));
		out.put("items", page);
		return out;
	}

	/**
	 * Messages in a group on a day: a third of the groups are quiet, the others talk
	 * every day, 5 to 64 messages.
	 */
	static int messages(String chatId, LocalDate day) {
		if (Math.floorMod(chatId.hashCode(), 3) == 0) {
			return 0;
		}
		return 5 + Math.floorMod((chatId + day).hashCode() * 31 + 7, 60);
	}

	private static String text(JsonNode body, String field, String fallback) {
		JsonNode node = body.get(field);
		return (node == null || node.isNull()) ? fallback : node.asString();
	}

}
