package dev.siyu.wecom;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.siyu.shared.TenantId;
import dev.siyu.tags.Tagging;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The corp tags staff put on follow relations, as siyu tag memberships: a person carries
 * a linked siyu tag when any live relation of any of their WeCom contacts has the corp
 * tag, and leaves it when none has. A mark siyu still has to send wins over what WeCom
 * showed.
 */
@Component
class ContactTagPull {

	static final String ACTOR = "wecom";

	private final JdbcClient jdbc;

	private final Corps corps;

	private final Tagging tagging;

	ContactTagPull(JdbcClient jdbc, Corps corps, Tagging tagging) {
		this.jdbc = jdbc;
		this.corps = corps;
		this.tagging = tagging;
	}

	/** For the persons behind these contacts. */
	void pull(TenantId tenant, Collection<String> externalUserIds) {
		if (!externalUserIds.isEmpty()) {
			apply(tenant, "a.account_key = any(:ids)", externalUserIds.toArray(String[]::new));
		}
	}

	/** For every person with a WeCom contact of the tenant. */
	void pullAll(TenantId tenant) {
		apply(tenant, "cast(:ids as text[]) is null", null);
	}

	private void apply(TenantId tenant, String which, String[] ids) {
		long scope = this.corps.identityScope(tenant).value();
		Map<Long, List<Long>> add = new HashMap<>();
		Map<Long, List<Long>> remove = new HashMap<>();
		this.jdbc
			.sql("""
					with persons as (
					  select distinct a.person_id from account a
					  where a.tenant_id = :scope and a.platform = 'wecom' and a.person_id is not null and %s),
					linked as (
					  select tag_id, cast(tag_key as bigint) as tag from wecom_corp_tag
					  where tenant_id = :tenant and tag_key is not null and deleted_at is null),
					relations as (
					  select a.person_id, f.userid, f.external_userid, f.tag_ids from account a
					  join wecom_follow f on f.tenant_id = :tenant and f.external_userid = a.account_key and f.deleted_at is null
					  where a.tenant_id = :scope and a.platform = 'wecom' and a.person_id in (select person_id from persons)),
					pending as (
					  select distinct on (m.userid, m.external_userid, m.tag_id) m.userid, m.external_userid, m.tag_id, m.add
					  from wecom_tag_mark m where m.tenant_id = :tenant and m.done_at is null
					  order by m.userid, m.external_userid, m.tag_id, m.id desc),
					wanted as (
					  select distinct r.person_id, l.tag from relations r cross join linked l
					  where coalesce((select p.add from pending p where p.userid = r.userid
					                    and p.external_userid = r.external_userid and p.tag_id = l.tag_id),
					                 l.tag_id = any(r.tag_ids))),
					has as (
					  select pt.person_id, pt.tag_id as tag from person_tag pt
					  where pt.tenant_id = :scope and pt.person_id in (select person_id from persons)
					    and pt.tag_id in (select tag from linked))
					(select person_id, tag, true from wanted except select person_id, tag, true from has)
					union all
					(select person_id, tag, false from has except select person_id, tag, false from wanted)"""
				.formatted(which))
			.param("scope", scope)
			.param("tenant", tenant.value())
			.param("ids", ids)
			.query((java.sql.ResultSet rs) -> {
				(rs.getBoolean(3) ? add : remove).computeIfAbsent(rs.getLong(2), tag -> new ArrayList<>())
					.add(rs.getLong(1));
			});
		add.forEach((tag, persons) -> this.tagging.add(scope, tag, persons, ACTOR, "corp tag in WeCom"));
		remove.forEach((tag, persons) -> this.tagging.remove(scope, tag, persons, ACTOR, "corp tag gone in WeCom"));
	}

}
