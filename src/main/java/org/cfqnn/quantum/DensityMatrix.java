package org.cfqnn.quantum;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.cfqnn.input.InvalidInputException;

/**
 * A density-matrix simulator with depolarizing noise, exact up to rounding. The n-qubit density matrix
 * is stored vectorized as a 2n-qubit vector, {@code rho[i][j]} at index {@code i + (j << n)} (split
 * re/im arrays of 4^n doubles), so {@code rho -> U rho U^dagger} is the statevector kernel of U on
 * qubit q followed by that of conj(U) on qubit q + n: the engine's kernels serve both simulators.
 *
 * <p>Channels, applied after every gate of the circuit (paper-independent; the usual definitions):
 * <ul>
 *   <li>one-qubit depolarizing, {@code rho -> (1 - p1) rho + p1/3 (X rho X + Y rho Y + Z rho Z)}: on
 *       the 2x2 block [[a, b], [c, d]] of the qubit, {@code a' = (1 - 2p1/3) a + (2p1/3) d} (d alike)
 *       and {@code b' = (1 - 4p1/3) b} (c alike);</li>
 *   <li>two-qubit depolarizing, {@code rho -> (1 - p2) rho + p2/15 sum_{P != II} P rho P}; since the
 *       sum over all 16 Pauli pairs is {@code 4 Tr_ab(rho) (x) I}, this is
 *       {@code (1 - 16p2/15) rho + (16p2/15) Tr_ab(rho) (x) I/4}: off-diagonal entries of the pair's
 *       4x4 block scale by {@code 1 - 16p2/15}, diagonal ones move toward their mean.</li>
 * </ul>
 * Memory: 16 x 4^n bytes per copy (16 MiB at 10 qubits), two copies.
 */
public final class DensityMatrix {

    /** 4^13 complex entries take 1 GiB a copy: past this width use trajectories. */
    public static final int MAX_QUBITS = 13;
    private static final double R2 = Math.sqrt(0.5);

    private final int n;
    private final int dim;
    private final double[] re;
    private final double[] im;
    private final double[] workRe;
    private final double[] workIm;
    private final double[] gate = new double[8];
    private double[] cdf;

    private DensityMatrix(int n) {
        this.n = n;
        this.dim = 1 << (2 * n);
        this.re = new double[dim];
        this.im = new double[dim];
        this.workRe = new double[dim];
        this.workIm = new double[dim];
    }

    /** A density-matrix simulator for n qubits, 1 <= n <= {@link #MAX_QUBITS}. */
    public static DensityMatrix forQubits(int n) {
        if (n < 1 || n > MAX_QUBITS) {
            throw new InvalidInputException("qubits", n, "a density matrix takes 1 to " + MAX_QUBITS + " qubits");
        }
        Simulator.checkFits(2 * n, 2);
        return new DensityMatrix(n);
    }

    public int qubits() {
        return n;
    }

    /** Prepares the noisy output state of the circuit from |0...0><0...0|. */
    public void run(Circuit c, double[] angles, double p1, double p2) {
        if (c.qubits() != n) {
            throw new IllegalArgumentException("circuit has " + c.qubits() + " qubits, density matrix " + n);
        }
        Arrays.fill(re, 0.0);
        Arrays.fill(im, 0.0);
        re[0] = 1;
        for (int i = 0; i < c.size(); i++) {
            Op op = c.op(i);
            double t = op.parametric() ? angles[op.slot()] : 0;
            Kernels.gate(re, im, dim, op, t, 0, false, gate); // U on the row index
            Kernels.gate(re, im, dim, op, t, n, true, gate); // conj(U) on the column index
            if (op.kind().arity() == 1 && p1 > 0) {
                depolarize1(op.q0(), p1);
            } else if (op.kind().arity() == 2 && p2 > 0) {
                depolarize2(op.q0(), op.q1(), p2);
            }
        }
    }

    private void depolarize1(int q, double p) {
        int row = 1 << q;
        int col = 1 << (q + n);
        double keep = 1 - 2 * p / 3;
        double move = 2 * p / 3;
        double coherence = 1 - 4 * p / 3;
        for (int i = 0; i < dim; i++) {
            if ((i & (row | col)) != 0) {
                continue;
            }
            int d = i | row | col;
            double ar = re[i];
            double ai = im[i];
            re[i] = keep * ar + move * re[d];
            im[i] = keep * ai + move * im[d];
            re[d] = move * ar + keep * re[d];
            im[d] = move * ai + keep * im[d];
            re[i | row] *= coherence;
            im[i | row] *= coherence;
            re[i | col] *= coherence;
            im[i | col] *= coherence;
        }
    }

    private void depolarize2(int qa, int qb, double p) {
        int[] rows = {0, 1 << qa, 1 << qb, (1 << qa) | (1 << qb)};
        int[] cols = {0, 1 << (qa + n), 1 << (qb + n), (1 << (qa + n)) | (1 << (qb + n))};
        int mask = rows[3] | cols[3];
        double keep = 1 - 16 * p / 15;
        double toMean = 16 * p / 15;
        for (int i = 0; i < dim; i++) {
            if ((i & mask) != 0) {
                continue;
            }
            double meanRe = 0;
            double meanIm = 0;
            for (int k = 0; k < 4; k++) {
                meanRe += re[i | rows[k] | cols[k]] / 4;
                meanIm += im[i | rows[k] | cols[k]] / 4;
            }
            for (int r = 0; r < 4; r++) {
                for (int c = 0; c < 4; c++) {
                    int j = i | rows[r] | cols[c];
                    re[j] = keep * re[j] + (r == c ? toMean * meanRe : 0);
                    im[j] = keep * im[j] + (r == c ? toMean * meanIm : 0);
                }
            }
        }
    }

    /** {@code rho[i][j]} as {re, im}. */
    public double[] entry(int i, int j) {
        int k = i + (j << n);
        return new double[] {re[k], im[k]};
    }

    /**
     * {@code Tr(P rho)}: with {@code P|k> = i^{nY} (-1)^{popcount(k & z)} |k xor x>},
     * {@code Tr(P rho) = i^{nY} sum_k (-1)^{popcount(k & z)} rho[k][k xor x]}, real for Hermitian rho.
     */
    public double expectation(Pauli p) {
        int x = p.xMask();
        int z = p.zMask();
        int states = 1 << n;
        double sumRe = 0;
        double sumIm = 0;
        for (int k = 0; k < states; k++) {
            int idx = k + ((k ^ x) << n);
            double sign = (Integer.bitCount(k & z) & 1) == 0 ? 1 : -1;
            sumRe += sign * re[idx];
            sumIm += sign * im[idx];
        }
        return switch (p.phaseQuarterTurns()) {
            case 0 -> sumRe;
            case 1 -> -sumIm;
            case 2 -> -sumRe;
            default -> sumIm;
        };
    }

    /**
     * Shot estimates of the observables from the noisy state, grouped as {@link MeasurementGroup#firstFit}
     * (basis rotations noiseless), each measured bit flipped with probability {@code readoutError}.
     */
    public void estimate(Pauli[] observables, int shots, double readoutError, RandomGenerator rng, double[] out) {
        int states = 1 << n;
        if (cdf == null) {
            cdf = new double[states];
        }
        int[] outcomes = new int[shots];
        for (MeasurementGroup g : MeasurementGroup.firstFit(observables)) {
            System.arraycopy(re, 0, workRe, 0, dim);
            System.arraycopy(im, 0, workIm, 0, dim);
            rotate(g);
            double acc = 0;
            for (int k = 0; k < states; k++) {
                acc += Math.max(0, workRe[k + (k << n)]); // diagonal; rounding can leave -1e-17
                cdf[k] = acc;
            }
            Shots.sample(cdf, states, shots, rng, outcomes);
            Shots.flip(outcomes, shots, g.support(), readoutError, rng);
            for (int o : g.members()) {
                out[o] = Shots.parityMean(outcomes, shots, observables[o].support());
            }
        }
    }

    /** {@code work -> V work V^dagger} with V the group's basis rotation (rows, then conj on columns). */
    private void rotate(MeasurementGroup g) {
        Simulator.rotateToBasis(workRe, workIm, dim, g);
        for (int m = g.xQubits() | g.yQubits(); m != 0; m &= m - 1) {
            int q = Integer.numberOfTrailingZeros(m);
            if ((g.yQubits() >> q & 1) != 0) {
                Kernels.diag(workRe, workIm, dim, q + n, 1, 0, 0, 1); // conj(S-dagger) = S
            }
            Kernels.real(workRe, workIm, dim, q + n, R2, R2, R2, -R2);
        }
    }
}
