package dev.siyu.tags;

/** A tag was defined, changed or deleted. */
public record TagCatalogChanged(long scope, long tagId, String action) {

}
