package org.cfqnn.experiment;

import java.util.random.RandomGenerator;
import org.cfqnn.baseline.AssignmentMethod;
import org.cfqnn.baseline.AssignmentProblem;
import org.cfqnn.qnn.cloud.CloudModel;
import org.cfqnn.qnn.cloud.CloudSample;
import org.cfqnn.qnn.cloud.CloudWorker;
import org.cfqnn.qnn.cloud.MaxMinCloud;

/**
 * A trained cloud QNN as an assignment method, so experiments compare it with the classical methods on
 * the same channels: direct or sampled decoding of {@code params}, timed (wall time per decision, of which
 * the max-min cloud's decoder).
 */
public final class CloudAssignment implements AssignmentMethod {

    private final String name;
    private final CloudModel model;
    private final double[] params;
    private final boolean sampled;
    private final int candidates;
    private final CloudWorker worker;
    private long nanos;
    private long decisions;

    public CloudAssignment(String name, CloudModel model, double[] params, boolean sampled, int candidates) {
        this.name = name;
        this.model = model;
        this.params = params.clone();
        this.sampled = sampled;
        this.candidates = candidates;
        this.worker = model.worker();
    }

    @Override
    public String name() {
        return name;
    }

    public CloudModel model() {
        return model;
    }

    @Override
    public int[] assign(AssignmentProblem p, RandomGenerator rng) {
        long t0 = System.nanoTime();
        CloudSample s = new CloudSample(p.estimate(), p.rho(), p.mu());
        int[] a = sampled ? worker.assignSampled(s, params, candidates, rng) : worker.assign(s, params);
        nanos += System.nanoTime() - t0;
        decisions++;
        return a;
    }

    /** Mean wall time of a decision in this JVM (circuits simulated, features, decoding), microseconds. */
    public double microsPerDecision() {
        return decisions == 0 ? Double.NaN : nanos / 1e3 / decisions;
    }

    /** Mean wall time of the max-min decoder alone, microseconds (NaN for other clouds or sampled decoding). */
    public double decoderMicros() {
        return worker instanceof MaxMinCloud.Counters c && c.decisions() > 0 ? c.decoderNanos() / 1e3 / c.decisions()
                : Double.NaN;
    }

    /** Mean circuits actually run per decision (the max-min cloud: candidate links x rounds), NaN when not counted. */
    public double circuitsRun() {
        if (worker instanceof MaxMinCloud.Counters c && c.decisions() > 0 && model instanceof MaxMinCloud mm) {
            return (double) c.links() / c.decisions() * (mm.qubits() == 0 ? 0 : mm.design().rounds());
        }
        return Double.NaN;
    }
}
