package dev.siyu.wecom;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.siyu.api.NotFound;
import dev.siyu.shared.TenantId;
import me.chanjar.weixin.cp.bean.external.contact.WxCpGroupMsgSendResult;
import me.chanjar.weixin.cp.bean.external.contact.WxCpGroupMsgTaskResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What became of mass sends: WeCom reports per task whether the staff member confirmed it
 * (get_groupmsg_task) and per recipient whether it arrived, or failed because the
 * customer is no friend or had reached the limit (get_groupmsg_send_result). A task
 * nobody confirmed within the expiry counts as not sent.
 */
@Component
class MassSendResults {

	private static final Logger log = LoggerFactory.getLogger(MassSendResults.class);

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final List<String> STATUSES = List.of("pending", "sent", "not_sent", "not_friend", "limit_reached",
			"failed");

	private final JdbcClient jdbc;

	private final Corps corps;

	private final WeComApi api;

	private final Duration expiry;

	MassSendResults(JdbcClient jdbc, Corps corps, WeComApi api,
			@Value("${siyu.wecom.mass-send-expiry:P3D}") Duration expiry) {
		this.jdbc = jdbc;
		this.corps = corps;
		this.api = api;
		this.expiry = expiry;
	}

	/** Tenants with tasks still waiting for their results. */
	List<TenantId> open() {
		return this.jdbc.sql("select distinct tenant_id from wecom_mass_task where status = 'created'")
			.query((rs, n) -> new TenantId(rs.getLong(1)))
			.list();
	}

	/** Reads the results of every open task; returns how many recipients changed. */
	int poll(TenantId tenant) {
		Corp corp = this.corps.require(tenant);
		List<Task> tasks = this.jdbc.sql("""
				select t.id, t.send_id, t.sender, t.msgid, t.created_at from wecom_mass_task t
				where t.tenant_id = ? and t.status = 'created' order by t.id""")
			.param(tenant.value())
			.query((rs, n) -> new Task(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
					rs.getTimestamp(5).toInstant()))
			.list();
		int changed = 0;
		for (Task task : tasks) {
			Long confirmed;
			try {
				confirmed = confirmedAt(corp, task);
			}
			catch (WeComApiException ex) {
				// e.g. a msgid WeCom no longer knows: the task expires like an
				// unconfirmed one
				log.warn("Mass send task {} of tenant {}: {}", task.msgid(), tenant.value(), ex.getMessage());
				confirmed = null;
			}
			if (confirmed != null) {
				changed += results(corp, task);
				changed += this.jdbc
					.sql("update wecom_mass_recipient set status = 'not_sent' where task_id = ? and status = 'pending'")
					.param(task.id())
					.update();
				this.jdbc.sql("update wecom_mass_task set status = 'sent', confirmed_at = ? where id = ?")
					.params(Timestamp.from(Instant.ofEpochSecond(confirmed)), task.id())
					.update();
			}
			else if (task.createdAt().plus(this.expiry).isBefore(Instant.now())) {
				changed += this.jdbc
					.sql("update wecom_mass_recipient set status = 'not_sent' where task_id = ? and status = 'pending'")
					.param(task.id())
					.update();
				this.jdbc.sql("update wecom_mass_task set status = 'expired' where id = ?").param(task.id()).update();
			}
			this.jdbc.sql("update wecom_mass_send set polled_at = now() where id = ?").param(task.sendId()).update();
		}
		return changed;
	}

	/** When the sender confirmed the task in the client; null while not yet. */
	private Long confirmedAt(Corp corp, Task task) {
		String cursor = null;
		do {
			String page = cursor;
			WxCpGroupMsgTaskResult result = this.api.call(corp,
					service -> service.getExternalContactService().getGroupMsgTask(task.msgid(), 1000, page));
			if (result.getTaskList() != null) {
				for (WxCpGroupMsgTaskResult.ExternalContactGroupMsgTaskInfo info : result.getTaskList()) {
					if (task.sender().equals(info.getUserId()) && Integer.valueOf(2).equals(info.getStatus())) {
						return (info.getSendTime() != null) ? info.getSendTime() : Instant.now().getEpochSecond();
					}
				}
			}
			cursor = result.getNextCursor();
		}
		while (cursor != null && !cursor.isEmpty());
		return null;
	}

	private int results(Corp corp, Task task) {
		int changed = 0;
		String cursor = null;
		do {
			String page = cursor;
			WxCpGroupMsgSendResult result = this.api.call(corp, service -> service.getExternalContactService()
				.getGroupMsgSendResult(task.msgid(), task.sender(), 1000, page));
			if (result.getSendList() != null) {
				for (WxCpGroupMsgSendResult.ExternalContactGroupMsgSendInfo info : result.getSendList()) {
					String target = (info.getExternalUserId() != null && !info.getExternalUserId().isEmpty())
							? info.getExternalUserId() : info.getChatId();
					String status = status(info.getStatus());
					if (target == null || status == null) {
						continue;
					}
					changed += this.jdbc.sql("""
							update wecom_mass_recipient set status = ?, sent_at = ?
							where task_id = ? and target = ? and status = 'pending'""")
						.params(status,
								(info.getSendTime() != null && info.getSendTime() > 0)
										? Timestamp.from(Instant.ofEpochSecond(info.getSendTime())) : null,
								task.id(), target)
						.update();
				}
			}
			cursor = result.getNextCursor();
		}
		while (cursor != null && !cursor.isEmpty());
		return changed;
	}

	/** WeCom's recipient status: 0 not sent, 1 sent, 2 not a friend, 3 had the limit. */
	static String status(Integer code) {
		if (code == null) {
			return null;
		}
		return switch (code) {
			case 1 -> "sent";
			case 2 -> "not_friend";
			case 3 -> "limit_reached";
			default -> null;
		};
	}

	Map<String, Object> summary(TenantId tenant, long id) {
		Map<String, Object> out = this.jdbc.sql("""
				select id, request_id, chat_type, content, audience_id, asked, recipients, excluded::text, created_by,
				       created_at, polled_at, attachments::text
				from wecom_mass_send where tenant_id = ? and id = ?""").params(tenant.value(), id).query((rs, n) -> {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("id", rs.getLong(1));
			row.put("requestId", rs.getString(2));
			row.put("chatType", rs.getString(3));
			row.put("text", rs.getString(4));
			row.put("attachments", MassSends.attachments(rs.getString(12)));
			row.put("audienceId", rs.getObject(5));
			row.put("asked", rs.getInt(6));
			row.put("recipients", rs.getInt(7));
			row.put("excluded", json.readValue(rs.getString(8), Map.class));
			row.put("createdBy", rs.getString(9));
			row.put("createdAt", rs.getTimestamp(10).toInstant().toString());
			row.put("polledAt", (rs.getTimestamp(11) != null) ? rs.getTimestamp(11).toInstant().toString() : null);
			return row;
		}).optional().orElseThrow(() -> new NotFound("no mass send " + id));
		Map<String, Object> results = new LinkedHashMap<>();
		STATUSES.forEach(status -> results.put(status, 0L));
		this.jdbc.sql("select status, count(*) from wecom_mass_recipient where send_id = ? group by status")
			.param(id)
			.query((java.sql.ResultSet rs) -> {
				results.put(rs.getString(1), rs.getLong(2));
			});
		out.put("results", results);
		out.put("tasks", this.jdbc.sql("""
				select t.sender, t.status, t.msgid, t.error, t.confirmed_at, count(r.target)
				from wecom_mass_task t left join wecom_mass_recipient r on r.task_id = t.id
				where t.send_id = ? group by t.id order by t.id""").param(id).query((rs, n) -> {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("sender", rs.getString(1));
			row.put("status", rs.getString(2));
			row.put("msgid", rs.getString(3));
			row.put("error", rs.getString(4));
			row.put("confirmedAt", (rs.getTimestamp(5) != null) ? rs.getTimestamp(5).toInstant().toString() : null);
			row.put("recipients", rs.getLong(6));
			return row;
		}).list());
		return out;
	}

	private record Task(long id, long sendId, String sender, String msgid, Instant createdAt) {
	}

}
