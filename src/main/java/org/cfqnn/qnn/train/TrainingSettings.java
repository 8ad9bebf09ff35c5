package org.cfqnn.qnn.train;

import org.cfqnn.qnn.GradientMethod;

/**
 * How a model trains (paper Sec. V, Algorithms 2-3): {@code nEpoch} epochs ("episodes") of
 * {@code nData} samples, each a fresh channel; the optimizer ({@code sgd} with the paper's step
 * {@code mu / sqrt(epoch + 1)}, {@code adam}, or {@code rotosolve}); circuit gradients by
 * {@code parameter-shift} (shift {@code varrho}) or {@code adjoint}; and, for models serving a range of
 * interference factors, the range training draws mu from ({@code muLow == muHigh}: the scenario's mu).
 */
public record TrainingSettings(String optimizer, double learningRate, int nData, int nEpoch,
                               GradientMethod gradient, double shift, double muLow, double muHigh) {

    public static final String SGD = "sgd";
    public static final String ADAM = "adam";
    public static final String ROTOSOLVE = "rotosolve";

    public int iterations() {
        return nData * nEpoch;
    }

    public Optimizer newOptimizer(int size) {
        return switch (optimizer) {
            case SGD -> Optimizer.sgd(learningRate);
            case ADAM -> Optimizer.adam(learningRate, size);
            default -> null; // rotosolve updates without gradients
        };
    }
}
