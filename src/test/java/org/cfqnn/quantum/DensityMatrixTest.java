package org.cfqnn.quantum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DensityMatrixTest {

    /** Both sides double precision over at most a few dozen gates. */
    private static final double EXACT = 1e-10;
    private static final String[] PAULIS = {"Z0", "X1", "Y2", "Z0Z1", "X0Y1Z2", "Y0Y2", "X3Z5", "Z4", "X5Y4"};

    @Test
    void noisyExpectationsMatchTheDenseKrausSumOnRandomCircuitsUpToSixQubits() {
        SplittableRandom rng = new SplittableRandom(13);
        for (int n = 1; n <= 6; n++) {
            for (int rep = 0; rep < 2; rep++) {
                Circuit c = SimulatorTest.randomCircuit(n, 6 + 3 * n, rng, 1 + rng.nextInt(6));
                double[] angles = SimulatorTest.randomAngles(c.slots(), rng);
                double p1 = rng.nextDouble(0, 0.2);
                double p2 = rng.nextDouble(0, 0.3);
                double[][][] ref = DenseDensityReference.run(c, angles, p1, p2);
                DensityMatrix dm = DensityMatrix.forQubits(n);
                dm.run(c, angles, p1, p2);
                for (int i = 0; i < (1 << n); i++) {
                    for (int j = 0; j < (1 << n); j++) {
                        assertThat(dm.entry(i, j)[0]).as("n=%d rho[%d][%d] re", n, i, j).isCloseTo(ref[0][i][j], within(EXACT));
                        assertThat(dm.entry(i, j)[1]).as("n=%d rho[%d][%d] im", n, i, j).isCloseTo(ref[1][i][j], within(EXACT));
                    }
                }
                for (String p : PAULIS) {
                    Pauli obs;
                    try {
                        obs = Pauli.parse(p, n);
                    } catch (IllegalArgumentException e) {
                        continue; // qubit beyond this register
                    }
                    assertThat(dm.expectation(obs)).as("n=%d %s", n, p)
                            .isCloseTo(DenseDensityReference.expectation(ref, p, n), within(EXACT));
                }
            }
        }
    }

    @Test
    void withoutNoiseItIsThePureStateOfTheStatevectorEngine() {
        SplittableRandom rng = new SplittableRandom(5);
        int n = 4;
        Circuit c = SimulatorTest.randomCircuit(n, 40, rng, 8);
        double[] angles = SimulatorTest.randomAngles(c.slots(), rng);
        Simulator sim = Simulator.forQubits(n);
        sim.run(c, angles);
        DensityMatrix dm = DensityMatrix.forQubits(n);
        dm.run(c, angles, 0, 0);
        for (int i = 0; i < (1 << n); i++) {
            for (int j = 0; j < (1 << n); j++) {
                double[] a = sim.amplitude(i);
                double[] b = sim.amplitude(j);
                // rho[i][j] = psi_i conj(psi_j)
                assertThat(dm.entry(i, j)[0]).isCloseTo(a[0] * b[0] + a[1] * b[1], within(EXACT));
                assertThat(dm.entry(i, j)[1]).isCloseTo(a[1] * b[0] - a[0] * b[1], within(EXACT));
            }
        }
    }

    @Test
    void oneRyUnderDepolarizingScalesZByOneMinusFourThirdsP() {
        double theta = 0.9;
        double p1 = 0.03;
        DensityMatrix dm = DensityMatrix.forQubits(1);
        dm.run(Circuit.builder(1).ry(0, 0).build(), new double[] {theta}, p1, 0);
        // (1 - p) rho + p/3 (X rho X + Y rho Y + Z rho Z): X and Y flip <Z>, Z keeps it: 1 - p - 2p/3 + p/3
        assertThat(dm.expectation(Pauli.z(0))).isCloseTo((1 - 4 * p1 / 3) * Math.cos(theta), within(EXACT));
        assertThat(dm.expectation(Pauli.x(0))).isCloseTo((1 - 4 * p1 / 3) * Math.sin(theta), within(EXACT));
    }

    @Test
    void bellPairUnderTwoQubitDepolarizingKeepsOneMinusSixteenFifteenthsP() {
        double p2 = 0.06;
        DensityMatrix dm = DensityMatrix.forQubits(2);
        dm.run(Circuit.builder(2).h(0).cx(0, 1).build(), new double[0], 0, p2);
        // ZZ commutes with 3 of the 15 non-identity pairs (IZ, ZI, ZZ): <ZZ> = 1 - p2 + p2 (3 - 12)/15
        assertThat(dm.expectation(Pauli.parse("Z0Z1", 2))).isCloseTo(1 - 16 * p2 / 15, within(EXACT));
        assertThat(dm.expectation(Pauli.z(0))).isCloseTo(0, within(EXACT));
    }

    @Test
    void trajectoriesWithoutNoiseAreTheExactState() {
        SplittableRandom rng = new SplittableRandom(9);
        Circuit c = SimulatorTest.randomCircuit(3, 25, rng, 5);
        double[] angles = SimulatorTest.randomAngles(c.slots(), rng);
        Simulator a = Simulator.forQubits(3);
        a.run(c, angles);
        Simulator b = Simulator.forQubits(3);
        b.runTrajectory(c, angles, 0, 0, new SplittableRandom(1));
        for (int i = 0; i < 8; i++) {
            assertThat(b.amplitude(i)).containsExactly(a.amplitude(i), within(EXACT));
        }
    }
}
