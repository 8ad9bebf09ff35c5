package org.cfqnn.quantum.backend;

import java.util.random.RandomGenerator;
import org.cfqnn.quantum.Circuit;
import org.cfqnn.quantum.DensityMatrix;
import org.cfqnn.quantum.Pauli;

/**
 * Depolarizing noise simulated exactly on a {@link DensityMatrix}: {@code Tr(P rho)} times the readout
 * factor {@code (1 - 2r)^{weight(P)}}, or shot estimates sampled from rho's diagonal in each group's
 * basis with every measured bit flipped with probability r.
 */
final class DensityMatrixBackend implements Backend {

    private final DensityMatrix rho;
    private final int shots;
    private final NoiseModel noise;
    private double[] lastEstimates = new double[0];

    DensityMatrixBackend(int qubits, int shots, NoiseModel noise) {
        this.rho = DensityMatrix.forQubits(qubits);
        this.shots = shots;
        this.noise = noise;
    }

    @Override
    public int qubits() {
        return rho.qubits();
    }

    @Override
    public boolean deterministic() {
        return shots == 0;
    }

    @Override
    public void expectations(Circuit circuit, double[] angles, Pauli[] observables, RandomGenerator rng, double[] out) {
        rho.run(circuit, angles, noise.depolarizing1q(), noise.depolarizing2q());
        if (shots == 0) {
            for (int o = 0; o < observables.length; o++) {
                out[o] = noise.readoutFactor(observables[o]) * rho.expectation(observables[o]);
            }
        } else {
            rho.estimate(observables, shots, noise.readout(), rng, out);
            lastEstimates = out.clone();
        }
    }

    @Override
    public void standardErrors(double[] out) {
        for (int o = 0; o < out.length; o++) {
            out[o] = shots == 0 ? 0 : ShotStatistics.standardError(lastEstimates[o], shots);
        }
    }
}
