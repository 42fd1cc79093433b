/**
 * Personal data: encryption, blind indexes, keyed digests and masking of customers'
 * personal fields.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Personal data")
package dev.siyu.privacy;
