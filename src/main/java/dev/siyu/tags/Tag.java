package dev.siyu.tags;

/**
 * A tag of the catalog. A rule tag carries its audience expression; {@code validDays},
 * when set, makes each assignment expire that many days after it was made.
 */
public record Tag(long id, long scope, Long groupId, String name, String description, String owner, TagKind kind,
		String rule, Integer validDays) {

}
