package dev.siyu.value;

/** A model fitted by maximum likelihood, with the log-likelihood it reached. */
public record Fitted<M>(M model, double logLikelihood) {
}
