package org.cfqnn.qnn.train;

import org.cfqnn.qnn.Objective;

/**
 * Training one sample at a time, as the emulator's cloud and edges do on live CSI: the optimizer's
 * state persists between samples, and every {@code nData} samples count as one epoch (the paper's step
 * schedule {@code mu / sqrt(epoch + 1)}).
 */
public final class OnlineTrainer {

    private final TrainingSettings settings;
    private final Optimizer optimizer;
    private final double[] grad;
    private long samples;

    public OnlineTrainer(TrainingSettings settings, int parameterCount) {
        this.settings = settings;
        this.optimizer = settings.newOptimizer(parameterCount);
        this.grad = new double[parameterCount];
    }

    /** One update of {@code params} in place; returns the sample's loss. */
    public double step(Objective objective, double[] params) {
        int epoch = (int) (samples++ / settings.nData());
        return Steps.update(objective, params, grad, optimizer, epoch, settings.shift());
    }

    public long samples() {
        return samples;
    }
}
