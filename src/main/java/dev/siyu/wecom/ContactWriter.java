package dev.siyu.wecom;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.siyu.identity.IdentityResolution;
import dev.siyu.privacy.Masking;
import dev.siyu.privacy.PersonalData;
import dev.siyu.shared.PhoneNumber;
import dev.siyu.shared.TenantId;
import me.chanjar.weixin.cp.bean.external.contact.ExternalContact;
import me.chanjar.weixin.cp.bean.external.contact.FollowedUser;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes contacts and follow relations as WeCom's API describes them, and makes each
 * contact an account of the identity graph: its external_userid is the account, its
 * unionid and the mobiles staff noted in remarks are identifiers, so a friend and a buyer
 * with the same phone or unionid become one person.
 */
@Component
class ContactWriter {

	static final String PLATFORM = "wecom";

	private final JdbcClient jdbc;

	private final PersonalData personalData;

	private final IdentityResolution identity;

	private final Corps corps;

	private final Reach reach;

	private final CodeCustomers codeCustomers;

	private final ContactTagPull tags;

	ContactWriter(JdbcClient jdbc, PersonalData personalData, IdentityResolution identity, Corps corps, Reach reach,
			CodeCustomers codeCustomers, ContactTagPull tags) {
		this.tags = tags;
		this.jdbc = jdbc;
		this.personalData = personalData;
		this.identity = identity;
		this.corps = corps;
		this.reach = reach;
		this.codeCustomers = codeCustomers;
	}

	/** A contact as the API showed it, with the relations it has to staff. */
	record Seen(ExternalContact contact, List<FollowedUser> follows) {
	}

	@Transactional
	void write(TenantId tenant, List<Seen> seen) {
		if (seen.isEmpty()) {
			return;
		}
		// re-read from WeCom if lost in a crash
		this.jdbc.sql("set local synchronous_commit = off").update();
		this.jdbc.sql("""
				create temp table account_stage (account_key text) on commit drop;
				create temp table identity_stage (account_key text, kind text, value_hash bytea, value_enc bytea,
				                                  masked text, strong boolean) on commit drop""").update();
		List<String> externals = new ArrayList<>();
		for (Seen one : seen) {
			ExternalContact contact = one.contact();
			String external = contact.getExternalUserId();
			externals.add(external);
			this.jdbc
				.sql("""
						insert into wecom_contact (tenant_id, external_userid, name_enc, name_masked, contact_type, gender,
						                           has_unionid, detail_at)
						values (?, ?, ?, ?, ?, ?, ?, now())
						on conflict (tenant_id, external_userid) do update set name_enc = excluded.name_enc,
						  name_masked = excluded.name_masked, contact_type = excluded.contact_type, gender = excluded.gender,
						  has_unionid = excluded.has_unionid, detail_at = now()""")
				.params(tenant.value(), external, this.personalData.encrypt(contact.getName()),
						(contact.getName() != null) ? Masking.name(contact.getName()) : null, contact.getType(),
						contact.getGender(), contact.getUnionId() != null)
				.update();
			this.jdbc.sql("insert into account_stage values (?)").param(external).update();
			stage(external, "unionid", contact.getUnionId(), Masking.identifier(String.valueOf(contact.getUnionId())));
			for (FollowedUser follow : one.follows()) {
				follow(tenant, external, follow);
				if (follow.getRemarkMobiles() != null) {
					for (String mobile : follow.getRemarkMobiles()) {
						PhoneNumber phone = PhoneNumber.parse(mobile);
						if (phone.kind() == PhoneNumber.Kind.MOBILE) {
							stage(external, "phone", phone.normalized(), phone.masked());
						}
					}
				}
			}
		}
		this.jdbc.sql("""
				create temp table identity_dedup on commit drop as
				select account_key, kind, value_hash, any_value(value_enc) as value_enc, any_value(masked) as masked,
				       bool_or(strong) as strong
				from identity_stage group by account_key, kind, value_hash;
				truncate identity_stage; insert into identity_stage select * from identity_dedup;
				drop table identity_dedup; analyze account_stage, identity_stage""").update();
		this.identity.absorb(this.corps.identityScope(tenant), PLATFORM, "wecom sync");
		this.jdbc.sql("drop table account_stage; drop table identity_stage").update();
		this.reach.recompute(tenant, externals);
		this.tags.pull(tenant, externals);
	}

	private void stage(String external, String kind, String value, String masked) {
		if (value == null || value.isBlank()) {
			return;
		}
		this.jdbc.sql("insert into identity_stage values (?, ?, ?, ?, ?, true)")
			.params(external, kind, this.personalData.blindIndex(kind, value), this.personalData.encrypt(value), masked)
			.update();
	}

	private void follow(TenantId tenant, String external, FollowedUser follow) {
		String remark = (follow.getRemark() == null || follow.getRemark().isEmpty()) ? null : follow.getRemark();
		Integer addWay = (follow.getAddWay() != null && !follow.getAddWay().isEmpty())
				? Integer.valueOf(follow.getAddWay()) : null;
		Timestamp added = (follow.getCreateTime() != null)
				? Timestamp.from(Instant.ofEpochSecond(follow.getCreateTime())) : null;
		this.jdbc.sql("""
				insert into wecom_follow (tenant_id, userid, external_userid, remark_enc, remark_masked, state, add_way,
				                          tag_ids, added_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (tenant_id, userid, external_userid) do update set remark_enc = excluded.remark_enc,
				  remark_masked = excluded.remark_masked, state = coalesce(excluded.state, wecom_follow.state),
				  add_way = excluded.add_way, tag_ids = excluded.tag_ids,
				  added_at = coalesce(excluded.added_at, wecom_follow.added_at), deleted_at = null, deleted_by = null,
				  updated_at = now()""")
			.params(tenant.value(), follow.getUserId(), external, this.personalData.encrypt(remark),
					(remark != null) ? Masking.name(remark) : null, follow.getState(), addWay,
					(follow.getTagIds() != null) ? follow.getTagIds() : new String[0], added)
			.update();
		this.codeCustomers.came(tenant, follow.getState(), external, added);
	}

}
