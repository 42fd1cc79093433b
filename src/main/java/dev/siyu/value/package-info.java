/**
 * Value: what a customer is worth. RFM, lifecycle stages, repurchase cycles and lifetime
 * value from the BG/NBD, Pareto/NBD and Gamma-Gamma models fitted by maximum likelihood.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Value")
package dev.siyu.value;
