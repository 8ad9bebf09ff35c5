package org.cfqnn.quantum.backend;

/**
 * How decisions evaluate circuits (the {@code quantum} settings): which {@link Backend} a register of a
 * given width gets.
 * <ul>
 *   <li>no gate noise: the statevector ({@link StatevectorBackend}), exact or from {@code shots}, with
 *       readout error if set;</li>
 *   <li>gate noise and at most {@code densityMatrixQubits} qubits: a density matrix, exact;</li>
 *   <li>gate noise on a wider register: {@code trajectories} Pauli trajectories, with a standard error.</li>
 * </ul>
 *
 * @param shots               shots per expectation, 0 = exact values
 * @param noise               depolarizing and readout noise
 * @param densityMatrixQubits widest register simulated with a density matrix
 * @param trajectories        trajectories per evaluation beyond it
 */
public record BackendSpec(int shots, NoiseModel noise, int densityMatrixQubits, int trajectories) {

    /** Exact, noiseless expectations: today's decisions. */
    public static final BackendSpec EXACT = new BackendSpec(0, NoiseModel.NONE, 8, 1000);

    public BackendSpec {
        if (shots < 0 || trajectories < 1 || densityMatrixQubits < 0) {
            throw new IllegalArgumentException("shots >= 0, trajectories >= 1 and densityMatrixQubits >= 0 required");
        }
    }

    /** Exact expectations of noiseless circuits: the values need no random numbers and equal today's. */
    public boolean exact() {
        return shots == 0 && noise.none();
    }

    /** A backend for registers of {@code qubits} qubits (one per thread). */
    public Backend create(int qubits) {
        if (noise.gatesNoiseless()) {
            return new StatevectorBackend(qubits, shots, noise);
        }
        if (qubits <= densityMatrixQubits) {
            return new DensityMatrixBackend(qubits, shots, noise);
        }
        return new TrajectoryBackend(qubits, shots, trajectories, noise);
    }

    /** Which simulation {@link #create} picks for that width: statevector, density-matrix or trajectories. */
    public String method(int qubits) {
        if (noise.gatesNoiseless()) {
            return "statevector";
        }
        return qubits <= densityMatrixQubits ? "density-matrix" : "trajectories";
    }
}
