package org.cfqnn.qnn;

/**
 * The training loss of one sample as a function of a model's parameters. Non-differentiable
 * objectives (the paper's cloud loss, whose decoding floors circuit outputs) give only values; the
 * trainer then differentiates them by the parameter-shift formula applied to the loss, as the paper's
 * Appendix B writes it.
 */
public interface Objective {

    double loss(double[] params);

    /** Whether {@link #lossAndGradient} is available. */
    boolean differentiable();

    /** The loss, with its gradient written into {@code grad}. */
    double lossAndGradient(double[] params, double[] grad);
}
