/**
 * Synthetic data: a deterministic generator of a dairy brand's platform order exports,
 * with the ground truth of who is who, for tests, demos and benchmarks.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Synthetic data")
package dev.siyu.synthetic;
