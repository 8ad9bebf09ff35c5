package org.cfqnn.qnn.cloud;

import java.util.Map;
import org.cfqnn.rng.Seed;

/**
 * A cloud QNN architecture (paper Sec. IV-A): estimated channels in, an AP-to-user assignment out.
 * Immutable and shareable; {@link #worker()} gives a per-thread evaluator owning its simulators.
 */
public interface CloudModel {

    /** The name scenario files select it by ({@code paper}, {@code graph}). */
    String ansatz();

    int parameterCount();

    /** The largest register it simulates. */
    int qubits();

    /** Architecture settings written to model files. */
    Map<String, Object> hyperparameters();

    double[] initialParameters(Seed seed);

    CloudWorker worker();
}
