package org.cfqnn.qnn;

import java.util.random.RandomGenerator;
import org.cfqnn.baseline.AssignmentMethod;
import org.cfqnn.baseline.AssignmentProblem;

/**
 * A trained cloud QNN as one more assignment method, so that {@code compare} can put it beside the
 * baselines and the certified optimum on the same channels. It decides exactly as the cloud of a
 * deployment does (its own decoding; the rng serves shots, noise and sampled decoding).
 */
public final class QnnAssignment implements AssignmentMethod {

    private final String name;
    private final Deployment deployment;

    public QnnAssignment(String name, TrainedQnn qnn) {
        this.name = name;
        this.deployment = new Deployment(qnn);
    }

    /** The default name of a model's method: {@code qnn-} and its cloud ansatz. */
    public static String defaultName(TrainedQnn qnn) {
        return "qnn-" + qnn.cloud().ansatz();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int[] assign(AssignmentProblem problem, RandomGenerator rng) {
        return deployment.assign(problem.estimate(), problem.rho(), problem.mu(), rng);
    }
}
