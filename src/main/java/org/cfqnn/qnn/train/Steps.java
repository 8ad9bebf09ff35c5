package org.cfqnn.qnn.train;

import org.cfqnn.qnn.Objective;

/** One training update of a parameter vector on one sample's objective, or on a batch of them. */
final class Steps {

    private Steps() {
    }

    /**
     * Updates {@code params} and returns the sample's loss (before the update for gradient methods,
     * after the sweep for Rotosolve).
     */
    static double update(Objective o, double[] params, double[] grad, Optimizer optimizer, int epoch, double shift) {
        if (optimizer == null) {
            return Rotosolve.sweep(params, o::loss);
        }
        double loss = gradient(o, params, grad, shift);
        optimizer.step(params, grad, epoch);
        return loss;
    }

    /**
     * Writes the gradient of the sample's loss into {@code grad} and returns the loss. A
     * non-differentiable objective is differentiated by the parameter-shift formula applied to the
     * loss, {@code [L(t + s) - L(t - s)] / (2 sin s)} per parameter, as the paper's Appendix B writes it.
     */
    static double gradient(Objective o, double[] params, double[] grad, double shift) {
        if (o.differentiable()) {
            return o.lossAndGradient(params, grad);
        }
        double loss = o.loss(params);
        double scale = 1 / (2 * Math.sin(shift));
        for (int i = 0; i < params.length; i++) {
            double keep = params[i];
            params[i] = keep + shift;
            double plus = o.loss(params);
            params[i] = keep - shift;
            double minus = o.loss(params);
            params[i] = keep;
            grad[i] = scale * (plus - minus);
        }
        return loss;
    }
}
