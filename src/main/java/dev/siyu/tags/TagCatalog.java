package dev.siyu.tags;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tag groups and tags of a scope; every change is audited with who, when, before and
 * after.
 */
@Service
public class TagCatalog {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final String COLUMNS = "id, tenant_id, group_id, name, description, owner, kind, rule, valid_days";

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Map<Long, Names> idsByName = new ConcurrentHashMap<>();

	TagCatalog(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	/**
	 * What a new or changed tag looks like; null fields of a change stay as they were.
	 */
	public record TagDefinition(String group, String name, String description, String owner, TagKind kind, String rule,
			Integer validDays) {

	}

	public record TagGroup(long id, String name, String description, String owner) {

	}

	@Transactional
	public TagGroup createGroup(long scope, String name, String description, String owner, String actor) {
		requireName(name, "a tag group");
		if (this.jdbc.sql("select count(*) from tag_group where tenant_id = ? and name = ?")
			.params(scope, name)
			.query(Long.class)
			.single() > 0) {
			throw new IllegalArgumentException("a tag group named '" + name + "' exists already");
		}
		long id = this.jdbc
			.sql("insert into tag_group (tenant_id, name, description, owner) values (?, ?, ?, ?) returning id")
			.params(scope, name, description, owner)
			.query(Long.class)
			.single();
		TagGroup group = new TagGroup(id, name, description, owner);
		audit(scope, null, id, "group created", actor, null, group);
		return group;
	}

	public List<TagGroup> groups(long scope) {
		return this.jdbc.sql("select id, name, description, owner from tag_group where tenant_id = ? order by name")
			.param(scope)
			.query((rs, n) -> new TagGroup(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.list();
	}

	@Transactional
	public Tag create(long scope, TagDefinition definition, String actor) {
		requireName(definition.name(), "a tag");
		TagKind kind = (definition.kind() != null) ? definition.kind() : TagKind.MANUAL;
		if ((kind == TagKind.RULE) != (definition.rule() != null)) {
			throw new IllegalArgumentException((kind == TagKind.RULE) ? "a rule tag needs its rule (an expression)"
					: "only a rule tag has a rule; this one is " + kind.code());
		}
		checkValidDays(definition.validDays());
		if (idOf(scope, definition.name()).isPresent()) {
			throw new IllegalArgumentException("a tag named '" + definition.name() + "' exists already");
		}
		Long groupId = groupId(scope, definition.group());
		long id = this.jdbc.sql("""
				insert into tag (tenant_id, group_id, name, description, owner, kind, rule, valid_days)
				values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(scope, groupId, definition.name(), definition.description(), definition.owner(), kind.code(),
					definition.rule(), definition.validDays())
			.query(Long.class)
			.single();
		Tag tag = require(scope, id);
		audit(scope, id, groupId, "created", actor, null, tag);
		changed(scope, id, "created");
		return tag;
	}

	@Transactional
	public Tag update(long scope, long tagId, TagDefinition change, String actor) {
		Tag before = require(scope, tagId);
		if (change.kind() != null && change.kind() != before.kind()) {
			throw new IllegalArgumentException("the kind of a tag cannot change (" + before.kind().code() + ")");
		}
		if (change.rule() != null && before.kind() != TagKind.RULE) {
			throw new IllegalArgumentException("only a rule tag has a rule; this one is " + before.kind().code());
		}
		if (change.name() != null && !change.name().equals(before.name())) {
			requireName(change.name(), "a tag");
			if (idOf(scope, change.name()).isPresent()) {
				throw new IllegalArgumentException("a tag named '" + change.name() + "' exists already");
			}
		}
		checkValidDays(change.validDays());
		Long groupId = (change.group() != null) ? groupId(scope, change.group()) : before.groupId();
		this.jdbc.sql("""
				update tag set group_id = ?, name = coalesce(?, name), description = coalesce(?, description),
				       owner = coalesce(?, owner), rule = coalesce(?, rule), valid_days = coalesce(?, valid_days),
				       updated_at = now()
				where id = ?""")
			.params(groupId, change.name(), change.description(), change.owner(), change.rule(), change.validDays(),
					tagId)
			.update();
		Tag after = require(scope, tagId);
		audit(scope, tagId, groupId, "changed", actor, before, after);
		changed(scope, tagId, "changed");
		return after;
	}

	/** Removes the tag; its members leave it first, each exit recorded. */
	@Transactional
	public void delete(long scope, long tagId, Tagging tagging, String actor) {
		Tag before = require(scope, tagId);
		tagging.removeAll(scope, tagId, actor, "tag deleted");
		this.jdbc.sql("delete from product_tag where tag_id = ?").param(tagId).update();
		this.jdbc.sql("delete from tag where id = ?").param(tagId).update();
		audit(scope, tagId, before.groupId(), "deleted", actor, before, null);
		changed(scope, tagId, "deleted");
	}

	public List<Tag> tags(long scope) {
		return this.jdbc.sql("select " + COLUMNS + " from tag where tenant_id = ? order by name")
			.param(scope)
			.query(TagCatalog::tag)
			.list();
	}

	/** Rule tags of every scope, for the scheduled recomputation. */
	public List<Tag> ruleTags() {
		return this.jdbc.sql("select " + COLUMNS + " from tag where kind = 'rule' order by tenant_id, id")
			.query(TagCatalog::tag)
			.list();
	}

	public Optional<Tag> find(long scope, long tagId) {
		return this.jdbc.sql("select " + COLUMNS + " from tag where tenant_id = ? and id = ?")
			.params(scope, tagId)
			.query(TagCatalog::tag)
			.optional();
	}

	public Tag require(long scope, long tagId) {
		return find(scope, tagId).orElseThrow(() -> new TagNotFound("no tag " + tagId));
	}

	public Tag require(long scope, String name) {
		return idOf(scope, name).map(id -> require(scope, id))
			.orElseThrow(() -> new TagNotFound("no tag named '" + name + "'"));
	}

	/**
	 * The id of the tag of this name, from a cache of the scope's names. The cache is
	 * dropped by this catalog's own changes; a name it does not know, or a call to
	 * {@link #refreshIfChanged}, compares the catalog's version in PostgreSQL with the
	 * cached one, so tags created, renamed or deleted by another process become known.
	 */
	public Optional<Long> idOf(long scope, String name) {
		Names names = this.idsByName.computeIfAbsent(scope, this::names);
		Long id = names.ids().get(name);
		if (id == null && refreshIfChanged(scope)) {
			id = this.idsByName.computeIfAbsent(scope, this::names).ids().get(name);
		}
		return Optional.ofNullable(id);
	}

	/**
	 * Drops the cached names of the scope when the catalog changed elsewhere; true if so.
	 */
	public boolean refreshIfChanged(long scope) {
		Names cached = this.idsByName.get(scope);
		if (cached == null || cached.version().equals(version(scope))) {
			return false;
		}
		this.idsByName.remove(scope, cached);
		return true;
	}

	private Names names(long scope) {
		String version = version(scope);
		Map<String, Long> loaded = new ConcurrentHashMap<>();
		this.jdbc.sql("select name, id from tag where tenant_id = ?")
			.param(scope)
			.query((rs, n) -> loaded.put(rs.getString(1), rs.getLong(2)))
			.list();
		return new Names(loaded, version);
	}

	/** Changes with every tag created, renamed or deleted. */
	private String version(long scope) {
		return this.jdbc.sql("""
				select count(*) || ':' || coalesce(max(id), 0) || ':' || coalesce(max(updated_at)::text, '')
				from tag where tenant_id = ?""").param(scope).query(String.class).single();
	}

	private record Names(Map<String, Long> ids, String version) {

	}

	public List<Map<String, Object>> audit(long scope, long tagId) {
		return this.jdbc.sql("""
				select action, actor, before::text as before, after::text as after, at from tag_audit
				where tenant_id = ? and tag_id = ? order by id""").params(scope, tagId).query((rs, n) -> {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("action", rs.getString("action"));
			row.put("actor", rs.getString("actor"));
			row.put("before", (rs.getString("before") != null) ? json.readTree(rs.getString("before")) : null);
			row.put("after", (rs.getString("after") != null) ? json.readTree(rs.getString("after")) : null);
			row.put("at", rs.getTimestamp("at").toInstant().toString());
			return row;
		}).list();
	}

	private Long groupId(long scope, String group) {
		if (group == null || group.isBlank()) {
			return null;
		}
		return this.jdbc.sql("select id from tag_group where tenant_id = ? and name = ?")
			.params(scope, group)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new IllegalArgumentException("no tag group named '" + group + "'"));
	}

	private void audit(long scope, Long tagId, Long groupId, String action, String actor, Object before, Object after) {
		this.jdbc.sql("""
				insert into tag_audit (tenant_id, tag_id, group_id, action, actor, before, after)
				values (?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb))""")
			.params(scope, tagId, groupId, action, actor, (before != null) ? json.writeValueAsString(before) : null,
					(after != null) ? json.writeValueAsString(after) : null)
			.update();
	}

	private void changed(long scope, long tagId, String action) {
		this.idsByName.remove(scope);
		this.events.publishEvent(new TagCatalogChanged(scope, tagId, action));
	}

	private static void requireName(String name, String what) {
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException(what + " needs a name");
		}
		if (name.length() > 100) {
			throw new IllegalArgumentException("the name of " + what + " is at most 100 characters");
		}
	}

	private static void checkValidDays(Integer validDays) {
		if (validDays != null && validDays <= 0) {
			throw new IllegalArgumentException("valid_days is a positive number of days, not " + validDays);
		}
	}

	private static Tag tag(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Tag(rs.getLong(1), rs.getLong(2), rs.getObject(3, Long.class), rs.getString(4), rs.getString(5),
				rs.getString(6), TagKind.ofCode(rs.getString(7)), rs.getString(8), rs.getObject(9, Integer.class));
	}

}
