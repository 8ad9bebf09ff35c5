package org.cfqnn.qnn.train;

import org.cfqnn.qnn.Objective;

/** One training update of a parameter vector on one sample's objective. */
final class Steps {

    private Steps() {
    }

    /**
     * Updates {@code params} and returns the sample's loss (before the update for gradient methods,
     * after the sweep for Rotosolve). A non-differentiable objective is differentiated by the
     * parameter-shift formula applied to the loss, {@code [L(t + s) - L(t - s)] / (2 sin s)} per
     * parameter, as the paper's Appendix B writes it.
     */
    static double update(Objective o, double[] params, double[] grad, Optimizer optimizer, int epoch, double shift) {
        if (optimizer == null) {
            return Rotosolve.sweep(params, o::loss);
        }
        double loss;
        if (o.differentiable()) {
            loss = o.lossAndGradient(params, grad);
        } else {
            loss = o.loss(params);
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
        }
        optimizer.step(params, grad, epoch);
        return loss;
    }
}
