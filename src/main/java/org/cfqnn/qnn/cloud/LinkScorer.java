package org.cfqnn.qnn.cloud;

import java.util.SplittableRandom;

/**
 * A model that maps every link's features, together with the mean features of the links of its AP
 * (row) and of its user (column), to a vector of {@link #width()} numbers per link, with the same
 * parameters for every link: so one trained model serves any M and K. Implementations: the quantum
 * {@link LinkNetwork} and, as the classical control, {@link LinkMlp}.
 */
public interface LinkScorer {

    int parameterCount();

    /** Numbers per link in the output. */
    int width();

    /** Features per link in the input. */
    int featureCount();

    /** Circuit executions per link of one forward pass (0 for a classical scorer). */
    int circuitsPerLink();

    /** The largest register simulated (0 for a classical scorer). */
    int qubits();

    /** Writes initial parameters into {@code p[offset ...]}. */
    void initialize(double[] p, int offset, SplittableRandom random);

    /** Per-thread evaluation state (not thread-safe). */
    Pass pass();

    /** One forward pass kept for its backward pass. */
    interface Pass {

        /** {@code out[link][0 .. width)} for {@code features[link][0 .. featureCount)}; parameters at {@code p[offset ...]}. */
        double[][] forward(LinkSet links, double[][] features, double[] p, int offset);

        /** Adds {@code dLoss/dp} into {@code grad[offset ...]} given {@code dOut[link][..] = dLoss/dout} of the last forward. */
        void backward(double[] p, int offset, double[][] dOut, double[] grad);
    }
}
