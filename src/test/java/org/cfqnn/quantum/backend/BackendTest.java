package org.cfqnn.quantum.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.cfqnn.quantum.Circuit;
import org.cfqnn.quantum.DensityMatrix;
import org.cfqnn.quantum.GateKind;
import org.cfqnn.quantum.Pauli;
import org.cfqnn.quantum.Simulator;
import org.junit.jupiter.api.Test;

class BackendTest {

    private static final double EXACT = 1e-12;
    /** Statistical checks at a fixed seed: an estimate lies within 5 standard errors (fails by chance ~6e-7). */
    private static final double SIGMAS = 5;
    /** Central differences with h = 1e-5 on smooth trigonometric functions: error ~ h^2. */
    private static final double FINITE_DIFFERENCE = 1e-8;

    /** RY on qubit 0, CX to qubit 1, RX on qubit 2, CZ(1, 2), RZ on 2: entangled, every basis used. */
    private static Circuit circuit() {
        return Circuit.builder(3).ry(0, 0).cx(0, 1).rx(2, 1).cz(1, 2).gate(GateKind.RY, 1, -1, 2).rz(2, 3).build();
    }

    private static final double[] ANGLES = {0.7, -1.1, 0.4, 2.0};
    private static final Pauli[] OBS = {Pauli.z(0), Pauli.parse("Z0Z1", 3), Pauli.x(1), Pauli.parse("Y2", 3),
        Pauli.parse("X1Z2", 3)};

    private static double[] exact() {
        Simulator sim = Simulator.forQubits(3);
        sim.run(circuit(), ANGLES);
        double[] v = new double[OBS.length];
        sim.expectations(OBS, v);
        return v;
    }

    private static double[] run(BackendSpec spec, long seed) {
        double[] v = new double[OBS.length];
        spec.create(3).expectations(circuit(), ANGLES, OBS, new SplittableRandom(seed), v);
        return v;
    }

    @Test
    void theExactSpecGivesTheStatevectorValues() {
        assertThat(run(BackendSpec.EXACT, 1)).containsExactly(exact(), within(0.0));
        assertThat(BackendSpec.EXACT.exact()).isTrue();
        assertThat(BackendSpec.EXACT.create(3).deterministic()).isTrue();
    }

    @Test
    void readoutErrorScalesEachStringByOneMinusTwoRPerMeasuredQubit() {
        double r = 0.07;
        double[] e = exact();
        for (int dm : new int[] {0, 10}) { // statevector, and density matrix with gate noise off
            double[] v = run(new BackendSpec(0, new NoiseModel(0, 0, r), dm, 10), 1);
            assertThat(v[0]).isCloseTo((1 - 2 * r) * e[0], within(EXACT));
            assertThat(v[1]).isCloseTo((1 - 2 * r) * (1 - 2 * r) * e[1], within(EXACT));
            assertThat(v[4]).isCloseTo(Math.pow(1 - 2 * r, 2) * e[4], within(EXACT));
        }
        // with gate noise: the density matrix's value times the same factor
        NoiseModel noise = new NoiseModel(0.01, 0.02, r);
        DensityMatrix rho = DensityMatrix.forQubits(3);
        rho.run(circuit(), ANGLES, 0.01, 0.02);
        double[] v = run(new BackendSpec(0, noise, 10, 10), 1);
        assertThat(v[3]).isCloseTo((1 - 2 * r) * rho.expectation(OBS[3]), within(EXACT));
    }

    @Test
    void shotEstimatesWithReadoutErrorLieWithinFiveStandardErrors() {
        int shots = 20_000;
        double r = 0.05;
        for (NoiseModel noise : new NoiseModel[] {new NoiseModel(0, 0, r), new NoiseModel(0.02, 0.03, r)}) {
            BackendSpec spec = new BackendSpec(shots, noise, 10, 10);
            Backend b = spec.create(3);
            double[] v = new double[OBS.length];
            b.expectations(circuit(), ANGLES, OBS, new SplittableRandom(42), v);
            double[] se = new double[OBS.length];
            b.standardErrors(se);
            double[] truth = run(new BackendSpec(0, noise, 10, 10), 1);
            for (int o = 0; o < OBS.length; o++) {
                assertThat(se[o]).isCloseTo(Math.sqrt((1 - v[o] * v[o]) / shots), within(EXACT));
                assertThat(v[o]).as("%s under %s", OBS[o], noise).isCloseTo(truth[o], within(SIGMAS / Math.sqrt(shots)));
            }
            assertThat(b.deterministic()).isFalse();
        }
    }

    @Test
    void trajectoriesAgreeWithTheDensityMatrixWithinTheirStandardError() {
        NoiseModel noise = new NoiseModel(0.05, 0.08, 0.02);
        double[] truth = run(new BackendSpec(0, noise, 10, 10), 1);
        BackendSpec spec = new BackendSpec(0, noise, 0, 4000); // width 3 > 0: trajectories
        assertThat(spec.method(3)).isEqualTo("trajectories");
        Backend b = spec.create(3);
        double[] v = new double[OBS.length];
        b.expectations(circuit(), ANGLES, OBS, new SplittableRandom(7), v);
        double[] se = new double[OBS.length];
        b.standardErrors(se);
        for (int o = 0; o < OBS.length; o++) {
            assertThat(se[o]).as("a noisy average has a spread").isGreaterThan(0).isLessThan(1 / Math.sqrt(4000) + EXACT);
            assertThat(v[o]).as("%s", OBS[o]).isCloseTo(truth[o], within(SIGMAS * se[o]));
        }
        // with shots: spread over the trajectories, within the shots' error
        BackendSpec shots = new BackendSpec(20_000, noise, 0, 500);
        double[] w = new double[OBS.length];
        shots.create(3).expectations(circuit(), ANGLES, OBS, new SplittableRandom(8), w);
        for (int o = 0; o < OBS.length; o++) {
            assertThat(w[o]).isCloseTo(truth[o], within(SIGMAS / Math.sqrt(20_000)));
        }
    }

    @Test
    void parameterShiftThroughANoisyBackendMatchesFiniteDifferencesOfTheDensityMatrix() {
        BackendSpec spec = new BackendSpec(0, new NoiseModel(0.03, 0.05, 0.01), 10, 10);
        Backend b = spec.create(3);
        double[] values = new double[OBS.length];
        double[][] jac = BackendGradients.jacobian(b, circuit(), ANGLES, OBS, Math.PI / 2, null, values);
        double h = 1e-5;
        for (int s = 0; s < ANGLES.length; s++) {
            double[] plus = ANGLES.clone();
            double[] minus = ANGLES.clone();
            plus[s] += h;
            minus[s] -= h;
            double[] vp = new double[OBS.length];
            double[] vm = new double[OBS.length];
            b.expectations(circuit(), plus, OBS, null, vp);
            b.expectations(circuit(), minus, OBS, null, vm);
            for (int o = 0; o < OBS.length; o++) {
                assertThat(jac[o][s]).as("d%s/d%d", OBS[o], s).isCloseTo((vp[o] - vm[o]) / (2 * h), within(FINITE_DIFFERENCE));
            }
        }
        assertThat(values).containsExactly(run(spec, 1), within(EXACT));
    }

    @Test
    void sharedSlotsCannotBeShiftedThroughABackend() {
        Circuit shared = Circuit.builder(1).ry(0, 0).ry(0, 0).build();
        assertThatThrownBy(() -> BackendGradients.jacobian(BackendSpec.EXACT.create(1), shared, new double[] {1},
                new Pauli[] {Pauli.z(0)}, Math.PI / 2, null, new double[1])).hasMessageContaining("shared");
    }

    @Test
    void theSpecPicksStatevectorDensityMatrixOrTrajectoriesByWidth() {
        BackendSpec noisy = new BackendSpec(0, new NoiseModel(0.01, 0, 0), 4, 100);
        assertThat(noisy.method(4)).isEqualTo("density-matrix");
        assertThat(noisy.method(5)).isEqualTo("trajectories");
        assertThat(new BackendSpec(100, new NoiseModel(0, 0, 0.1), 4, 100).method(20)).isEqualTo("statevector");
        assertThatThrownBy(() -> new NoiseModel(1.5, 0, 0)).hasMessageContaining("[0, 1]");
        assertThatThrownBy(() -> new NoiseModel(0, -0.1, 0)).hasMessageContaining("[0, 1]");
    }
}
