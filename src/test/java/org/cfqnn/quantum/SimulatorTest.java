package org.cfqnn.quantum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.cfqnn.input.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SimulatorTest {

    /** Both sides are double precision over at most a few hundred gates. */
    private static final double EXACT = 1e-10;

    /** Prepares basis state {@code b} with X gates, then applies {@code op}. */
    private static Circuit onBasis(int n, int b, Op op) {
        Circuit.Builder cb = Circuit.builder(n);
        for (int q = 0; q < n; q++) {
            if ((b >> q & 1) != 0) {
                cb.gate(GateKind.X, q);
            }
        }
        return cb.gate(op.kind(), op.q0(), op.q1(), op.slot()).build();
    }

    @ParameterizedTest
    @EnumSource(GateKind.class)
    void everyGateMatchesItsMatrixOnEveryBasisStateAndQubitOrder(GateKind kind) {
        int n = 3;
        double t = 0.7321;
        List<Op> placements = new ArrayList<>();
        int slot = kind.parametric() ? 0 : -1;
        if (kind.arity() == 1) {
            for (int q = 0; q < n; q++) {
                placements.add(new Op(kind, q, -1, slot));
            }
        } else {
            for (int a = 0; a < n; a++) {
                for (int b = 0; b < n; b++) {
                    if (a != b) {
                        placements.add(new Op(kind, a, b, slot));
                    }
                }
            }
        }
        Simulator sim = Simulator.forQubits(n);
        for (Op op : placements) {
            double[][][] u = DenseReference.full(op, t, n);
            for (int b = 0; b < 8; b++) {
                sim.run(onBasis(n, b, op), new double[] {t});
                for (int i = 0; i < 8; i++) {
                    assertThat(sim.amplitude(i)[0]).as("%s col %d row %d re", op, b, i).isCloseTo(u[0][i][b], within(EXACT));
                    assertThat(sim.amplitude(i)[1]).as("%s col %d row %d im", op, b, i).isCloseTo(u[1][i][b], within(EXACT));
                }
            }
        }
    }

    @Test
    void appendixAMatricesSpotChecks() {
        // RZ(t) = diag(e^{-it/2}, e^{it/2}) on |+>: amplitudes e^{-it/2}/sqrt2, e^{it/2}/sqrt2
        Simulator sim = Simulator.forQubits(1);
        sim.run(Circuit.builder(1).h(0).rz(0, 0).build(), new double[] {1.0});
        assertThat(sim.amplitude(0)).containsExactly(new double[] {Math.cos(0.5) / Math.sqrt(2), -Math.sin(0.5) / Math.sqrt(2)}, within(EXACT));
        // RY(t)|0> = cos(t/2)|0> + sin(t/2)|1>
        sim.run(Circuit.builder(1).ry(0, 0).build(), new double[] {1.0});
        assertThat(sim.amplitude(1)[0]).isCloseTo(Math.sin(0.5), within(EXACT));
        // CX with control 0: |01> (q0 = 1) -> |11>
        Simulator two = Simulator.forQubits(2);
        two.run(Circuit.builder(2).gate(GateKind.X, 0).cx(0, 1).build(), new double[0]);
        assertThat(two.probability(3)).isCloseTo(1, within(EXACT));
    }

    /** A random circuit mixing every gate kind, fused and unfused runs, shared slots. */
    static Circuit randomCircuit(int n, int gates, SplittableRandom rng, int slots) {
        Circuit.Builder b = Circuit.builder(n);
        GateKind[] kinds = GateKind.values();
        for (int q = 0; q < n; q++) {
            b.h(q);
        }
        for (int g = 0; g < gates; g++) {
            GateKind k = kinds[rng.nextInt(kinds.length)];
            if (k.arity() == 2 && n < 2) {
                continue;
            }
            int q0 = rng.nextInt(n);
            int q1 = -1;
            if (k.arity() == 2) {
                do {
                    q1 = rng.nextInt(n);
                } while (q1 == q0);
            }
            b.gate(k, q0, q1, k.parametric() ? rng.nextInt(slots) : -1);
        }
        return b.build();
    }

    static double[] randomAngles(int slots, SplittableRandom rng) {
        double[] a = new double[slots];
        for (int i = 0; i < slots; i++) {
            a[i] = rng.nextDouble(-Math.PI, Math.PI);
        }
        return a;
    }

    @Test
    void expectationsMatchDenseBruteForceUpToEightQubits() {
        SplittableRandom rng = new SplittableRandom(2026);
        String[] paulis = {"Z0", "X1", "Y2", "Z0Z1", "X0Y1Z2", "Y0Y2", "X3Z5", "Y7X6Z0"};
        for (int n = 1; n <= 8; n++) {
            for (int rep = 0; rep < 4; rep++) {
                int slots = 1 + rng.nextInt(12);
                Circuit c = randomCircuit(n, 20 + 6 * n, rng, slots);
                double[] angles = randomAngles(c.slots(), rng);
                double[][] ref = DenseReference.run(c, angles);
                Simulator sim = Simulator.forQubits(n);
                sim.run(c, angles);
                for (int i = 0; i < (1 << n); i++) {
                    assertThat(sim.amplitude(i)[0]).isCloseTo(ref[0][i], within(EXACT));
                    assertThat(sim.amplitude(i)[1]).isCloseTo(ref[1][i], within(EXACT));
                }
                for (String p : paulis) {
                    Pauli obs;
                    try {
                        obs = Pauli.parse(p, n);
                    } catch (IllegalArgumentException e) {
                        continue; // qubit beyond this register
                    }
                    assertThat(sim.expectation(obs)).as("n=%d %s", n, p)
                            .isCloseTo(DenseReference.expectation(ref, p, n), within(EXACT));
                }
            }
        }
    }

    @Test
    void rerunsWithChangedAnglesDoNotReuseStaleMatrices() {
        SplittableRandom rng = new SplittableRandom(5);
        Circuit c = randomCircuit(4, 40, rng, 6);
        Simulator sim = Simulator.forQubits(4);
        for (int rep = 0; rep < 5; rep++) {
            double[] angles = randomAngles(c.slots(), rng);
            sim.run(c, angles);
            double[][] ref = DenseReference.run(c, angles);
            assertThat(sim.stateRe()).containsExactly(ref[0], within(EXACT));
            // shifted run, then the unshifted one again
            sim.run(c, angles, 7, 0.3);
            sim.run(c, angles);
            assertThat(sim.stateIm()).containsExactly(ref[1], within(EXACT));
        }
    }

    @Test
    void adjointEqualsParameterShiftEqualsFiniteDifferences() {
        SplittableRandom rng = new SplittableRandom(77);
        for (int n = 1; n <= 5; n++) {
            Circuit c = randomCircuit(n, 30, rng, 8); // shared slots, controlled rotations included
            double[] angles = randomAngles(c.slots(), rng);
            Pauli[] obs = n >= 2 ? new Pauli[] {Pauli.z(0), Pauli.x(n - 1), Pauli.parse("Y0Z1", n)}
                    : new Pauli[] {Pauli.z(0), Pauli.x(0), Pauli.y(0)};
            Simulator sim = Simulator.forQubits(n);
            double[] v1 = new double[obs.length];
            double[] v2 = new double[obs.length];
            double[][] adj = sim.jacobianAdjoint(c, angles, obs, v1);
            double[][] ps = sim.jacobianParameterShift(c, angles, obs, Math.PI / 2, v2);
            double[][] psSmallShift = sim.jacobianParameterShift(c, angles, obs, 0.4, v2);
            double h = 1e-6;
            for (int o = 0; o < obs.length; o++) {
                assertThat(v1[o]).isCloseTo(v2[o], within(EXACT));
                for (int s = 0; s < c.slots(); s++) {
                    double[] up = angles.clone();
                    double[] dn = angles.clone();
                    up[s] += h;
                    dn[s] -= h;
                    sim.run(c, up);
                    double fUp = sim.expectation(obs[o]);
                    sim.run(c, dn);
                    double fd = (fUp - sim.expectation(obs[o])) / (2 * h);
                    assertThat(adj[o][s]).as("n=%d obs %s slot %d adjoint vs ps", n, obs[o], s)
                            .isCloseTo(ps[o][s], within(1e-9));
                    assertThat(psSmallShift[o][s]).isCloseTo(ps[o][s], within(1e-9));
                    assertThat(adj[o][s]).as("vs finite differences").isCloseTo(fd, within(1e-6));
                }
            }
        }
    }

    @Test
    void adjointVectorJacobianProductIsTheWeightedSumOfRows() {
        SplittableRandom rng = new SplittableRandom(3);
        Circuit c = randomCircuit(4, 40, rng, 10);
        double[] angles = randomAngles(c.slots(), rng);
        Pauli[] obs = {Pauli.z(0), Pauli.z(3), Pauli.x(1), Pauli.parse("Z1Z2", 4)};
        double[] w = {0.5, -2, 1.25, 0.75};
        Simulator sim = Simulator.forQubits(4);
        double[] values = new double[4];
        double[][] jac = sim.jacobianAdjoint(c, angles, obs, values);
        double[] grad = new double[c.slots()];
        double f = sim.adjoint(c, angles, obs, w, grad);
        double expectedF = 0;
        for (int o = 0; o < 4; o++) {
            expectedF += w[o] * values[o];
        }
        assertThat(f).isCloseTo(expectedF, within(EXACT));
        for (int s = 0; s < c.slots(); s++) {
            double expected = 0;
            for (int o = 0; o < 4; o++) {
                expected += w[o] * jac[o][s];
            }
            assertThat(grad[s]).isCloseTo(expected, within(EXACT));
        }
    }

    @Test
    void shotEstimatesAreWithinFiveStandardErrors() {
        // <P> estimated from S shots has std sqrt((1 - <P>^2)/S) <= 1/sqrt(S); 5 std at S = 20000 is 0.035
        SplittableRandom rng = new SplittableRandom(9);
        Circuit c = randomCircuit(4, 40, rng, 6);
        double[] angles = randomAngles(c.slots(), rng);
        Pauli[] obs = {Pauli.z(0), Pauli.x(1), Pauli.y(2), Pauli.parse("Z0Z3", 4), Pauli.parse("X1Y2", 4), Pauli.x(0)};
        Simulator sim = Simulator.forQubits(4);
        sim.run(c, angles);
        double[] exact = new double[obs.length];
        sim.expectations(obs, exact);
        double[] est = new double[obs.length];
        int shots = 20_000;
        sim.estimate(obs, shots, new SplittableRandom(1), est);
        for (int o = 0; o < obs.length; o++) {
            assertThat(est[o]).as(obs[o].toString()).isCloseTo(exact[o], within(5 / Math.sqrt(shots)));
        }
        // the state is untouched by measuring a copy
        double[] again = new double[obs.length];
        sim.expectations(obs, again);
        assertThat(again).containsExactly(exact, within(0.0));
    }

    @Test
    void samplingFollowsTheBornRule() {
        Simulator sim = Simulator.forQubits(2);
        sim.run(Circuit.builder(2).ry(0, 0).cx(0, 1).build(), new double[] {2 * Math.asin(Math.sqrt(0.3))});
        int[] out = new int[50_000];
        sim.sample(out.length, new SplittableRandom(4), out);
        int ones = 0;
        for (int o : out) {
            assertThat(o).isIn(0, 3); // Bell-like: |00> or |11> only
            ones += o == 3 ? 1 : 0;
        }
        // p = 0.3, std of the frequency sqrt(0.21/50000) = 0.002
        assertThat(ones / 50_000.0).isCloseTo(0.3, within(0.01));
    }

    @Test
    void refusesRegistersThatDoNotFitTheHeap() {
        assertThatThrownBy(() -> Simulator.forQubits(31))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("qubits = 31");
        long heap = Runtime.getRuntime().maxMemory();
        int tooMany = 64 - Long.numberOfLeadingZeros(heap / 16); // 2^n * 32 bytes > heap
        assertThatThrownBy(() -> Simulator.forQubits(tooMany))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("qubits = " + tooMany).hasMessageContaining("does not fit");
    }

    @Test
    void pauliParsingNamesTheProblem() {
        assertThat(Pauli.parse("Z0 Z1", 2)).isEqualTo(Pauli.parse("Z0Z1", 2));
        assertThatThrownBy(() -> Pauli.parse("Z5", 2)).hasMessageContaining("qubit 5");
        assertThatThrownBy(() -> Pauli.parse("Q0", 2)).hasMessageContaining("expected X, Y or Z");
        assertThatThrownBy(() -> Pauli.parse("Z0Z0", 2)).hasMessageContaining("twice");
        assertThatThrownBy(() -> Pauli.parse("Z", 2)).hasMessageContaining("missing qubit index");
    }
}
