package org.cfqnn.qnn.cloud;

import java.util.SplittableRandom;

/**
 * The classical control of {@link LinkNetwork}: the same pooled input {@code z} (a link's features, their
 * mean over its AP's links and over its user's links) through one hidden layer, {@code e = tanh(W z + b)},
 * {@code H} units, shared by every link. No circuit is run.
 */
public final class LinkMlp implements LinkScorer {

    private final int hidden;
    private final int features;
    private final int inputWidth;

    public LinkMlp(int hidden, int features) {
        this.hidden = hidden;
        this.features = features;
        this.inputWidth = 3 * features;
    }

    @Override
    public int parameterCount() {
        return hidden * (inputWidth + 1);
    }

    @Override
    public int width() {
        return hidden;
    }

    @Override
    public int featureCount() {
        return features;
    }

    @Override
    public int circuitsPerLink() {
        return 0;
    }

    @Override
    public int qubits() {
        return 0;
    }

    /** Weights ~ N(0, 1/width), biases 0. */
    @Override
    public void initialize(double[] p, int offset, SplittableRandom r) {
        for (int h = 0; h < hidden; h++) {
            for (int i = 0; i < inputWidth; i++) {
                p[offset + h * (inputWidth + 1) + i] = r.nextGaussian() / Math.sqrt(inputWidth);
            }
        }
    }

    @Override
    public java.util.List<org.cfqnn.quantum.device.DeviceModel.Stage> stages(long links) {
        return java.util.List.of();
    }

    @Override
    public Pass pass(org.cfqnn.quantum.backend.BackendSpec decisions) {
        return new Pass() {
            private double[][] inputs;
            private double[][] outputs;

            @Override
            public double[][] forward(LinkSet links, double[][] f, double[] p, int offset) {
                inputs = links.pool(f);
                outputs = new double[links.size()][hidden];
                for (int i = 0; i < links.size(); i++) {
                    for (int h = 0; h < hidden; h++) {
                        int row = offset + h * (inputWidth + 1);
                        double x = p[row + inputWidth];
                        for (int j = 0; j < inputWidth; j++) {
                            x += p[row + j] * inputs[i][j];
                        }
                        outputs[i][h] = Math.tanh(x);
                    }
                }
                return outputs;
            }

            @Override
            public void backward(double[] p, int offset, double[][] dOut, double[] grad) {
                for (int i = 0; i < outputs.length; i++) {
                    for (int h = 0; h < hidden; h++) {
                        double d = dOut[i][h] * (1 - outputs[i][h] * outputs[i][h]);
                        int row = offset + h * (inputWidth + 1);
                        for (int j = 0; j < inputWidth; j++) {
                            grad[row + j] += d * inputs[i][j];
                        }
                        grad[row + inputWidth] += d;
                    }
                }
            }
        };
    }
}
