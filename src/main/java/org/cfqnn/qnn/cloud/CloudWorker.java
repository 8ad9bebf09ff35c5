package org.cfqnn.qnn.cloud;

import java.util.random.RandomGenerator;
import org.cfqnn.qnn.Objective;

/** Evaluates one cloud model on one thread (not thread-safe). */
public interface CloudWorker {

    /**
     * Direct decoding: circuit outputs to an assignment, with no rate evaluated and no baseline called.
     * Exact or deterministic readout only; with shots or trajectories use the overload with a stream.
     */
    default int[] assign(CloudSample sample, double[] params) {
        return assign(sample, params, null);
    }

    /** Direct decoding with the circuits read from {@code readout}: shots and trajectories, seeded per step. */
    int[] assign(CloudSample sample, double[] params, RandomGenerator readout);

    /**
     * Sampled decoding: up to {@code candidates} assignments drawn from the model's output distribution
     * (the first is the direct decoding), the best by (min rate, sum rate) on the estimate kept. The
     * circuits are read first (shots and trajectories from {@code rng}), then the candidates drawn.
     */
    int[] assignSampled(CloudSample sample, double[] params, int candidates, RandomGenerator rng);

    /** The training loss on one sample; {@code rng} serves losses that sample (policy gradient). */
    Objective objective(CloudSample sample, RandomGenerator rng);
}
