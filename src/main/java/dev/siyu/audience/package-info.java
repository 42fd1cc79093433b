/**
 * Audiences: the expression language, the bitmap and SQL engines that count and list who
 * is in, saved, dynamic and frozen audiences, and rule tags computed from expressions.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audiences")
package dev.siyu.audience;
