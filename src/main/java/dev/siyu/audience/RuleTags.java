package dev.siyu.audience;

import java.util.List;

import dev.siyu.tags.Tag;
import dev.siyu.tags.TagCatalog;
import dev.siyu.tags.TagCatalog.TagDefinition;
import dev.siyu.tags.TagKind;
import dev.siyu.tags.Tagging;

import org.springframework.stereotype.Service;

/**
 * Tags whose members are whoever an expression selects (which covers rules over orders:
 * {@code bought.category('面霜', last 30d)}, {@code orders.amount(last 365d) >= 1000},
 * {@code orders.count(all, sku = 'Y') >= 3}). Recomputing one applies only the
 * difference, so entries and exits are recorded as tag changes.
 */
@Service
public class RuleTags {

	static final String ACTOR = "rule";

	private final TagCatalog catalog;

	private final Tagging tagging;

	private final Segments segments;

	RuleTags(TagCatalog catalog, Tagging tagging, Segments segments) {
		this.catalog = catalog;
		this.tagging = tagging;
		this.segments = segments;
	}

	public Tag define(long scope, String group, String name, String description, String owner, Expression rule,
			String actor) {
		this.segments.count(scope, rule, Engine.BITMAP);
		Tag tag = this.catalog.create(scope,
				new TagDefinition(group, name, description, owner, TagKind.RULE, Expressions.toText(rule), null),
				actor);
		recompute(tag);
		return tag;
	}

	public Tag redefine(long scope, long tagId, Expression rule, String actor) {
		this.segments.count(scope, rule, Engine.BITMAP);
		Tag tag = this.catalog.update(scope, tagId,
				new TagDefinition(null, null, null, null, null, Expressions.toText(rule), null), actor);
		recompute(tag);
		return tag;
	}

	List<Tag> of(long scope) {
		return this.catalog.tags(scope).stream().filter(tag -> tag.kind() == TagKind.RULE).toList();
	}

	List<Tag> all() {
		return this.catalog.ruleTags();
	}

	/**
	 * Makes the tag's members those its rule selects now; true when someone entered or
	 * left.
	 */
	boolean recompute(Tag tag) {
		Expression rule = Expressions.parse(tag.rule());
		if (mentions(rule, tag.name())) {
			throw new IllegalArgumentException("the rule of tag '" + tag.name() + "' names the tag itself");
		}
		long[] members = this.segments.members(tag.scope(), rule);
		Tagging.Change change = this.tagging.replaceMembers(tag.scope(), tag.id(), members, ACTOR,
				"rule: " + tag.rule());
		return !change.added().isEmpty() || !change.removed().isEmpty();
	}

	private static boolean mentions(Expression rule, String tagName) {
		return Expressions.toText(rule).contains("tag(" + TextWriter.quoted(tagName) + ")");
	}

}
