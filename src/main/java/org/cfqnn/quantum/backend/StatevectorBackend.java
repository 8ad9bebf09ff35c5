package org.cfqnn.quantum.backend;

import java.util.random.RandomGenerator;
import org.cfqnn.quantum.Circuit;
import org.cfqnn.quantum.Pauli;
import org.cfqnn.quantum.Simulator;

/**
 * Noiseless gates on the statevector engine: exact expectations ({@code shots = 0}), scaled by the
 * readout factor when readout error is set, or shot estimates with each measured bit flipped with
 * probability r. With {@code shots = 0} and r = 0 this is exactly {@link Simulator#run} and
 * {@link Simulator#expectations}: the path of today's decisions, at the same speed.
 */
final class StatevectorBackend implements Backend {

    private final Simulator sim;
    private final int shots;
    private final NoiseModel noise;
    private double[] lastEstimates = new double[0];

    StatevectorBackend(int qubits, int shots, NoiseModel noise) {
        this.sim = Simulator.forQubits(qubits);
        this.shots = shots;
        this.noise = noise;
    }

    @Override
    public int qubits() {
        return sim.qubits();
    }

    @Override
    public boolean deterministic() {
        return shots == 0;
    }

    @Override
    public void expectations(Circuit circuit, double[] angles, Pauli[] observables, RandomGenerator rng, double[] out) {
        sim.run(circuit, angles);
        if (shots == 0) {
            sim.expectations(observables, out);
            if (noise.readout() > 0) {
                for (int o = 0; o < observables.length; o++) {
                    out[o] *= noise.readoutFactor(observables[o]);
                }
            }
        } else {
            sim.estimate(observables, shots, noise.readout(), rng, out);
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
