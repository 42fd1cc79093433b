/**
 * The web console: sign-in, roles and brands, and the operators' pages, server-rendered
 * in Chinese or English.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Console")
package dev.siyu.console;
