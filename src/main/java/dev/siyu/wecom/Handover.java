package dev.siyu.wecom;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.siyu.shared.TenantId;
import me.chanjar.weixin.cp.bean.external.WxCpUserExternalGroupChatTransferResp;
import me.chanjar.weixin.cp.bean.external.WxCpUserTransferCustomerReq;
import me.chanjar.weixin.cp.bean.external.WxCpUserTransferCustomerResp;
import me.chanjar.weixin.cp.bean.external.WxCpUserTransferResultResp;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Handover of customers between staff (在职继承 while employed, 离职继承 after leaving) and of
 * groups to a new owner, 100 customers per call as WeCom allows; each customer's result
 * is tracked, and transfer_fail callbacks update it later.
 */
@Service
public class Handover {

	private final JdbcClient jdbc;

	private final Corps corps;

	private final WeComApi api;

	Handover(JdbcClient jdbc, Corps corps, WeComApi api) {
		this.jdbc = jdbc;
		this.corps = corps;
		this.api = api;
	}

	/**
	 * Transfers the given customers, or all of the staff member's when none are given;
	 * {@code resigned} for a staff member who left.
	 */
	public Map<String, Object> customers(TenantId tenant, String from, String to, List<String> externalUserIds,
			boolean resigned) {
		if (from == null || to == null || from.equals(to)) {
			throw new IllegalArgumentException("handover needs two different staff members (from, to)");
		}
		Corp corp = this.corps.require(tenant);
		List<String> targets = (externalUserIds != null && !externalUserIds.isEmpty()) ? externalUserIds
				: this.jdbc.sql("""
						select external_userid from wecom_follow
						where tenant_id = ? and userid = ? and deleted_at is null order by external_userid""")
					.params(tenant.value(), from)
					.query(String.class)
					.list();
		String kind = resigned ? "resigned" : "onjob";
		int waiting = 0;
		List<Map<String, Object>> failures = new ArrayList<>();
		for (int i = 0; i < targets.size(); i += 100) {
			WxCpUserTransferCustomerReq request = new WxCpUserTransferCustomerReq();
			request.setHandOverUserid(from);
			request.setTakeOverUserid(to);
			request.setExternalUserid(targets.subList(i, Math.min(targets.size(), i + 100)));
			WxCpUserTransferCustomerResp response = this.api.call(corp,
					service -> resigned ? service.getExternalContactService().resignedTransferCustomer(request)
							: service.getExternalContactService().transferCustomer(request));
			for (WxCpUserTransferCustomerResp.TransferCustomer customer : response.getCustomer()) {
				int errcode = (customer.getErrcode() != null) ? customer.getErrcode() : 0;
				record(tenant, kind, from, to, customer.getExternalUserid(), (errcode == 0) ? "waiting" : "failed",
						errcode);
				if (errcode == 0) {
					waiting++;
				}
				else {
					failures.add(Map.of("externalUserId", customer.getExternalUserid(), "errcode", errcode));
				}
			}
		}
		if (resigned) {
			this.jdbc
				.sql("update wecom_staff set left_at = coalesce(left_at, now()) where tenant_id = ? and userid = ?")
				.params(tenant.value(), from)
				.update();
		}
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("kind", kind);
		out.put("requested", targets.size());
		out.put("waiting", waiting);
		out.put("failed", failures);
		return out;
	}

	/**
	 * Asks WeCom how the waiting handovers ended (transfer_result, or its resigned form
	 * for 离职继承): taken over, refused by the customer, or the takeover's customer limit.
	 * Returns how many changed.
	 */
	public int pollResults(TenantId tenant) {
		Corp corp = this.corps.require(tenant);
		List<Map<String, Object>> pairs = this.jdbc.sql("""
				select distinct kind, handover_userid, takeover_userid from wecom_transfer
				where tenant_id = ? and status = 'waiting' and kind in ('onjob', 'resigned')""")
			.param(tenant.value())
			.query((rs, n) -> Map.<String, Object>of("kind", rs.getString(1), "from", rs.getString(2), "to",
					rs.getString(3)))
			.list();
		int changed = 0;
		for (Map<String, Object> pair : pairs) {
			boolean resigned = pair.get("kind").equals("resigned");
			String from = (String) pair.get("from");
			String to = (String) pair.get("to");
			String cursor = null;
			do {
				String page = cursor;
				WxCpUserTransferResultResp result = this.api.call(corp,
						service -> resigned ? service.getExternalContactService().resignedTransferResult(from, to, page)
								: service.getExternalContactService().transferResult(from, to, page));
				if (result.getCustomer() != null) {
					for (WxCpUserTransferResultResp.TransferResult customer : result.getCustomer()) {
						String status = status(customer.getStatus());
						if (!status.equals("waiting")) {
							changed += this.jdbc.sql("""
									update wecom_transfer set status = ?, updated_at = now()
									where tenant_id = ? and kind = ? and handover_userid = ? and takeover_userid = ?
									  and target = ? and status = 'waiting'""")
								.params(status, tenant.value(), pair.get("kind"), from, to,
										customer.getExternalUserid())
								.update();
						}
					}
				}
				cursor = result.getNextCursor();
			}
			while (cursor != null && !cursor.isEmpty());
		}
		return changed;
	}

	/** Tenants with handovers still waiting for WeCom's result. */
	List<TenantId> waiting() {
		return this.jdbc.sql("select distinct tenant_id from wecom_transfer where status = 'waiting'")
			.query((rs, n) -> new TenantId(rs.getLong(1)))
			.list();
	}

	private static String status(WxCpUserTransferResultResp.STATUS status) {
		if (status == null) {
			return "waiting";
		}
		return switch (status) {
			case COMPLETE -> "success";
			case WAITING -> "waiting";
			case REFUSED -> "refused";
			case LIMIT -> "limit_exceeded";
			case NORECORD -> "failed";
		};
	}

	/** Gives groups a new owner. */
	public Map<String, Object> groups(TenantId tenant, List<String> chatIds, String newOwner) {
		Corp corp = this.corps.require(tenant);
		WxCpUserExternalGroupChatTransferResp response = this.api.call(corp,
				service -> service.getExternalContactService()
					.transferGroupChat(chatIds.toArray(String[]::new), newOwner));
		List<String> failed = new ArrayList<>();
		if (response.getFailedChatList() != null) {
			response.getFailedChatList().forEach(f -> failed.add(f.getChatId()));
		}
		for (String chat : chatIds) {
			boolean ok = !failed.contains(chat);
			record(tenant, "group", "", newOwner, chat, ok ? "success" : "failed", ok ? 0 : -1);
			if (ok) {
				this.jdbc.sql("update wecom_group set owner = ? where tenant_id = ? and chat_id = ?")
					.params(newOwner, tenant.value(), chat)
					.update();
			}
		}
		return Map.of("transferred", chatIds.size() - failed.size(), "failed", failed);
	}

	/** Every handover with its status, newest first. */
	public List<Map<String, Object>> list(TenantId tenant) {
		return this.jdbc.sql("""
				select kind, handover_userid, takeover_userid, target, status, errcode, fail_reason, requested_at
				from wecom_transfer where tenant_id = ? order by id desc limit 1000""")
			.param(tenant.value())
			.query((rs, n) -> {
				Map<String, Object> row = new LinkedHashMap<>();
				row.put("kind", rs.getString(1));
				row.put("from", rs.getString(2));
				row.put("to", rs.getString(3));
				row.put("target", rs.getString(4));
				row.put("status", rs.getString(5));
				row.put("errcode", rs.getObject(6));
				row.put("failReason", rs.getString(7));
				row.put("requestedAt", rs.getTimestamp(8).toInstant().toString());
				return row;
			})
			.list();
	}

	private void record(TenantId tenant, String kind, String from, String to, String target, String status,
			int errcode) {
		this.jdbc.sql("""
				insert into wecom_transfer (tenant_id, kind, handover_userid, takeover_userid, target, status, errcode)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(tenant.value(), kind, from, to, target, status, errcode)
			.update();
	}

}
