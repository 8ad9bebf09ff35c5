package org.cfqnn.qnn.train;

import org.cfqnn.qnn.GradientMethod;
import org.cfqnn.radio.RadioModel;

/**
 * How a model trains (paper Sec. V, Algorithms 2-3): {@code nEpoch} epochs ("episodes") of
 * {@code nData} samples, each a fresh channel; the optimizer ({@code sgd} with the paper's step
 * {@code mu / sqrt(epoch + 1)}, {@code adam}, or {@code rotosolve}); circuit gradients by
 * {@code parameter-shift} (shift {@code varrho}) or {@code adjoint}; and, for models serving a range of
 * interference factors, the range training draws mu from ({@code muLow == muHigh}: the scenario's mu).
 * {@code batch} samples' gradients are averaged per update (1: the paper's one update per sample).
 * {@code trainAps x trainUsers}, when not 0, is the network size a size-free cloud trains on before it
 * is deployed on the scenario's network (transfer); 0 trains on the scenario's network.
 */
public record TrainingSettings(String optimizer, double learningRate, int nData, int nEpoch,
                               GradientMethod gradient, double shift, double muLow, double muHigh, int batch,
                               int trainAps, int trainUsers) {

    public static final String SGD = "sgd";
    public static final String ADAM = "adam";
    public static final String ROTOSOLVE = "rotosolve";

    /** One update per sample, on the deployed network's size. */
    public TrainingSettings(String optimizer, double learningRate, int nData, int nEpoch, GradientMethod gradient,
                            double shift, double muLow, double muHigh) {
        this(optimizer, learningRate, nData, nEpoch, gradient, shift, muLow, muHigh, 1, 0, 0);
    }

    public int iterations() {
        return nData * nEpoch;
    }

    /** Whether training runs on another network size than deployment. */
    public boolean transfers() {
        return trainAps > 0;
    }

    /** The radio model training draws channels from: {@code deployed}, or its size replaced by the training network's. */
    public RadioModel trainingRadio(RadioModel deployed) {
        if (!transfers()) {
            return deployed;
        }
        return new RadioModel(trainAps, trainUsers, deployed.nTx(), deployed.nPath(), deployed.kappa(), deployed.dMin(),
                deployed.rho(), deployed.mu(), deployed.csiError());
    }

    public Optimizer newOptimizer(int size) {
        return switch (optimizer) {
            case SGD -> Optimizer.sgd(learningRate);
            case ADAM -> Optimizer.adam(learningRate, size);
            default -> null; // rotosolve updates without gradients
        };
    }
}
