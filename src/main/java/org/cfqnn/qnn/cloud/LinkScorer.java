package org.cfqnn.qnn.cloud;

import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.cfqnn.quantum.backend.BackendSpec;
import org.cfqnn.quantum.device.DeviceModel;

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

    /** Per-thread evaluation state (not thread-safe) whose decisions read exact expectation values. */
    default Pass pass() {
        return pass(BackendSpec.EXACT);
    }

    /** Per-thread evaluation state whose decisions read their circuits through {@code decisions} (shots, noise). */
    Pass pass(BackendSpec decisions);

    /** The circuits one forward pass over {@code links} links runs, stage by stage (none for a classical scorer). */
    List<DeviceModel.Stage> stages(long links);

    /** One forward pass kept for its backward pass. */
    interface Pass {

        /**
         * {@code out[link][0 .. width)} for {@code features[link][0 .. featureCount)}; parameters at
         * {@code p[offset ...]}; circuits read exactly (training).
         */
        double[][] forward(LinkSet links, double[][] features, double[] p, int offset);

        /** As {@link #forward}, for a decision: circuits read through the backend, shots drawn from {@code rng}. */
        default double[][] decide(LinkSet links, double[][] features, double[] p, int offset, RandomGenerator rng) {
            return forward(links, features, p, offset);
        }

        /** Adds {@code dLoss/dp} into {@code grad[offset ...]} given {@code dOut[link][..] = dLoss/dout} of the last forward. */
        void backward(double[] p, int offset, double[][] dOut, double[] grad);
    }
}
