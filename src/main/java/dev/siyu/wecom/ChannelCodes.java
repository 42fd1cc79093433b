package dev.siyu.wecom;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.siyu.identity.IdentityResolution;
import dev.siyu.shared.TenantId;
import me.chanjar.weixin.cp.bean.external.WxCpContactWayInfo;
import me.chanjar.weixin.cp.bean.external.WxCpContactWayResult;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Channel codes (渠道活码): WeCom "联系我" QR codes whose state names where the customer came
 * from, with scans and adds per code; and package-insert cards, each with a short code
 * that ties the friend who claims it to the order it was packed with.
 */
@Service
public class ChannelCodes {

	private static final char[] CARD_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ".toCharArray();

	private static final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final Corps corps;

	private final WeComApi api;

	private final IdentityResolution identity;

	ChannelCodes(JdbcClient jdbc, Corps corps, WeComApi api, IdentityResolution identity) {
		this.jdbc = jdbc;
		this.corps = corps;
		this.api = api;
		this.identity = identity;
	}

	/** What an operator asks for. */
	public record NewCode(String state, String kind, String name, List<String> userIds, String welcomeTemplate,
			String giftLink) {
	}

	public Map<String, Object> create(TenantId tenant, NewCode code) {
		if (code.state() == null || !code.state().matches("[A-Za-z0-9_:.-]{1,30}")) {
			throw new IllegalArgumentException(
					"state must be 1-30 letters, digits or _:.- (WeCom's limit), got '" + code.state() + "'");
		}
		String kind = (code.kind() != null) ? code.kind() : "other";
		if (!List.of("package_insert", "sms", "live", "store", "staff", "other").contains(kind)) {
			throw new IllegalArgumentException(
					"kind must be one of package_insert, sms, live, store, staff, other; got '" + kind + "'");
		}
		if (code.userIds() == null || code.userIds().isEmpty()) {
			throw new IllegalArgumentException("a channel code needs at least one staff member (userIds)");
		}
		Template.check(code.welcomeTemplate());
		boolean taken = this.jdbc.sql("select count(*) > 0 from wecom_channel_code where tenant_id = ? and state = ?")
			.params(tenant.value(), code.state())
			.query(Boolean.class)
			.single();
		if (taken) {
			throw new IllegalArgumentException("a channel code with state '" + code.state() + "' exists already");
		}
		Corp corp = this.corps.require(tenant);
		WxCpContactWayInfo.ContactWay way = new WxCpContactWayInfo.ContactWay();
		way.setType((code.userIds().size() == 1) ? WxCpContactWayInfo.TYPE.SINGLE : WxCpContactWayInfo.TYPE.MULTI);
		way.setScene(WxCpContactWayInfo.SCENE.QRCODE);
		way.setState(code.state());
		way.setUsers(code.userIds());
		way.setSkipVerify(true);
		way.setRemark((code.name() != null && code.name().length() <= 30) ? code.name() : null);
		WxCpContactWayInfo info = new WxCpContactWayInfo();
		info.setContactWay(way);
		WxCpContactWayResult result = this.api.call(corp,
				service -> service.getExternalContactService().addContactWay(info));
		this.jdbc
			.sql("""
					insert into wecom_channel_code (tenant_id, state, kind, name, userids, config_id, qr_code, welcome_template,
					                                gift_link)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(tenant.value(), code.state(), kind, (code.name() != null) ? code.name() : code.state(),
					code.userIds().toArray(String[]::new), result.getConfigId(), result.getQrCode(),
					code.welcomeTemplate(), code.giftLink())
			.update();
		return list(tenant).stream().filter(row -> row.get("state").equals(code.state())).findFirst().orElseThrow();
	}

	/** Every code with its scans (customers who reached the add step) and adds. */
	public List<Map<String, Object>> list(TenantId tenant) {
		return this.jdbc
			.sql("""
					select c.state, c.kind, c.name, c.userids, c.config_id, c.qr_code, c.welcome_template, c.gift_link,
					       (select count(*) from wecom_code_customer k
					        where k.tenant_id = c.tenant_id and k.state = c.state) as scans,
					       (select count(*) from wecom_follow f where f.tenant_id = c.tenant_id and f.state = c.state) as adds,
					       (select count(*) from wecom_follow f where f.tenant_id = c.tenant_id and f.state = c.state
					          and f.deleted_at is null) as friends
					from wecom_channel_code c where c.tenant_id = ? order by c.id""")
			.param(tenant.value())
			.query((rs, n) -> {
				Map<String, Object> row = new java.util.LinkedHashMap<>();
				row.put("state", rs.getString(1));
				row.put("kind", rs.getString(2));
				row.put("name", rs.getString(3));
				row.put("userIds", List.of((String[]) rs.getArray(4).getArray()));
				row.put("configId", rs.getString(5));
				row.put("qrCode", rs.getString(6));
				row.put("welcomeTemplate", rs.getString(7));
				row.put("giftLink", rs.getString(8));
				row.put("scans", Math.max(rs.getLong(9), rs.getLong(10)));
				row.put("adds", rs.getLong(10));
				row.put("friends", rs.getLong(11));
				return row;
			})
			.list();
	}

	/**
	 * Cards for the orders of a package-insert batch: one short code per order, printed
	 * on the card packed with it. Orders are named by platform order number.
	 */
	@Transactional
	public List<Map<String, String>> issueCards(TenantId tenant, String state, List<String> orderNos) {
		Long codeId = this.jdbc
			.sql("select id from wecom_channel_code where tenant_id = ? and state = ? and kind = 'package_insert'")
			.params(tenant.value(), state)
			.query(Long.class)
			.optional()
			.orElseThrow(
					() -> new IllegalArgumentException("no package_insert channel code with state '" + state + "'"));
		List<Map<String, String>> cards = new ArrayList<>();
		for (String orderNo : orderNos) {
			List<Long> orders = this.jdbc.sql("select id from orders where tenant_id = ? and order_no = ?")
				.params(tenant.value(), orderNo)
				.query(Long.class)
				.list();
			if (orders.size() != 1) {
				throw new IllegalArgumentException(
						"order '" + orderNo + "' " + (orders.isEmpty() ? "is not known" : "exists on several platforms")
								+ ": no card issued for it");
			}
			String code = shortCode();
			this.jdbc.sql("insert into wecom_card (tenant_id, code, channel_code_id, order_id) values (?, ?, ?, ?)")
				.params(tenant.value(), code, codeId, orders.get(0))
				.update();
			cards.add(Map.of("orderNo", orderNo, "code", code));
		}
		return cards;
	}

	/**
	 * A friend claims a card (typing its short code to the guide, or on the redemption
	 * page): the friend's account and the order's buyer account share the card as an
	 * identifier, which links them into one person.
	 */
	@Transactional
	public Map<String, Object> claimCard(TenantId tenant, String code, String externalUserId) {
		String normalized = (code != null) ? code.strip().toUpperCase(java.util.Locale.ROOT) : "";
		Map<String, Object> card = this.jdbc.sql("""
				select k.claimed_by, a.platform, a.account_key
				from wecom_card k join orders o on o.id = k.order_id left join account a on a.id = o.account_id
				where k.tenant_id = ? and k.code = ?""").params(tenant.value(), normalized).query((rs, n) -> {
			Map<String, Object> row = new java.util.HashMap<>();
			row.put("claimedBy", rs.getString(1));
			row.put("platform", rs.getString(2));
			row.put("accountKey", rs.getString(3));
			return row;
		}).optional().orElseThrow(() -> new IllegalArgumentException("no card with code '" + normalized + "'"));
		if (card.get("claimedBy") != null && !card.get("claimedBy").equals(externalUserId)) {
			throw new IllegalArgumentException("card '" + normalized + "' was claimed by another customer already");
		}
		boolean friend = this.jdbc
			.sql("select count(*) > 0 from wecom_contact where tenant_id = ? and external_userid = ?")
			.params(tenant.value(), externalUserId)
			.query(Boolean.class)
			.single();
		if (!friend) {
			throw new IllegalArgumentException("'" + externalUserId + "' is not a WeCom contact of this tenant");
		}
		this.jdbc.sql("update wecom_card set claimed_by = ?, claimed_at = now() where tenant_id = ? and code = ?")
			.params(externalUserId, tenant.value(), normalized)
			.update();
		if (card.get("accountKey") != null) {
			link(tenant, (String) card.get("platform"), (String) card.get("accountKey"), normalized);
			link(tenant, ContactWriter.PLATFORM, externalUserId, normalized);
		}
		Long person = this.jdbc.sql("""
				select person_id from account where tenant_id = ? and platform = 'wecom' and account_key = ?""")
			.params(this.corps.identityScope(tenant).value(), externalUserId)
			.query(Long.class)
			.optional()
			.orElse(null);
		Map<String, Object> out = new java.util.LinkedHashMap<>();
		out.put("code", normalized);
		out.put("externalUserId", externalUserId);
		out.put("personId", person);
		return out;
	}

	private void link(TenantId tenant, String platform, String accountKey, String cardCode) {
		this.jdbc.sql("""
				create temp table account_stage (account_key text) on commit drop;
				create temp table identity_stage (account_key text, kind text, value_hash bytea, value_enc bytea,
				                                  masked text, strong boolean) on commit drop""").update();
		this.jdbc.sql("insert into account_stage values (?)").param(accountKey).update();
		this.jdbc.sql("insert into identity_stage values (?, 'package_card', ?, null, ?, true)")
			.params(accountKey, (tenant.value() + ":" + cardCode).getBytes(java.nio.charset.StandardCharsets.UTF_8),
					cardCode)
			.update();
		this.identity.absorb(this.corps.identityScope(tenant), platform, "package card");
		this.jdbc.sql("drop table account_stage; drop table identity_stage").update();
	}

	private static String shortCode() {
		char[] code = new char[8];
		for (int i = 0; i < code.length; i++) {
			code[i] = CARD_ALPHABET[random.nextInt(CARD_ALPHABET.length)];
		}
		return new String(code);
	}

}
