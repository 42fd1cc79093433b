package dev.siyu.tags;

import java.util.List;

/**
 * Persons entered or left a tag (by hand, by rule, by expiry, or because persons merged).
 */
public record TagsChanged(long scope, long tagId, List<Long> added, List<Long> removed) {

	public TagsChanged {
		added = List.copyOf(added);
		removed = List.copyOf(removed);
	}

}
