package org.cfqnn.quantum.backend;

import java.util.random.RandomGenerator;
import org.cfqnn.quantum.Circuit;
import org.cfqnn.quantum.Pauli;
import org.cfqnn.quantum.Simulator;

/**
 * Depolarizing noise by Monte-Carlo Pauli trajectories ({@link Simulator#runTrajectory}), for registers
 * wider than the density-matrix limit.
 * <ul>
 *   <li>{@code shots = 0}: the mean over {@code trajectories} runs of each run's exact {@code <P>}, times
 *       the readout factor; standard error = sample standard deviation / sqrt(trajectories).</li>
 *   <li>{@code shots > 0}: the shots are spread evenly over {@code min(trajectories, shots)} runs
 *       (stratified sampling of the mixture, unbiased), each measured bit flipped with probability r;
 *       standard error that of the shots, {@code sqrt((1 - v^2) / shots)} (stratification only lowers it).</li>
 * </ul>
 */
final class TrajectoryBackend implements Backend {

    private final Simulator sim;
    private final int shots;
    private final int trajectories;
    private final NoiseModel noise;
    private double[] values = new double[0];
    private double[] sum = new double[0];
    private double[] sumSquares = new double[0];
    private double[] lastErrors = new double[0];

    TrajectoryBackend(int qubits, int shots, int trajectories, NoiseModel noise) {
        this.sim = Simulator.forQubits(qubits);
        this.shots = shots;
        this.trajectories = trajectories;
        this.noise = noise;
    }

    @Override
    public int qubits() {
        return sim.qubits();
    }

    @Override
    public boolean deterministic() {
        return false;
    }

    @Override
    public void expectations(Circuit circuit, double[] angles, Pauli[] observables, RandomGenerator rng, double[] out) {
        int nObs = observables.length;
        if (values.length != nObs) {
            values = new double[nObs];
            sum = new double[nObs];
            sumSquares = new double[nObs];
        }
        java.util.Arrays.fill(sum, 0.0);
        java.util.Arrays.fill(sumSquares, 0.0);
        int runs = shots == 0 ? trajectories : Math.min(trajectories, shots);
        for (int t = 0; t < runs; t++) {
            sim.runTrajectory(circuit, angles, noise.depolarizing1q(), noise.depolarizing2q(), rng);
            if (shots == 0) {
                sim.expectations(observables, values);
                for (int o = 0; o < nObs; o++) {
                    sum[o] += values[o];
                    sumSquares[o] += values[o] * values[o];
                }
            } else {
                int share = shots / runs + (t < shots % runs ? 1 : 0);
                sim.estimate(observables, share, noise.readout(), rng, values);
                for (int o = 0; o < nObs; o++) {
                    sum[o] += share * values[o];
                }
            }
        }
        lastErrors = new double[nObs];
        for (int o = 0; o < nObs; o++) {
            if (shots == 0) {
                double f = noise.readoutFactor(observables[o]);
                double mean = sum[o] / runs;
                double variance = runs > 1 ? Math.max(0, (sumSquares[o] - runs * mean * mean) / (runs - 1)) : 0;
                out[o] = f * mean;
                lastErrors[o] = Math.abs(f) * Math.sqrt(variance / runs);
            } else {
                out[o] = sum[o] / shots;
                lastErrors[o] = ShotStatistics.standardError(out[o], shots);
            }
        }
    }

    @Override
    public void standardErrors(double[] out) {
        System.arraycopy(lastErrors, 0, out, 0, out.length);
    }
}
