package dev.siyu.wecom;

import java.sql.Timestamp;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.siyu.shared.TenantId;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What each callback changes in siyu's picture of the corp. Events carry ids only; names,
 * remarks and group details are marked stale here and fetched through the API later, at
 * the rate the corp allows.
 */
@Component
@ConditionalOnWebApplication
class EventHandlers {

	private final JdbcClient jdbc;

	private final Welcomes welcomes;

	private final Reach reach;

	private final CodeCustomers codeCustomers;

	EventHandlers(JdbcClient jdbc, Welcomes welcomes, Reach reach, CodeCustomers codeCustomers) {
		this.jdbc = jdbc;
		this.welcomes = welcomes;
		this.reach = reach;
		this.codeCustomers = codeCustomers;
	}

	Batch newBatch() {
		return new Batch();
	}

	/**
	 * Events handled in one transaction; their effect on reach is computed once at the
	 * end.
	 */
	final class Batch {

		private final Map<TenantId, Set<String>> touched = new HashMap<>();

		void handle(TenantId tenant, CallbackEvent event) {
			if (event.event() == null) {
				return;
			}
			switch (event.event()) {
				case CallbackEvent.CONTACT -> contact(tenant, event);
				case CallbackEvent.CHAT -> chat(tenant, event);
				case CallbackEvent.TAG ->
					EventHandlers.this.jdbc.sql("update wecom_corp set tags_stale = true where tenant_id = ?")
						.param(tenant.value())
						.update();
				default -> {
				}
			}
		}

		void finish() {
			this.touched.forEach(EventHandlers.this.reach::recompute);
		}

		private void touch(TenantId tenant, String externalUserId) {
			if (externalUserId != null) {
				this.touched.computeIfAbsent(tenant, t -> new HashSet<>()).add(externalUserId);
			}
		}

		private void contact(TenantId tenant, CallbackEvent event) {
			String change = String.valueOf(event.changeType());
			String external = event.externalUserId();
			if (external == null && !change.equals("transfer_fail")) {
				throw new IllegalArgumentException(change + " without ExternalUserID");
			}
			switch (change) {
				case "add_external_contact" -> {
					staleContact(tenant, external);
					follow(tenant, event);
					EventHandlers.this.welcomes.afterAdd(tenant, event);
				}
				case "add_half_external_contact" -> staleContact(tenant, external);
				case "edit_external_contact" -> staleContact(tenant, external);
				case "del_external_contact" -> unfollow(tenant, event,
						"DELETE_BY_TRANSFER".equals(event.fields().get("Source")) ? "transfer" : "staff");
				case "del_follow_user" -> unfollow(tenant, event, "customer");
				case "transfer_fail" -> transferFailed(tenant, event);
				default -> {
				}
			}
			touch(tenant, external);
		}

		private void staleContact(TenantId tenant, String external) {
			EventHandlers.this.jdbc.sql("""
					insert into wecom_contact (tenant_id, external_userid) values (?, ?)
					on conflict (tenant_id, external_userid) do update set detail_at = null""")
				.params(tenant.value(), external)
				.update();
		}

		private void follow(TenantId tenant, CallbackEvent event) {
			EventHandlers.this.jdbc.sql("""
					insert into wecom_follow (tenant_id, userid, external_userid, state, added_at)
					values (?, ?, ?, ?, ?)
					on conflict (tenant_id, userid, external_userid) do update
					set state = coalesce(excluded.state, wecom_follow.state), added_at = excluded.added_at,
					    deleted_at = null, deleted_by = null, updated_at = now()""")
				.params(tenant.value(), requireUser(event), event.externalUserId(), event.state(),
						Timestamp.from(event.at()))
				.update();
			EventHandlers.this.codeCustomers.came(tenant, event.state(), event.externalUserId(),
					Timestamp.from(event.at()));
		}

		private void unfollow(TenantId tenant, CallbackEvent event, String by) {
			EventHandlers.this.jdbc.sql("""
					insert into wecom_follow (tenant_id, userid, external_userid, deleted_at, deleted_by)
					values (?, ?, ?, ?, ?)
					on conflict (tenant_id, userid, external_userid) do update
					set deleted_at = excluded.deleted_at, deleted_by = excluded.deleted_by, updated_at = now()""")
				.params(tenant.value(), requireUser(event), event.externalUserId(), Timestamp.from(event.at()), by)
				.update();
		}

		private void transferFailed(TenantId tenant, CallbackEvent event) {
			String reason = event.fields().get("FailReason");
			String status = "customer_refused".equals(reason) ? "refused"
					: "customer_limit_exceed".equals(reason) ? "limit_exceeded" : "failed";
			EventHandlers.this.jdbc.sql("""
					update wecom_transfer set status = ?, fail_reason = ?, updated_at = now()
					where tenant_id = ? and target = ? and takeover_userid = ? and status = 'waiting'""")
				.params(status, reason, tenant.value(), event.externalUserId(), event.userId())
				.update();
		}

		private void chat(TenantId tenant, CallbackEvent event) {
			String chat = event.chatId();
			if (chat == null) {
				throw new IllegalArgumentException("change_external_chat without ChatId");
			}
			Timestamp at = Timestamp.from(event.at());
			EventHandlers.this.jdbc.sql("""
					insert into wecom_group (tenant_id, chat_id, created_at) values (?, ?, ?)
					on conflict (tenant_id, chat_id) do update set stale = true""")
				.params(tenant.value(), chat, at)
				.update();
			switch (String.valueOf(event.changeType())) {
				case "create" -> change(tenant, chat, "create", null, 0, at);
				case "dismiss" -> {
					EventHandlers.this.jdbc
						.sql("update wecom_group set dismissed_at = ? where tenant_id = ? and chat_id = ?")
						.params(at, tenant.value(), chat)
						.update();
					EventHandlers.this.jdbc
						.sql("""
								update wecom_group_member set left_at = ? where tenant_id = ? and chat_id = ? and left_at is null
								returning member_id""")
						.params(at, tenant.value(), chat)
						.query(String.class)
						.list()
						.forEach(member -> touch(tenant, member));
					change(tenant, chat, "dismiss", null, 0, at);
				}
				case "update" -> update(tenant, event, chat, at);
				default -> {
				}
			}
		}

		private void update(TenantId tenant, CallbackEvent event, String chat, Timestamp at) {
			Xml fields = event.fields();
			String detail = String.valueOf(fields.get("UpdateDetail"));
			List<String> members = fields.items("MemChangeList");
			int count = members.size();
			if (detail.equals("add_member")) {
				Integer scene = integer(fields.get("JoinScene"));
				for (String member : members) {
					EventHandlers.this.jdbc
						.sql("""
								insert into wecom_group_member (tenant_id, chat_id, member_id, member_type, joined_at, join_scene)
								values (?, ?, ?, ?, ?, ?)
								on conflict (tenant_id, chat_id, member_id) do update
								set joined_at = excluded.joined_at, join_scene = excluded.join_scene, left_at = null,
								    quit_scene = null""")
						.params(tenant.value(), chat, member,
								member.startsWith("wm") || member.startsWith("wo") ? 2 : 1, at, scene)
						.update();
					touch(tenant, member);
				}
				change(tenant, chat, detail, scene, count, at);
			}
			else if (detail.equals("del_member")) {
				Integer scene = integer(fields.get("QuitScene"));
				for (String member : members) {
					EventHandlers.this.jdbc.sql("""
							update wecom_group_member set left_at = ?, quit_scene = ?
							where tenant_id = ? and chat_id = ? and member_id = ?""")
						.params(at, scene, tenant.value(), chat, member)
						.update();
					touch(tenant, member);
				}
				change(tenant, chat, detail, scene, count, at);
			}
			else {
				change(tenant, chat, detail, null, count, at);
			}
		}

		private void change(TenantId tenant, String chat, String change, Integer scene, int members, Timestamp at) {
			EventHandlers.this.jdbc.sql("""
					insert into wecom_group_change (tenant_id, chat_id, change, scene, members, at)
					values (?, ?, ?, ?, ?, ?)""").params(tenant.value(), chat, change, scene, members, at).update();
		}

	}

	private static String requireUser(CallbackEvent event) {
		if (event.userId() == null) {
			throw new IllegalArgumentException(event.changeType() + " without UserID");
		}
		return event.userId();
	}

	private static Integer integer(String text) {
		try {
			return (text != null) ? Integer.valueOf(text) : null;
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("not a number: '" + text + "'");
		}
	}

}
