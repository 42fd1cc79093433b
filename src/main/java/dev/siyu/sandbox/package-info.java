/**
 * A local WeCom sandbox: serves the WeCom APIs siyu uses with realistic behaviour and
 * pushes signed, encrypted callbacks to siyu, so the demo and the tests run without a
 * real corp.
 */
@org.springframework.modulith.ApplicationModule(displayName = "WeCom sandbox")
package dev.siyu.sandbox;
