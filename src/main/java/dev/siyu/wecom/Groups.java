package dev.siyu.wecom;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.siyu.shared.TenantId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Customer groups (社群): members now, joins and quits over a window, growth, the member
 * target, message counts where WeCom's statistics give them, and the dying-group rule: no
 * joins and no activity for the window, or more quits than joins.
 */
@Service
public class Groups {

	private final JdbcClient jdbc;

	Groups(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Map<String, Object>> list(TenantId tenant, int days) {
		if (days < 1 || days > 365) {
			throw new IllegalArgumentException("days must be 1-365, got " + days);
		}
		return this.jdbc
			.sql("""
					select g.chat_id, g.name, g.owner, g.member_target, g.dismissed_at is not null,
					       (select count(*) from wecom_group_member m where m.tenant_id = g.tenant_id and m.chat_id = g.chat_id
					          and m.left_at is null) as members,
					       (select count(*) from wecom_group_member m where m.tenant_id = g.tenant_id and m.chat_id = g.chat_id
					          and m.joined_at >= now() - make_interval(days => ?)) as joins,
					       (select count(*) from wecom_group_member m where m.tenant_id = g.tenant_id and m.chat_id = g.chat_id
					          and m.left_at >= now() - make_interval(days => ?)) as quits,
					       (select count(*) from wecom_group_change c where c.tenant_id = g.tenant_id and c.chat_id = g.chat_id
					          and c.at >= now() - make_interval(days => ?)) as changes,
					       st.messages, st.chats, st.days
					from wecom_group g
					left join lateral (
					  select sum(s.msg_total) as messages, max(s.chat_total) as chats, count(*) as days from wecom_group_stat s
					  where s.tenant_id = g.tenant_id and s.owner = g.owner and s.day >= current_date - ?) st on true
					where g.tenant_id = ? order by g.name, g.chat_id""")
			.params(days, days, days, days, tenant.value())
			.query((rs, n) -> {
				long joins = rs.getLong(7);
				long quits = rs.getLong(8);
				long changes = rs.getLong(9);
				Long ownerMessages = (rs.getLong(12) > 0) ? rs.getLong(10) : null;
				Long messages = messages(ownerMessages, rs.getInt(11));
				Map<String, Object> row = new LinkedHashMap<>();
				row.put("chatId", rs.getString(1));
				row.put("name", rs.getString(2));
				row.put("owner", rs.getString(3));
				row.put("memberTarget", rs.getObject(4));
				row.put("dismissed", rs.getBoolean(5));
				row.put("members", rs.getLong(6));
				row.put("joins", joins);
				row.put("quits", quits);
				row.put("growth", joins - quits);
				row.put("messages", messages);
				row.put("ownerMessages", ownerMessages);
				row.put("activity", changes + ((messages != null) ? messages : 0));
				row.put("dying", dying(rs.getBoolean(5), joins, quits, changes, messages));
				Object target = rs.getObject(4);
				row.put("toTarget",
						(target != null) ? Math.max(0, ((Number) target).longValue() - rs.getLong(6)) : null);
				return row;
			})
			.list();
	}

	/**
	 * The group's own message count: WeCom counts per owner, which is the group's when
	 * the owner had only this group, and zero for each group when the owner's were
	 * silent; otherwise unknown.
	 */
	static Long messages(Long ownerMessages, int ownerChats) {
		if (ownerMessages == null) {
			return null;
		}
		return (ownerChats <= 1 || ownerMessages == 0) ? ownerMessages : null;
	}

	/**
	 * Quits outpace joins, or no joins and no activity: no messages where they are known,
	 * no changes otherwise.
	 */
	static boolean dying(boolean dismissed, long joins, long quits, long changes, Long messages) {
		if (dismissed) {
			return false;
		}
		return quits > joins || (joins == 0 && ((messages != null) ? messages == 0 : changes == 0));
	}

	public void setTarget(TenantId tenant, String chatId, int target) {
		if (target < 1 || target > 2000) {
			throw new IllegalArgumentException("a member target must be 1-2000 (WeCom's group limit), got " + target);
		}
		int updated = this.jdbc.sql("update wecom_group set member_target = ? where tenant_id = ? and chat_id = ?")
			.params(target, tenant.value(), chatId)
			.update();
		if (updated == 0) {
			throw new IllegalArgumentException("no group '" + chatId + "'");
		}
	}

}
