package org.cfqnn.qnn.cloud;

import java.util.random.RandomGenerator;
import org.cfqnn.qnn.Objective;

/** Evaluates one cloud model on one thread (not thread-safe). */
public interface CloudWorker {

    /** Direct decoding: circuit outputs to an assignment, with no rate evaluated and no baseline called. */
    int[] assign(CloudSample sample, double[] params);

    /**
     * Sampled decoding: up to {@code candidates} assignments drawn from the model's output distribution
     * (the first is the direct decoding), the best by (min rate, sum rate) on the estimate kept.
     */
    int[] assignSampled(CloudSample sample, double[] params, int candidates, RandomGenerator rng);

    /** The training loss on one sample; {@code rng} serves losses that sample (policy gradient). */
    Objective objective(CloudSample sample, RandomGenerator rng);
}
