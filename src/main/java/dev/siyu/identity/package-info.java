/**
 * Identity: buyer accounts, their identifiers and the persons (One IDs) they belong to,
 * with the evidence of every link.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package dev.siyu.identity;
