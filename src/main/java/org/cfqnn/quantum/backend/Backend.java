package org.cfqnn.quantum.backend;

import java.util.random.RandomGenerator;
import org.cfqnn.quantum.Circuit;
import org.cfqnn.quantum.Pauli;

/**
 * Evaluates a circuit's observables as a decision would see them: exact expectation values, shot
 * estimates, or noisy values. One instance per thread and register width (it owns its buffers); made
 * by {@link BackendSpec#create(int)}.
 */
public interface Backend {

    /** The register width it runs. */
    int qubits();

    /** True when the values need no random numbers (exact, noiseless or density-matrix without shots). */
    boolean deterministic();

    /**
     * Writes the value of every observable after {@code circuit} at {@code angles} into {@code out}.
     *
     * @param rng the stream of the shots and trajectories, seeded per entity and step by the caller;
     *            ignored (and may be null) when {@link #deterministic()}
     */
    void expectations(Circuit circuit, double[] angles, Pauli[] observables, RandomGenerator rng, double[] out);

    /**
     * The standard error of each value written by the last {@link #expectations} call: 0 for exact
     * values, {@code sqrt((1 - v^2) / shots)} for a shot estimate v (a +-1 variable's), and the
     * sample standard deviation over trajectories / sqrt(trajectories) for trajectory averages.
     */
    void standardErrors(double[] out);
}
