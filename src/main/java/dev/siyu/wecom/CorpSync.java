package dev.siyu.wecom;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.siyu.shared.TenantId;
import me.chanjar.weixin.cp.bean.WxCpUser;
import me.chanjar.weixin.cp.bean.external.WxCpUserExternalGroupChatInfo;
import me.chanjar.weixin.cp.bean.external.WxCpUserExternalGroupChatList;
import me.chanjar.weixin.cp.bean.external.WxCpUserExternalTagGroupList;
import me.chanjar.weixin.cp.bean.external.contact.WxCpExternalContactBatchInfo;
import me.chanjar.weixin.cp.bean.external.contact.WxCpExternalContactInfo;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Brings siyu's picture of a corp up to date through WeCom's API: the full job reads
 * staff, every contact with its follow relations (100 staff per batch call), corp tags
 * and groups with their members; the incremental refresh reads only what callbacks marked
 * stale.
 */
@Service
public class CorpSync {

	private static final int WRITE_BATCH = 500;

	private final JdbcClient jdbc;

	private final Corps corps;

	private final WeComApi api;

	private final ContactWriter contacts;

	private final Reach reach;

	private final CorpTagSync tagSync;

	private final ContactTagPull contactTags;

	CorpSync(JdbcClient jdbc, Corps corps, WeComApi api, ContactWriter contacts, Reach reach, CorpTagSync tagSync,
			ContactTagPull contactTags) {
		this.contactTags = contactTags;
		this.tagSync = tagSync;
		this.jdbc = jdbc;
		this.corps = corps;
		this.api = api;
		this.contacts = contacts;
		this.reach = reach;
	}

	/** The full sync job; returns what it read. */
	public Map<String, Object> full(TenantId tenant) {
		Corp corp = this.corps.require(tenant);
		long start = System.nanoTime();
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("staff", staff(corp));
		summary.put("contacts", allContacts(corp));
		summary.put("corpTags", tags(corp));
		// the contacts were written before their corp tags were linked to siyu tags
		this.contactTags.pullAll(tenant);
		summary.put("groups", groups(corp));
		summary.put("seconds", Math.round((System.nanoTime() - start) / 1e7) / 100.0);
		return summary;
	}

	/** Reads what callbacks marked stale: contacts, groups, the tag list. */
	int refreshStale(TenantId tenant, int limit) {
		Corp corp = this.corps.require(tenant);
		int done = 0;
		List<String> stale = this.jdbc
			.sql("select external_userid from wecom_contact where tenant_id = ? and detail_at is null limit ?")
			.params(tenant.value(), limit)
			.query(String.class)
			.list();
		List<ContactWriter.Seen> seen = new ArrayList<>();
		for (String external : stale) {
			try {
				WxCpExternalContactInfo info = this.api.call(corp,
						service -> service.getExternalContactService().getContactDetail(external, null));
				seen.add(new ContactWriter.Seen(info.getExternalContact(),
						(info.getFollowedUsers() != null) ? info.getFollowedUsers() : List.of()));
			}
			catch (WeComApiException ex) {
				// a contact nobody follows any more cannot be read: keep what we have
				this.jdbc.sql("update wecom_contact set detail_at = now() where tenant_id = ? and external_userid = ?")
					.params(tenant.value(), external)
					.update();
			}
		}
		this.contacts.write(tenant, seen);
		done += stale.size();
		List<String> groups = this.jdbc
			.sql("select chat_id from wecom_group where tenant_id = ? and stale and dismissed_at is null limit ?")
			.params(tenant.value(), limit)
			.query(String.class)
			.list();
		for (String chat : groups) {
			group(corp, chat);
		}
		done += groups.size();
		boolean tagsStale = this.jdbc.sql("select tags_stale from wecom_corp where tenant_id = ?")
			.param(tenant.value())
			.query(Boolean.class)
			.single();
		if (tagsStale) {
			tags(corp);
			this.contactTags.pullAll(tenant);
			done++;
		}
		return done;
	}

	private int staff(Corp corp) {
		List<WxCpUser> users = this.api.call(corp,
				service -> service.getUserService().listSimpleByDepartment(1L, true, 0));
		for (WxCpUser user : users) {
			this.jdbc
				.sql("""
						insert into wecom_staff (tenant_id, userid, name) values (?, ?, ?)
						on conflict (tenant_id, userid) do update set name = excluded.name, left_at = null, synced_at = now()""")
				.params(corp.tenant().value(), user.getUserId(), user.getName())
				.update();
		}
		return users.size();
	}

	private long allContacts(Corp corp) {
		List<String> followers = this.api.call(corp, service -> service.getExternalContactService().listFollowers());
		long count = 0;
		for (int from = 0; from < followers.size(); from += 100) {
			String[] users = followers.subList(from, Math.min(followers.size(), from + 100)).toArray(String[]::new);
			String cursor = "";
			List<ContactWriter.Seen> seen = new ArrayList<>();
			do {
				String page = cursor;
				WxCpExternalContactBatchInfo batch = this.api.call(corp,
						service -> service.getExternalContactService().getContactDetailBatch(users, page, 100));
				if (batch.getExternalContactList() != null) {
					for (WxCpExternalContactBatchInfo.ExternalContactInfo info : batch.getExternalContactList()) {
						seen.add(new ContactWriter.Seen(info.getExternalContact(), List.of(info.getFollowInfo())));
					}
				}
				if (seen.size() >= WRITE_BATCH) {
					count += seen.size();
					this.contacts.write(corp.tenant(), seen);
					seen = new ArrayList<>();
				}
				cursor = batch.getNextCursor();
			}
			while (cursor != null && !cursor.isEmpty());
			count += seen.size();
			this.contacts.write(corp.tenant(), seen);
		}
		return count;
	}

	private int tags(Corp corp) {
		WxCpUserExternalTagGroupList list = this.api.call(corp,
				service -> service.getExternalContactService().getCorpTagList(null));
		List<String> seen = new ArrayList<>();
		if (list.getTagGroupList() != null) {
			for (WxCpUserExternalTagGroupList.TagGroup group : list.getTagGroupList()) {
				for (WxCpUserExternalTagGroupList.TagGroup.Tag tag : group.getTag()) {
					seen.add(tag.getId());
					this.jdbc.sql("""
							insert into wecom_corp_tag (tenant_id, tag_id, group_id, group_name, name, sort_order)
							values (?, ?, ?, ?, ?, ?)
							on conflict (tenant_id, tag_id) do update set group_id = excluded.group_id,
							  group_name = excluded.group_name, name = excluded.name, sort_order = excluded.sort_order,
							  deleted_at = null, synced_at = now()""")
						.params(corp.tenant().value(), tag.getId(), group.getGroupId(), group.getGroupName(),
								tag.getName(), (tag.getOrder() != null) ? tag.getOrder().intValue() : 0)
						.update();
				}
			}
		}
		this.jdbc.sql("""
				update wecom_corp_tag set deleted_at = now()
				where tenant_id = ? and deleted_at is null and not (tag_id = any(?))""")
			.params(corp.tenant().value(), seen.toArray(String[]::new))
			.update();
		this.jdbc.sql("update wecom_corp set tags_stale = false where tenant_id = ?")
			.param(corp.tenant().value())
			.update();
		this.tagSync.pull(corp);
		return seen.size();
	}

	private int groups(Corp corp) {
		String cursor = null;
		int count = 0;
		do {
			String page = cursor;
			WxCpUserExternalGroupChatList list = this.api.call(corp,
					service -> service.getExternalContactService().listGroupChat(1000, page, 0, null));
			if (list.getGroupChatList() != null) {
				for (WxCpUserExternalGroupChatList.ChatStatus chat : list.getGroupChatList()) {
					group(corp, chat.getChatId());
					count++;
				}
			}
			cursor = list.getNextCursor();
		}
		while (cursor != null && !cursor.isEmpty());
		return count;
	}

	private void group(Corp corp, String chatId) {
		long tenant = corp.tenant().value();
		WxCpUserExternalGroupChatInfo.GroupChat chat;
		try {
			chat = this.api.call(corp, service -> service.getExternalContactService().getGroupChat(chatId, 1))
				.getGroupChat();
		}
		catch (WeComApiException ex) {
			this.jdbc.sql("update wecom_group set stale = false where tenant_id = ? and chat_id = ?")
				.params(tenant, chatId)
				.update();
			return;
		}
		this.jdbc
			.sql("""
					insert into wecom_group (tenant_id, chat_id, name, owner, created_at, stale) values (?, ?, ?, ?, ?, false)
					on conflict (tenant_id, chat_id) do update set name = excluded.name, owner = excluded.owner,
					  created_at = coalesce(wecom_group.created_at, excluded.created_at), stale = false, synced_at = now()""")
			.params(tenant, chatId, chat.getName(), chat.getOwner(), seconds(chat.getCreateTime()))
			.update();
		List<String> members = new ArrayList<>();
		if (chat.getMemberList() != null) {
			for (WxCpUserExternalGroupChatInfo.GroupMember member : chat.getMemberList()) {
				members.add(member.getUserId());
				this.jdbc
					.sql("""
							insert into wecom_group_member (tenant_id, chat_id, member_id, member_type, joined_at, join_scene)
							values (?, ?, ?, ?, ?, ?)
							on conflict (tenant_id, chat_id, member_id) do update set member_type = excluded.member_type,
							  joined_at = coalesce(wecom_group_member.joined_at, excluded.joined_at),
							  join_scene = coalesce(wecom_group_member.join_scene, excluded.join_scene), left_at = null""")
					.params(tenant, chatId, member.getUserId(), member.getType(), seconds(member.getJoinTime()),
							member.getJoinScene())
					.update();
			}
		}
		List<String> left = this.jdbc
			.sql("""
					update wecom_group_member set left_at = now()
					where tenant_id = ? and chat_id = ? and left_at is null and not (member_id = any(?)) returning member_id""")
			.params(tenant, chatId, members.toArray(String[]::new))
			.query(String.class)
			.list();
		List<String> touched = new ArrayList<>(members);
		touched.addAll(left);
		this.reach.recompute(corp.tenant(), touched);
	}

	private static Timestamp seconds(Long epochSeconds) {
		return (epochSeconds != null) ? Timestamp.from(Instant.ofEpochSecond(epochSeconds)) : null;
	}

}
