package dev.siyu.wecom;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.siyu.shared.TenantId;
import me.chanjar.weixin.cp.bean.external.WxCpUserExternalGroupChatStatistic;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Message counts of customer groups, as WeCom gives them: per group owner and day
 * (groupchat/statistic), for complete days only. WeCom does not count per group, so a
 * group's own count is known when its owner has only that group, and zero for every group
 * of an owner whose groups were silent.
 */
@Service
public class GroupStatistics {

	private static final int OWNERS_PER_CALL = 100;

	private final JdbcClient jdbc;

	private final Corps corps;

	private final WeComApi api;

	GroupStatistics(JdbcClient jdbc, Corps corps, WeComApi api) {
		this.jdbc = jdbc;
		this.corps = corps;
		this.api = api;
	}

	/**
	 * Reads the figures of the last {@code days} complete days for every group owner;
	 * returns how many owner-days were stored.
	 */
	public int fetch(TenantId tenant, int days) {
		if (days < 1 || days > 180) {
			throw new IllegalArgumentException("days must be 1-180 (WeCom keeps 180 days), got " + days);
		}
		Corp corp = this.corps.require(tenant);
		List<String> owners = this.jdbc.sql("""
				select distinct owner from wecom_group
				where tenant_id = ? and owner is not null and dismissed_at is null order by owner""")
			.param(tenant.value())
			.query(String.class)
			.list();
		LocalDate today = LocalDate.now(MassSends.CHINA);
		int stored = 0;
		for (int back = days; back >= 1; back--) {
			LocalDate day = today.minusDays(back);
			java.util.Date begin = java.util.Date.from(day.atStartOfDay(MassSends.CHINA).toInstant());
			for (int from = 0; from < owners.size(); from += OWNERS_PER_CALL) {
				String[] slice = owners.subList(from, Math.min(owners.size(), from + OWNERS_PER_CALL))
					.toArray(String[]::new);
				int offset = 0;
				while (true) {
					int page = offset;
					WxCpUserExternalGroupChatStatistic result = this.api.call(corp,
							service -> service.getExternalContactService()
								.getGroupChatStatistic(begin, 1, 0, page, 1000, slice, null));
					List<WxCpUserExternalGroupChatStatistic.StatisticItem> items = (result.getItemList() != null)
							? result.getItemList() : List.of();
					for (WxCpUserExternalGroupChatStatistic.StatisticItem item : items) {
						store(tenant, item, day);
						stored++;
					}
					offset += items.size();
					if (items.isEmpty() || offset >= result.getTotal()) {
						break;
					}
				}
			}
		}
		return stored;
	}

	private void store(TenantId tenant, WxCpUserExternalGroupChatStatistic.StatisticItem item, LocalDate day) {
		WxCpUserExternalGroupChatStatistic.ItemData data = item.getItemData();
		if (data == null || item.getOwner() == null) {
			return;
		}
		this.jdbc
			.sql("""
					insert into wecom_group_stat (tenant_id, owner, day, chat_total, chat_has_msg, new_chat_cnt, new_member_cnt,
					                              member_total, member_has_msg, msg_total)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
					on conflict (tenant_id, owner, day) do update set chat_total = excluded.chat_total,
					  chat_has_msg = excluded.chat_has_msg, new_chat_cnt = excluded.new_chat_cnt,
					  new_member_cnt = excluded.new_member_cnt, member_total = excluded.member_total,
					  member_has_msg = excluded.member_has_msg, msg_total = excluded.msg_total, fetched_at = now()""")
			.params(tenant.value(), item.getOwner(), Date.valueOf(day), data.getChatTotal(), data.getChatHasMsg(),
					data.getNewChatCnt(), data.getNewMemberCnt(), data.getMemberTotal(), data.getMemberHasMsg(),
					data.getMsgTotal())
			.update();
	}

	/** Tenants with customer groups, whose figures the daily job reads. */
	List<TenantId> withGroups() {
		return this.jdbc.sql("""
				select distinct g.tenant_id from wecom_group g join wecom_corp c on c.tenant_id = g.tenant_id
				where c.secret_enc is not null""").query((rs, n) -> new TenantId(rs.getLong(1))).list();
	}

	/** The stored figures, per owner and day, newest first. */
	public List<Map<String, Object>> list(TenantId tenant, int days) {
		List<Map<String, Object>> out = new ArrayList<>();
		this.jdbc.sql("""
				select owner, day, chat_total, chat_has_msg, new_member_cnt, member_total, member_has_msg, msg_total
				from wecom_group_stat where tenant_id = ? and day >= current_date - ? order by day desc, owner""")
			.params(tenant.value(), days)
			.query((java.sql.ResultSet rs) -> {
				Map<String, Object> row = new LinkedHashMap<>();
				row.put("owner", rs.getString(1));
				row.put("day", rs.getDate(2).toLocalDate().toString());
				row.put("chats", rs.getInt(3));
				row.put("chatsWithMessages", rs.getInt(4));
				row.put("newMembers", rs.getInt(5));
				row.put("members", rs.getInt(6));
				row.put("membersWhoPosted", rs.getInt(7));
				row.put("messages", rs.getInt(8));
				out.add(row);
			});
		return out;
	}

}
