package dev.siyu.wecom;

import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.siyu.shared.TenantId;
import me.chanjar.weixin.cp.bean.external.WxCpMsgTemplate;
import me.chanjar.weixin.cp.bean.external.WxCpMsgTemplateAddResult;
import me.chanjar.weixin.cp.bean.external.contact.WxCpGroupMsgListResult;
import me.chanjar.weixin.cp.bean.external.msg.Text;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Mass sends (群发) to customers or groups through add_msg_template. The recipients are
 * planned and stored in one transaction with siyu's rules applied
 * ({@link MassSendRules}); then one WeCom task is created per sending staff member (WeCom
 * needs the sender), and its msgid kept for the results. A client request id makes a
 * create safe to repeat: the second call answers with the first send, and finishes its
 * tasks if a crash interrupted them; a task whose call to WeCom may have gone out is
 * never repeated blindly.
 */
@Service
public class MassSends {

	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	static final int TASK_LIMIT = 10_000;

	private static final JsonMapper json = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	private final Corps corps;

	private final WeComApi api;

	private final MassSendCandidates candidates;

	private final TransactionTemplate transactions;

	private final MassSendRules rules;

	private final MassSendResults results;

	MassSends(JdbcClient jdbc, Corps corps, WeComApi api, MassSendCandidates candidates,
			TransactionTemplate transactions, MassSendResults results,
			@Value("${siyu.wecom.mass-sends-per-month:4}") int perMonth,
			@Value("${siyu.wecom.mass-sends-per-day:0}") int perDay) {
		this.jdbc = jdbc;
		this.corps = corps;
		this.api = api;
		this.candidates = candidates;
		this.transactions = transactions;
		this.results = results;
		this.rules = new MassSendRules(new MassSendRules.Caps(perMonth, perDay));
	}

	/**
	 * What to send to whom. Exactly one of audience, persons, external user ids (for
	 * {@code single}) or chat ids / senders (for {@code group}) names the recipients;
	 * {@code senders} restricts who may send.
	 */
	public record NewSend(String requestId, String chatType, String text, Long audienceId, List<Long> personIds,
			List<String> externalUserIds, List<String> chatIds, List<String> senders,
			List<MassSendAttachment> attachments) {

		/** The same with defaults filled in; refuses what cannot be sent, saying why. */
		NewSend checked() {
			if (requestId == null || requestId.isBlank() || requestId.length() > 64) {
				throw new IllegalArgumentException(
						"requestId is required, 1-64 characters, to make the send repeatable");
			}
			String type = (chatType == null || chatType.isBlank()) ? "single" : chatType;
			if (!type.equals("single") && !type.equals("group")) {
				throw new IllegalArgumentException("chatType is single or group, not '" + type + "'");
			}
			List<MassSendAttachment> attached = MassSendAttachment.checked(attachments);
			String content = (text != null) ? text : "";
			if (content.isBlank() && attached.isEmpty()) {
				throw new IllegalArgumentException("text or at least one attachment is required");
			}
			if (text != null && text.length() > 4000) {
				throw new IllegalArgumentException("text has " + text.length() + " characters; WeCom takes up to 4000");
			}
			List<Long> persons = (personIds != null) ? List.copyOf(personIds) : List.of();
			List<String> externals = (externalUserIds != null) ? List.copyOf(externalUserIds) : List.of();
			List<String> chats = (chatIds != null) ? List.copyOf(chatIds) : List.of();
			List<String> from = (senders != null) ? List.copyOf(senders) : List.of();
			int sources = ((audienceId != null) ? 1 : 0) + (persons.isEmpty() ? 0 : 1) + (externals.isEmpty() ? 0 : 1);
			if (type.equals("single") && sources != 1) {
				throw new IllegalArgumentException(
						"name the recipients with exactly one of audienceId, personIds or externalUserIds (got "
								+ sources + ")");
			}
			if (type.equals("group") && (sources != 0 || (chats.isEmpty() && from.isEmpty()))) {
				throw new IllegalArgumentException(
						"a group send names chatIds or senders (group owners), nothing else");
			}
			return new NewSend(requestId.strip(), type, content, audienceId, persons, externals, chats, from, attached);
		}

	}

	/**
	 * Creates the send, or answers with the one made before under the same request id.
	 */
	public Map<String, Object> create(TenantId tenant, NewSend asked, String actor) {
		NewSend send = asked.checked();
		Corp corp = this.corps.require(tenant);
		Optional<Long> earlier = existing(tenant, send);
		long id = earlier.orElseGet(() -> this.transactions.execute(tx -> plan(tenant, send, actor)));
		dispatch(corp, id);
		Map<String, Object> out = this.results.summary(tenant, id);
		out.put("replayed", earlier.isPresent());
		return out;
	}

	private Optional<Long> existing(TenantId tenant, NewSend send) {
		return this.jdbc.sql(
				"select id, content, chat_type, attachments from wecom_mass_send where tenant_id = ? and request_id = ?")
			.params(tenant.value(), send.requestId())
			.query((rs, n) -> {
				if (!rs.getString(2).equals(send.text()) || !rs.getString(3).equals(send.chatType())
						|| !attachments(rs.getString(4)).equals(send.attachments())) {
					throw new IllegalArgumentException("request id '" + send.requestId()
							+ "' was used for another send already; use a new request id for a new send");
				}
				return rs.getLong(1);
			})
			.optional();
	}

	private long plan(TenantId tenant, NewSend send, String actor) {
		// one planner per tenant at a time, so two sends cannot both pass the cap
		this.jdbc.sql("select pg_advisory_xact_lock(?, ?)")
			.params(6001, (int) tenant.value())
			.query((rs, n) -> 1)
			.list();
		Long concurrent = this.jdbc.sql("select id from wecom_mass_send where tenant_id = ? and request_id = ?")
			.params(tenant.value(), send.requestId())
			.query(Long.class)
			.optional()
			.orElse(null);
		if (concurrent != null) {
			return concurrent;
		}
		List<MassSendRules.Candidate> candidates = send.chatType().equals("group") ? groupTargets(tenant, send)
				: this.candidates.of(tenant, send);
		MassSendRules.Plan plan = send.chatType().equals("group") ? groupPlan(candidates) : this.rules.plan(candidates);
		long id = this.jdbc.sql("""
				insert into wecom_mass_send (tenant_id, request_id, chat_type, content, attachments, audience_id, asked,
				                             recipients, excluded, created_by)
				values (?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, cast(? as jsonb), ?) returning id""")
			.params(tenant.value(), send.requestId(), send.chatType(), send.text(),
					json.writeValueAsString(send.attachments()), send.audienceId(), candidates.size(),
					plan.recipients(), json.writeValueAsString(plan.excluded()), actor)
			.query(Long.class)
			.single();
		plan.bySender().forEach((sender, recipients) -> {
			for (int part = 0; part * TASK_LIMIT < recipients.size(); part++) {
				List<MassSendRules.Candidate> slice = recipients.subList(part * TASK_LIMIT,
						Math.min(recipients.size(), (part + 1) * TASK_LIMIT));
				long task = this.jdbc.sql("""
						insert into wecom_mass_task (tenant_id, send_id, sender, part, status)
						values (?, ?, ?, ?, 'planned') returning id""")
					.params(tenant.value(), id, sender, part)
					.query(Long.class)
					.single();
				this.jdbc
					.sql("""
							insert into wecom_mass_recipient (tenant_id, send_id, task_id, target, person_id, status)
							select ?, ?, ?, t.target, t.person_id, 'pending' from unnest(?::text[], ?::bigint[]) as t(target, person_id)""")
					.params(tenant.value(), id, task,
							slice.stream().map(MassSendRules.Candidate::externalUserId).toArray(String[]::new),
							slice.stream().map(MassSendRules.Candidate::personId).toArray(Long[]::new))
					.update();
			}
		});
		return id;
	}

	private List<MassSendRules.Candidate> groupTargets(TenantId tenant, NewSend send) {
		List<String> chats = send.chatIds().isEmpty() ? this.jdbc.sql("""
				select chat_id from wecom_group where tenant_id = ? and owner = any(?) and dismissed_at is null
				order by chat_id""")
			.params(tenant.value(), send.senders().toArray(String[]::new))
			.query(String.class)
			.list() : send.chatIds();
		return this.jdbc.sql("""
				select c.chat, g.chat_id is not null, g.owner, g.dismissed_at is not null
				from unnest(cast(? as text[])) with ordinality as c(chat, ord)
				left join wecom_group g on g.tenant_id = ? and g.chat_id = c.chat order by c.ord""")
			.params(chats.toArray(String[]::new), tenant.value())
			.query((rs, n) -> new MassSendRules.Candidate(rs.getBoolean(2) ? rs.getString(1) : null, null,
					rs.getBoolean(4) ? null : rs.getString(3), null, false, false, 0, 0))
			.list();
	}

	/** Groups: known, not dismissed, each sent by its owner once. */
	private static MassSendRules.Plan groupPlan(List<MassSendRules.Candidate> groups) {
		return new MassSendRules(new MassSendRules.Caps(Integer.MAX_VALUE, 0)).plan(groups);
	}

	/** Creates the WeCom task of each planned task of the send. */
	void dispatch(Corp corp, long sendId) {
		Map<String, Object> send = this.jdbc
			.sql("select chat_type, content, attachments from wecom_mass_send where id = ?")
			.param(sendId)
			.query((rs, n) -> Map.<String, Object>of("chatType", rs.getString(1), "content", rs.getString(2),
					"attachments", attachments(rs.getString(3))))
			.single();
		recover(corp, sendId, (String) send.get("chatType"), (String) send.get("content"));
		List<Map<String, Object>> tasks = this.jdbc
			.sql("select id, sender from wecom_mass_task where send_id = ? and status = 'planned' order by id")
			.param(sendId)
			.query((rs, n) -> Map.<String, Object>of("id", rs.getLong(1), "sender", rs.getString(2)))
			.list();
		for (Map<String, Object> task : tasks) {
			long taskId = (Long) task.get("id");
			this.jdbc.sql("update wecom_mass_task set status = 'calling' where id = ?").param(taskId).update();
			List<String> targets = this.jdbc
				.sql("select target from wecom_mass_recipient where task_id = ? order by target")
				.param(taskId)
				.query(String.class)
				.list();
			WxCpMsgTemplate template = new WxCpMsgTemplate();
			template.setChatType((String) send.get("chatType"));
			template.setSender((String) task.get("sender"));
			if (send.get("chatType").equals("single")) {
				template.setExternalUserid(targets);
			}
			else {
				// the owner receives the task for exactly these groups, not all of theirs
				template.setChatIdList(targets);
			}
			if (!((String) send.get("content")).isEmpty()) {
				Text text = new Text();
				text.setContent((String) send.get("content"));
				template.setText(text);
			}
			@SuppressWarnings("unchecked")
			List<MassSendAttachment> attached = (List<MassSendAttachment>) send.get("attachments");
			if (!attached.isEmpty()) {
				template.setAttachments(attached.stream().map(MassSendAttachment::toWeCom).toList());
			}
			try {
				WxCpMsgTemplateAddResult result = this.api.call(corp,
						service -> service.getExternalContactService().addMsgTemplate(template));
				this.jdbc.sql("update wecom_mass_task set status = 'created', msgid = ? where id = ?")
					.params(result.getMsgId(), taskId)
					.update();
				List<String> failed = (result.getFailList() != null) ? result.getFailList() : List.of();
				if (!failed.isEmpty()) {
					this.jdbc.sql("""
							update wecom_mass_recipient set status = 'not_friend'
							where task_id = ? and target = any(?)""")
						.params(taskId, failed.toArray(String[]::new))
						.update();
				}
			}
			catch (WeComApiException ex) {
				this.jdbc.sql("update wecom_mass_task set status = 'failed', error = ? where id = ?")
					.params(ex.getMessage(), taskId)
					.update();
				this.jdbc.sql("update wecom_mass_recipient set status = 'failed' where task_id = ?")
					.param(taskId)
					.update();
			}
		}
	}

	/**
	 * Tasks whose call was under way when the process stopped: WeCom's list of mass sends
	 * (get_groupmsg_list_v2) tells whether the task was made; if so its msgid is kept, if
	 * not it is planned again. When the list cannot be read the task stays uncertain and
	 * is never repeated blindly.
	 */
	private void recover(Corp corp, long sendId, String chatType, String content) {
		List<Map<String, Object>> calling = this.jdbc.sql("""
				select id, sender, created_at from wecom_mass_task where send_id = ? and status = 'calling'""")
			.param(sendId)
			.query((rs, n) -> Map.<String, Object>of("id", rs.getLong(1), "sender", rs.getString(2), "at",
					rs.getTimestamp(3)))
			.list();
		for (Map<String, Object> task : calling) {
			String sender = (String) task.get("sender");
			java.util.Date from = new java.util.Date(((Timestamp) task.get("at")).getTime() - 60_000);
			java.util.Date to = new java.util.Date();
			try {
				String cursor = null;
				String found = null;
				do {
					String page = cursor;
					WxCpGroupMsgListResult list = this.api.call(corp, service -> service.getExternalContactService()
						.getGroupMsgListV2(chatType, from, to, sender, 2, 100, page));
					if (list.getGroupMsgList() != null) {
						for (WxCpGroupMsgListResult.ExternalContactGroupMsgInfo info : list.getGroupMsgList()) {
							if (info.getText() != null && content.equals(info.getText().getContent())
									&& this.jdbc.sql("select count(*) from wecom_mass_task where msgid = ?")
										.param(info.getMsgId())
										.query(Long.class)
										.single() == 0) {
								found = info.getMsgId();
							}
						}
					}
					cursor = list.getNextCursor();
				}
				while (found == null && cursor != null && !cursor.isEmpty());
				this.jdbc.sql("update wecom_mass_task set status = ?, msgid = ? where id = ?")
					.params((found != null) ? "created" : "planned", found, task.get("id"))
					.update();
			}
			catch (WeComApiException ex) {
				this.jdbc.sql("update wecom_mass_task set status = 'uncertain', error = ? where id = ?")
					.params(ex.getMessage(), task.get("id"))
					.update();
			}
		}
	}

	static List<MassSendAttachment> attachments(String stored) {
		return List.of(json.readValue(stored, MassSendAttachment[].class));
	}

	public Map<String, Object> get(TenantId tenant, long id) {
		return this.results.summary(tenant, id);
	}

	/**
	 * Reads WeCom's results of the tenant's open tasks; returns how many recipients
	 * changed.
	 */
	public int pollResults(TenantId tenant) {
		return this.results.poll(tenant);
	}

	/** Every send of the tenant, newest first, with its results. */
	public List<Map<String, Object>> list(TenantId tenant, int limit) {
		List<Map<String, Object>> out = new ArrayList<>();
		for (Long id : this.jdbc.sql("select id from wecom_mass_send where tenant_id = ? order by id desc limit ?")
			.params(tenant.value(), limit)
			.query(Long.class)
			.list()) {
			out.add(this.results.summary(tenant, id));
		}
		return out;
	}

}
