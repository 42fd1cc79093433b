package dev.siyu.wecom;

import java.util.Collection;

import dev.siyu.shared.TenantId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code person_reach} true for the persons behind WeCom contacts: a friend of some
 * staff member, in some group, or opted out of marketing on any of their contacts; each
 * change is announced, coalesced, as {@link ReachChanged}.
 */
@Component
class Reach {

	private final JdbcClient jdbc;

	private final Corps corps;

	private final ReachChanges changes;

	Reach(JdbcClient jdbc, Corps corps, ReachChanges changes) {
		this.jdbc = jdbc;
		this.corps = corps;
		this.changes = changes;
	}

	void recompute(TenantId tenant, Collection<String> externalUserIds) {
		if (externalUserIds.isEmpty()) {
			return;
		}
		long scope = this.corps.identityScope(tenant).value();
		this.jdbc
			.sql("""
					with persons as (
					  select distinct a.person_id from account a
					  where a.tenant_id = :scope and a.platform = 'wecom' and a.account_key = any(:ids) and a.person_id is not null),
					facts as (
					  select a.person_id,
					         bool_or(exists (select 1 from wecom_follow f where f.tenant_id = :tenant
					                         and f.external_userid = a.account_key and f.deleted_at is null)) as friend,
					         bool_or(exists (select 1 from wecom_group_member m where m.tenant_id = :tenant
					                         and m.member_id = a.account_key and m.left_at is null)) as in_group,
					         bool_or(coalesce(c.marketing_opt_out, false)) as opt_out
					  from account a
					  left join wecom_contact c on c.tenant_id = :tenant and c.external_userid = a.account_key
					  where a.tenant_id = :scope and a.platform = 'wecom' and a.person_id in (select person_id from persons)
					  group by a.person_id)
					insert into person_reach (person_id, tenant_id, wecom_friend, in_group, marketing_opt_out)
					select person_id, :scope, friend, in_group, opt_out from facts
					on conflict (person_id) do update set wecom_friend = excluded.wecom_friend, in_group = excluded.in_group,
					  marketing_opt_out = excluded.marketing_opt_out, updated_at = now()""")
			.param("scope", scope)
			.param("tenant", tenant.value())
			.param("ids", externalUserIds.toArray(String[]::new))
			.update();
		this.changes.changed(tenant);
	}

}
