/** API conventions: how the HTTP API answers errors and describes itself (OpenAPI). */
@org.springframework.modulith.ApplicationModule(displayName = "HTTP API")
package dev.siyu.api;
