package org.cfqnn.qnn;

import java.util.random.RandomGenerator;
import org.cfqnn.quantum.Circuit;
import org.cfqnn.quantum.Pauli;
import org.cfqnn.quantum.Simulator;
import org.cfqnn.quantum.backend.Backend;
import org.cfqnn.quantum.backend.BackendSpec;

/**
 * How a QNN worker reads its circuits: decisions (inference) through the configured {@link Backend}
 * (exact, shots, noise), training always exactly on the worker's own simulator (adjoint and
 * parameter-shift gradients need the exact state). With the exact spec a decision runs the simulator
 * directly, the same code and numbers as before backends existed.
 */
public final class DecisionReadout {

    private final Simulator sim;
    private final Backend backend;

    /** Decisions through {@code spec}, training (and exact decisions) on {@code sim}. */
    public DecisionReadout(Simulator sim, BackendSpec spec) {
        this.sim = sim;
        this.backend = spec.exact() ? null : spec.create(sim.qubits());
    }

    /**
     * The observables as a decision reads them.
     *
     * @param rng the stream of shots and trajectories, seeded per entity and step; may be null only
     *            when the spec is exact or deterministic
     */
    public void decision(Circuit c, double[] angles, Pauli[] observables, RandomGenerator rng, double[] out) {
        if (backend == null) {
            exact(c, angles, observables, out);
            return;
        }
        if (rng == null && !backend.deterministic()) {
            throw new IllegalStateException("shots and noise trajectories need a seeded stream per entity and step: "
                    + "call the overload that takes a RandomGenerator");
        }
        backend.expectations(c, angles, observables, rng, out);
    }

    /** Exact expectations on the worker's simulator (training, and decisions with the exact spec). */
    public void exact(Circuit c, double[] angles, Pauli[] observables, double[] out) {
        sim.run(c, angles);
        sim.expectations(observables, out);
    }
}
