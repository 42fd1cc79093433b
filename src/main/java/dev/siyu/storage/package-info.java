/**
 * Storage: where siyu keeps its data, an embedded PostgreSQL in a data directory by
 * default or an external one by setting.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Storage")
package dev.siyu.storage;
