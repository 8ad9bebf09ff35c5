package org.cfqnn.qnn.edge;

import java.util.random.RandomGenerator;
import org.cfqnn.qnn.Objective;
import org.cfqnn.radio.Channel;

/** Evaluates one edge model on one thread (not thread-safe: owns a simulator and buffers). */
public interface EdgeWorker {

    /**
     * Writes AP m's unit-norm precoder toward user k into {@code vRe, vIm} (length N). Exact or
     * deterministic readout only; with shots or trajectories use the overload with a stream.
     */
    default void precode(Channel estimate, int m, int k, double[] params, double[] vRe, double[] vIm) {
        precode(estimate, m, k, params, vRe, vIm, null);
    }

    /** As above, the circuit read through the worker's backend with {@code readout} (seeded per entity and step). */
    void precode(Channel estimate, int m, int k, double[] params, double[] vRe, double[] vIm, RandomGenerator readout);

    /**
     * The paper's edge loss for AP m serving user k (Eq. 16-18): {@code (Q - Phi_precode(m))^2} with
     * {@code Q = -R_{m->k}} the local rate of the precoder.
     */
    Objective objective(Channel estimate, int m, int k, double rho);
}
