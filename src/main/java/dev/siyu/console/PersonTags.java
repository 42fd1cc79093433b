package dev.siyu.console;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.siyu.tags.Tag;
import dev.siyu.tags.TagCatalog;
import dev.siyu.tags.TagKind;
import dev.siyu.tags.Tagging;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The tags on a 360 page: those the person carries, the manual tags that can still be
 * added, and the latest entries and exits with who made them.
 */
@Component
class PersonTags {

	private static final int HISTORY = 10;

	private final Tagging tagging;

	private final TagCatalog catalog;

	private final JdbcClient jdbc;

	PersonTags(Tagging tagging, TagCatalog catalog, JdbcClient jdbc) {
		this.tagging = tagging;
		this.catalog = catalog;
		this.jdbc = jdbc;
	}

	View of(long person) {
		long scope = scopeOf(person);
		List<Tagging.PersonTag> carried = this.tagging.of(scope, person);
		Set<Long> carriedIds = carried.stream().map(Tagging.PersonTag::tagId).collect(Collectors.toSet());
		List<Tag> addable = this.catalog.tags(scope)
			.stream()
			.filter(tag -> tag.kind() == TagKind.MANUAL && !carriedIds.contains(tag.id()))
			.toList();
		return new View(person, carried, addable, this.tagging.history(scope, null, person, HISTORY), null);
	}

	View add(Workspace workspace, long person, long tagId) {
		long scope = scopeOf(person);
		requireManual(scope, tagId);
		this.tagging.add(scope, tagId, List.of(person), workspace.username(), "console");
		return of(person);
	}

	View remove(Workspace workspace, long person, long tagId) {
		long scope = scopeOf(person);
		requireManual(scope, tagId);
		this.tagging.remove(scope, tagId, List.of(person), workspace.username(), "console");
		return of(person);
	}

	View refused(long person, String error) {
		View view = of(person);
		return new View(view.person(), view.carried(), view.addable(), view.history(), error);
	}

	/** Rule and WeCom tags follow their source; only manual ones are set by hand. */
	private void requireManual(long scope, long tagId) {
		Tag tag = this.catalog.require(scope, tagId);
		if (tag.kind() != TagKind.MANUAL) {
			throw new IllegalArgumentException("tag '" + tag.name() + "' is a " + tag.kind().code()
					+ " tag: its members come from its " + (tag.kind() == TagKind.RULE ? "rule" : "source"));
		}
	}

	private long scopeOf(long person) {
		return this.jdbc.sql("select tenant_id from person where id = ?").param(person).query(Long.class).single();
	}

	/** What the tags card shows; {@code error} when a change was refused. */
	record View(long person, List<Tagging.PersonTag> carried, List<Tag> addable, List<Map<String, Object>> history,
			String error) {
	}

}
