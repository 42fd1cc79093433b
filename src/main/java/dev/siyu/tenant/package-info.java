/**
 * Tenants: brands and groups of brands, their API keys, users and roles.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Tenants")
package dev.siyu.tenant;
