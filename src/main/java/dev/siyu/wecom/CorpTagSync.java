package dev.siyu.wecom;

import java.util.List;
import java.util.Optional;

import dev.siyu.shared.TenantId;
import dev.siyu.tags.Tag;
import dev.siyu.tags.TagCatalog;
import dev.siyu.tags.TagCatalogChanged;
import dev.siyu.tags.TagKind;
import dev.siyu.tags.Tagging;
import me.chanjar.weixin.cp.bean.external.WxCpUserExternalTagGroupInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * WeCom's corp tags and siyu's tags of kind {@code wecom}, kept the same both ways. A
 * change in siyu is pushed to WeCom at once, inside the change's transaction, so a change
 * WeCom refuses is not made in siyu either. A change in WeCom (change_external_tag, or a
 * full sync) is pulled into the catalog; WeCom wins for a tag it still has, since the
 * push already carried siyu's last change there. A siyu tag of another kind with the same
 * name is left alone and the corp tag stays unlinked.
 */
@Component
class CorpTagSync {

	private static final Logger log = LoggerFactory.getLogger(CorpTagSync.class);

	private static final String ACTOR = "wecom";

	private final JdbcClient jdbc;

	private final Corps corps;

	private final WeComApi api;

	private final TagCatalog catalog;

	private final Tagging tagging;

	CorpTagSync(JdbcClient jdbc, Corps corps, WeComApi api, TagCatalog catalog, Tagging tagging) {
		this.jdbc = jdbc;
		this.corps = corps;
		this.api = api;
		this.catalog = catalog;
		this.tagging = tagging;
	}

	/** After the corp tag list was read: the catalog follows WeCom. */
	void pull(Corp corp) {
		long scope = this.corps.identityScope(corp.tenant()).value();
		List<CorpTag> tags = this.jdbc.sql("""
				select tag_id, group_name, name, tag_key, deleted_at is not null from wecom_corp_tag
				where tenant_id = ? order by group_name, sort_order, tag_id""")
			.param(corp.tenant().value())
			.query((rs, n) -> new CorpTag(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getBoolean(5)))
			.list();
		for (CorpTag corpTag : tags) {
			Optional<Tag> linked = (corpTag.key() != null) ? this.catalog.find(scope, Long.parseLong(corpTag.key()))
					: Optional.empty();
			if (corpTag.deleted()) {
				if (linked.isPresent()) {
					this.catalog.delete(scope, linked.get().id(), this.tagging, ACTOR);
				}
				link(corp.tenant(), corpTag.id(), null);
			}
			else if (linked.isPresent()) {
				if (!linked.get().name().equals(corpTag.name())) {
					this.catalog.update(scope, linked.get().id(),
							new TagCatalog.TagDefinition(null, corpTag.name(), null, null, null, null, null), ACTOR);
				}
			}
			else {
				adopt(corp, scope, corpTag);
			}
		}
	}

	private void adopt(Corp corp, long scope, CorpTag corpTag) {
		if (linkSameName(corp, scope, corpTag)) {
			return;
		}
		if (this.catalog.groups(scope).stream().noneMatch(group -> group.name().equals(corpTag.group()))) {
			try {
				this.catalog.createGroup(scope, corpTag.group(), "WeCom corp tag group", null, ACTOR);
			}
			catch (DuplicateKeyException | IllegalArgumentException ex) {
				// a sync and the refresher adopt the same new group at once
				if (this.catalog.groups(scope).stream().noneMatch(group -> group.name().equals(corpTag.group()))) {
					throw ex;
				}
			}
		}
		try {
			Tag created = this.catalog.create(scope, new TagCatalog.TagDefinition(corpTag.group(), corpTag.name(),
					"WeCom corp tag", null, TagKind.WECOM, null, null), ACTOR);
			link(corp.tenant(), corpTag.id(), created.id());
		}
		catch (DuplicateKeyException | IllegalArgumentException ex) {
			// a sync and the refresher read the same new corp tag at once: the other one
			// created it, seen by the catalog's own check or by the unique name
			if (!linkSameName(corp, scope, corpTag)) {
				throw ex;
			}
		}
	}

	/**
	 * Links the corp tag to siyu's tag of the same name, if there is one; whether there
	 * was.
	 */
	private boolean linkSameName(Corp corp, long scope, CorpTag corpTag) {
		Optional<Long> same = this.catalog.idOf(scope, corpTag.name());
		if (same.isEmpty()) {
			return false;
		}
		Tag tag = this.catalog.require(scope, same.get());
		if (tag.kind() != TagKind.WECOM) {
			log.info("Corp tag '{}' not linked: siyu has a {} tag of that name", corpTag.name(), tag.kind().code());
			return true;
		}
		link(corp.tenant(), corpTag.id(), tag.id());
		return true;
	}

	/** A change in siyu's catalog: pushed to WeCom when it concerns a WeCom tag. */
	@EventListener
	void pushed(TagCatalogChanged change) {
		Optional<Corp> corp = this.corps.find(new TenantId(change.scope()));
		if (corp.isEmpty() || corp.get().secret() == null) {
			return;
		}
		long tenant = corp.get().tenant().value();
		Optional<CorpTag> linked = this.jdbc.sql("""
				select tag_id, group_name, name, tag_key, false from wecom_corp_tag
				where tenant_id = ? and tag_key = ? and deleted_at is null""")
			.params(tenant, Long.toString(change.tagId()))
			.query((rs, n) -> new CorpTag(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), false))
			.optional();
		if (change.action().equals("deleted")) {
			linked.ifPresent(tag -> {
				this.api.call(corp.get(),
						service -> service.getExternalContactService().delCorpTag(new String[] { tag.id() }, null));
				this.jdbc.sql("""
						update wecom_corp_tag set deleted_at = now(), tag_key = null
						where tenant_id = ? and tag_id = ?""").params(tenant, tag.id()).update();
			});
			return;
		}
		Optional<Tag> tag = this.catalog.find(change.scope(), change.tagId());
		if (tag.isEmpty() || tag.get().kind() != TagKind.WECOM) {
			return;
		}
		if (linked.isPresent()) {
			if (!linked.get().name().equals(tag.get().name())) {
				this.api.call(corp.get(), service -> service.getExternalContactService()
					.editCorpTag(linked.get().id(), tag.get().name(), null));
				this.jdbc
					.sql("update wecom_corp_tag set name = ?, synced_at = now() where tenant_id = ? and tag_id = ?")
					.params(tag.get().name(), tenant, linked.get().id())
					.update();
			}
			return;
		}
		// a tag the pull is creating for a corp tag of the same name: linked, not pushed
		if (this.jdbc.sql("""
				update wecom_corp_tag set tag_key = ?
				where tenant_id = ? and name = ? and tag_key is null and deleted_at is null""")
			.params(Long.toString(change.tagId()), tenant, tag.get().name())
			.update() > 0) {
			return;
		}
		create(corp.get(), change.scope(), tag.get());
	}

	private void create(Corp corp, long scope, Tag tag) {
		String group = (tag.groupId() != null) ? this.catalog.groups(scope)
			.stream()
			.filter(g -> g.id() == tag.groupId())
			.map(TagCatalog.TagGroup::name)
			.findFirst()
			.orElse("siyu") : "siyu";
		WxCpUserExternalTagGroupInfo.Tag wanted = new WxCpUserExternalTagGroupInfo.Tag();
		wanted.setName(tag.name());
		WxCpUserExternalTagGroupInfo.TagGroup wantedGroup = new WxCpUserExternalTagGroupInfo.TagGroup();
		wantedGroup.setGroupName(group);
		wantedGroup.setTag(List.of(wanted));
		WxCpUserExternalTagGroupInfo request = new WxCpUserExternalTagGroupInfo();
		request.setTagGroup(wantedGroup);
		WxCpUserExternalTagGroupInfo.TagGroup made = this.api
			.call(corp, service -> service.getExternalContactService().addCorpTag(request))
			.getTagGroup();
		WxCpUserExternalTagGroupInfo.Tag madeTag = made.getTag().get(0);
		this.jdbc.sql("""
				insert into wecom_corp_tag (tenant_id, tag_id, group_id, group_name, name, tag_key)
				values (?, ?, ?, ?, ?, ?)
				on conflict (tenant_id, tag_id) do update set name = excluded.name, tag_key = excluded.tag_key,
				  deleted_at = null, synced_at = now()""")
			.params(corp.tenant().value(), madeTag.getId(), made.getGroupId(), made.getGroupName(), madeTag.getName(),
					Long.toString(tag.id()))
			.update();
	}

	private void link(TenantId tenant, String tagId, Long key) {
		this.jdbc.sql("update wecom_corp_tag set tag_key = ? where tenant_id = ? and tag_id = ?")
			.params((key != null) ? Long.toString(key) : null, tenant.value(), tagId)
			.update();
	}

	private record CorpTag(String id, String group, String name, String key, boolean deleted) {
	}

}
