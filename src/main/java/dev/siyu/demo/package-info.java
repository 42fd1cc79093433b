/**
 * Demo: a dairy brand with its orders from every platform, created on first start with
 * --demo.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo")
package dev.siyu.demo;
