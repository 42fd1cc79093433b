/** Ingest: orders from platform exports, mappings and the API into PostgreSQL. */
@org.springframework.modulith.ApplicationModule(displayName = "Ingest")
package dev.siyu.ingest;
