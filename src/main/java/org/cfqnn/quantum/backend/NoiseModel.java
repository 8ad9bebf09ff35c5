package org.cfqnn.quantum.backend;

import org.cfqnn.quantum.Pauli;

/**
 * Depolarizing and readout noise.
 *
 * @param depolarizing1q p1: after every one-qubit gate, {@code rho -> (1 - p1) rho + p1/3 (X rho X +
 *                       Y rho Y + Z rho Z)} on its qubit
 * @param depolarizing2q p2: after every two-qubit gate, {@code rho -> (1 - p2) rho + p2/15 sum P rho P}
 *                       over the 15 non-identity Pauli pairs on its qubits
 * @param readout        r: every measured bit flips with probability r
 */
public record NoiseModel(double depolarizing1q, double depolarizing2q, double readout) {

    public static final NoiseModel NONE = new NoiseModel(0, 0, 0);

    public NoiseModel {
        check("depolarizing-1q", depolarizing1q);
        check("depolarizing-2q", depolarizing2q);
        check("readout", readout);
    }

    private static void check(String name, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException(name + " must be a probability in [0, 1], got " + p);
        }
    }

    /** No gate noise: the state stays pure and a statevector serves. */
    public boolean gatesNoiseless() {
        return depolarizing1q == 0 && depolarizing2q == 0;
    }

    public boolean none() {
        return gatesNoiseless() && readout == 0;
    }

    /**
     * The factor readout error puts on an exact expectation: each of the string's measured bits flips
     * with probability r, which multiplies its sign by -1 with probability r, so
     * {@code <P>_read = (1 - 2r)^{weight(P)} <P>}.
     */
    public double readoutFactor(Pauli p) {
        return readout == 0 ? 1 : Math.pow(1 - 2 * readout, Integer.bitCount(p.support()));
    }
}
