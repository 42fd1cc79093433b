/**
 * Matching: a Fellegi-Sunter record linkage engine with no database. Field kinds compare
 * values into agreement levels, m probabilities are estimated by EM without labels and u
 * probabilities from random pairs, exact agreements are weighted by how rare the value
 * is, and blocking rules combined by union keep the candidate pairs near-linear.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Matching")
package dev.siyu.matching;
