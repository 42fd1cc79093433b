/**
 * Tags: the catalog of tag groups and tags, tagging persons by hand or by rule with every
 * entry and exit recorded, and tags on products.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Tags")
package dev.siyu.tags;
