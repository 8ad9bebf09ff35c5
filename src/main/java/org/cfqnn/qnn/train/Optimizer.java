package org.cfqnn.qnn.train;

/** A gradient-based update rule; stateful (Adam's moments), one instance per trained model. */
public interface Optimizer {

    /** Updates {@code params} in place from the gradient of the current sample, in epoch {@code epoch} (0-based). */
    void step(double[] params, double[] grad, int epoch);

    /**
     * Stochastic gradient descent with the paper's decaying step (Sec. V):
     * {@code theta <- theta - mu / sqrt(epoch + 1) * grad}.
     */
    static Optimizer sgd(double learningRate) {
        return (params, grad, epoch) -> {
            double step = learningRate / Math.sqrt(epoch + 1);
            for (int i = 0; i < params.length; i++) {
                params[i] -= step * grad[i];
            }
        };
    }

    /** Adam (Kingma and Ba 2015) with the usual beta1 = 0.9, beta2 = 0.999, eps = 1e-8. */
    static Optimizer adam(double learningRate, int size) {
        return new Adam(learningRate, size);
    }

    /** Adam's state. */
    final class Adam implements Optimizer {
        private final double lr;
        private final double[] m;
        private final double[] v;
        private long t;

        Adam(double lr, int size) {
            this.lr = lr;
            this.m = new double[size];
            this.v = new double[size];
        }

        @Override
        public void step(double[] params, double[] grad, int epoch) {
            t++;
            double b1 = 0.9;
            double b2 = 0.999;
            double c1 = 1 - Math.pow(b1, t);
            double c2 = 1 - Math.pow(b2, t);
            for (int i = 0; i < params.length; i++) {
                m[i] = b1 * m[i] + (1 - b1) * grad[i];
                v[i] = b2 * v[i] + (1 - b2) * grad[i] * grad[i];
                params[i] -= lr * (m[i] / c1) / (Math.sqrt(v[i] / c2) + 1e-8);
            }
        }
    }
}
