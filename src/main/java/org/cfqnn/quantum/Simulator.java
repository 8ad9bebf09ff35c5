package org.cfqnn.quantum;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.cfqnn.input.InvalidInputException;

/**
 * A statevector simulator for circuits on a fixed number of qubits. One instance per thread: it
 * owns its buffers (allocated once) and caches the fused 2x2 matrices of the last program it ran,
 * recomputing a step only when one of its angles changed, so re-running a circuit with one angle
 * shifted (parameter-shift rule, Rotosolve) costs one matrix, not all.
 *
 * <p>Conventions: qubit 0 is the least significant bit of a basis index; a run starts from |0...0>.
 */
public final class Simulator {

    /** Largest register: 2^30 amplitudes, the most a Java array of doubles can index. */
    public static final int MAX_QUBITS = 30;
    private static final double R2 = Math.sqrt(0.5);

    private final int n;
    private final int dim;
    private final double[] re;
    private final double[] im;
    private double[] lre;
    private double[] lim;
    private double[] savedRe;
    private double[] savedIm;

    private Program cached;
    private double[][] stepMatrix;
    private double[][] stepAngles;
    private boolean[] stepValid;
    private final double[] gate = new double[8];

    private Simulator(int n) {
        this.n = n;
        this.dim = 1 << n;
        this.re = new double[dim];
        this.im = new double[dim];
    }

    /**
     * A simulator for {@code n} qubits.
     *
     * @throws InvalidInputException if the state, with room for adjoint differentiation, would not fit
     *                               the heap
     */
    public static Simulator forQubits(int n) {
        checkFits(n, 2);
        return new Simulator(n);
    }

    /**
     * Refuses a register whose {@code buffers} statevectors (16 bytes per amplitude each) would not
     * fit in 90% of the maximum heap, naming the qubit count and the memory.
     */
    public static void checkFits(int n, int buffers) {
        if (n < 1) {
            throw new InvalidInputException("qubits", n, "must be in [1, " + MAX_QUBITS + "]");
        }
        if (n > MAX_QUBITS) {
            throw new InvalidInputException("qubits", n, String.format("a %d-qubit statevector takes %s; at most %d "
                    + "qubits (2^%d amplitudes, a Java array's limit) are supported", n,
                    bytesText(n < 59 ? (1L << n) * 16L : Long.MAX_VALUE), MAX_QUBITS,
                    MAX_QUBITS));
        }
        long bytes = (1L << n) * 16L * buffers;
        long heap = Runtime.getRuntime().maxMemory();
        if (bytes > 0.9 * heap) {
            throw new InvalidInputException("qubits", n, String.format(
                    "a %d-qubit statevector (2^%d amplitudes, %s with the buffers gradients need) does not fit "
                            + "the %s heap; reduce the ansatz or raise -Xmx (CFQNN_JAVA_OPTS)",
                    n, n, bytesText(bytes), bytesText(heap)));
        }
    }

    /** Memory of {@code buffers} statevectors of n qubits, for messages. */
    public static String bytesText(long bytes) {
        double gib = bytes / (double) (1L << 30);
        return gib >= 1 ? String.format("%.1f GiB", gib) : String.format("%.1f MiB", bytes / (double) (1L << 20));
    }

    public int qubits() {
        return n;
    }

    // ---------------------------------------------------------------- running

    /** Prepares {@code U(angles)|0...0>}. {@code angles[slot]} is the angle of each parametric gate. */
    public void run(Circuit c, double[] angles) {
        run(c, angles, -1, 0);
    }

    /** As {@link #run(Circuit, double[])} with gate {@code shiftedOp}'s angle moved by {@code delta}. */
    public void run(Circuit c, double[] angles, int shiftedOp, double delta) {
        if (c.qubits() != n) {
            throw new IllegalArgumentException("circuit has " + c.qubits() + " qubits, simulator " + n);
        }
        if (angles.length < c.slots()) {
            throw new IllegalArgumentException("circuit needs " + c.slots() + " angles, got " + angles.length);
        }
        Program p = c.program();
        bind(p);
        execute(p, angles, shiftedOp, delta);
    }

    /** Runs the program from |0...0>. */
    private void execute(Program p, double[] angles, int shiftedOp, double delta) {
        Arrays.fill(re, 0.0);
        Arrays.fill(im, 0.0);
        re[0] = 1;
        for (int s = 0; s < p.steps(); s++) {
            int q = p.qa[s];
            switch (p.type[s]) {
                case Program.HADAMARD -> Kernels.real(re, im, dim, q, R2, R2, R2, -R2);
                case Program.PAULI_X -> Kernels.pauliX(re, im, dim, q);
                case Program.CX -> Kernels.cx(re, im, dim, q, p.qb[s]);
                case Program.CZ -> Kernels.cz(re, im, dim, q, p.qb[s]);
                case Program.SWAP -> Kernels.swap(re, im, dim, q, p.qb[s]);
                case Program.DIAG -> {
                    double[] m = matrix(p, s, angles, shiftedOp, delta);
                    Kernels.diag(re, im, dim, q, m[0], m[1], m[6], m[7]);
                }
                case Program.REAL -> {
                    double[] m = matrix(p, s, angles, shiftedOp, delta);
                    Kernels.real(re, im, dim, q, m[0], m[2], m[4], m[6]);
                }
                case Program.GENERIC -> Kernels.generic(re, im, dim, q, matrix(p, s, angles, shiftedOp, delta));
                case Program.CONTROLLED -> Kernels.controlled(re, im, dim, q, p.qb[s], matrix(p, s, angles, shiftedOp, delta));
                default -> throw new IllegalStateException("step type " + p.type[s]);
            }
        }
    }

    private void bind(Program p) {
        if (cached == p) {
            return;
        }
        cached = p;
        int steps = p.steps();
        stepMatrix = new double[steps][8];
        stepAngles = new double[steps][];
        stepValid = new boolean[steps];
        for (int s = 0; s < steps; s++) {
            stepAngles[s] = new double[p.members[s].length];
        }
    }

    /** The fused matrix of step s, recomputed only if one of its angles changed since last time. */
    private double[] matrix(Program p, int s, double[] angles, int shiftedOp, double delta) {
        double[] m = stepMatrix[s];
        int[] ops = p.members[s];
        double[] last = stepAngles[s];
        boolean valid = stepValid[s];
        if (valid && p.parametric[s]) {
            for (int k = 0; k < ops.length; k++) {
                if (angleOf(p.circuit, ops[k], angles, shiftedOp, delta) != last[k]) {
                    valid = false;
                    break;
                }
            }
        }
        if (valid) {
            return m;
        }
        for (int k = 0; k < ops.length; k++) {
            Op op = p.circuit.op(ops[k]);
            double a = angleOf(p.circuit, ops[k], angles, shiftedOp, delta);
            last[k] = a;
            if (k == 0) {
                op.kind().matrix(a, m);
            } else {
                op.kind().matrix(a, gate);
                Kernels.multiply(gate, m, m);
            }
        }
        stepValid[s] = true;
        return m;
    }

    private static double angleOf(Circuit c, int i, double[] angles, int shiftedOp, double delta) {
        Op op = c.op(i);
        if (!op.parametric()) {
            return 0;
        }
        return i == shiftedOp ? angles[op.slot()] + delta : angles[op.slot()];
    }

    // ---------------------------------------------------------------- reading the state

    /** Amplitude of basis state i as {re, im}. */
    public double[] amplitude(int i) {
        return new double[] {re[i], im[i]};
    }

    public double probability(int i) {
        return re[i] * re[i] + im[i] * im[i];
    }

    /** Copies of the state, for tests and export. */
    public double[] stateRe() {
        return re.clone();
    }

    public double[] stateIm() {
        return im.clone();
    }

    /** {@code <psi|P|psi>} on the current state. */
    public double expectation(Pauli p) {
        return expectation(re, im, p);
    }

    public void expectations(Pauli[] observables, double[] out) {
        for (int o = 0; o < observables.length; o++) {
            out[o] = expectation(re, im, observables[o]);
        }
    }

    private double expectation(double[] sr, double[] si, Pauli p) {
        int x = p.xMask();
        int z = p.zMask();
        if (x == 0 && Integer.bitCount(z) == 1) {
            return expectZ(sr, si, Integer.numberOfTrailingZeros(z));
        }
        if (x == 0 && z == 0) {
            return 1.0;
        }
        if (Integer.bitCount(x) == 1 && (z == 0 || z == x)) {
            int q = Integer.numberOfTrailingZeros(x);
            return z == 0 ? expectX(sr, si, q) : expectY(sr, si, q);
        }
        // general string: sum_b conj(psi[b^x]) (-1)^{popcount(b&z)} psi[b], times i^{nY}
        double sumRe = 0;
        double sumIm = 0;
        for (int b = 0; b < dim; b++) {
            int c = b ^ x;
            double sign = (Integer.bitCount(b & z) & 1) == 0 ? 1 : -1;
            sumRe += sign * (sr[c] * sr[b] + si[c] * si[b]);
            sumIm += sign * (sr[c] * si[b] - si[c] * sr[b]);
        }
        return switch (p.phaseQuarterTurns()) {
            case 0 -> sumRe;
            case 1 -> -sumIm;
            case 2 -> -sumRe;
            default -> sumIm;
        };
    }

    private double expectZ(double[] sr, double[] si, int q) {
        int s = 1 << q;
        double plus = 0;
        double minus = 0;
        for (int base = 0; base < dim; base += s << 1) {
            for (int i = base, e = base + s; i < e; i++) {
                plus += sr[i] * sr[i] + si[i] * si[i];
                int j = i + s;
                minus += sr[j] * sr[j] + si[j] * si[j];
            }
        }
        return plus - minus;
    }

    private double expectX(double[] sr, double[] si, int q) {
        int s = 1 << q;
        double sum = 0;
        for (int base = 0; base < dim; base += s << 1) {
            for (int i = base, e = base + s; i < e; i++) {
                sum += sr[i] * sr[i + s] + si[i] * si[i + s];
            }
        }
        return 2 * sum;
    }

    private double expectY(double[] sr, double[] si, int q) {
        int s = 1 << q;
        double sum = 0;
        for (int base = 0; base < dim; base += s << 1) {
            for (int i = base, e = base + s; i < e; i++) {
                sum += sr[i] * si[i + s] - si[i] * sr[i + s];
            }
        }
        return 2 * sum;
    }

    // ---------------------------------------------------------------- measurement

    /**
     * Draws {@code shots} computational-basis outcomes of the current state into {@code out}
     * (basis indices), by inverse-CDF search.
     */
    public void sample(int shots, RandomGenerator rng, int[] out) {
        sampleFrom(re, im, shots, rng, out);
    }

    private void sampleFrom(double[] sr, double[] si, int shots, RandomGenerator rng, int[] out) {
        double[] cdf = scratchCdf();
        double acc = 0;
        for (int i = 0; i < dim; i++) {
            acc += sr[i] * sr[i] + si[i] * si[i];
            cdf[i] = acc;
        }
        Shots.sample(cdf, dim, shots, rng, out);
    }

    private double[] cdf;

    private double[] scratchCdf() {
        if (cdf == null) {
            cdf = new double[dim];
        }
        return cdf;
    }

    /**
     * Estimates of the observables from {@code shots} measurements each, as on hardware: observables
     * that agree on every shared qubit are read from the same shots ({@link MeasurementGroup#firstFit}:
     * one basis rotation per group, H for X, S-dagger then H for Y); the others get shots of their own.
     */
    public void estimate(Pauli[] observables, int shots, RandomGenerator rng, double[] out) {
        estimate(observables, shots, 0, rng, out);
    }

    /**
     * As {@link #estimate(Pauli[], int, RandomGenerator, double[])} with readout error: every measured
     * bit flips with probability {@code readoutError} before the estimate is formed.
     */
    public void estimate(Pauli[] observables, int shots, double readoutError, RandomGenerator rng, double[] out) {
        ensureSaved();
        int[] outcomes = new int[shots];
        for (MeasurementGroup g : MeasurementGroup.firstFit(observables)) {
            System.arraycopy(re, 0, savedRe, 0, dim);
            System.arraycopy(im, 0, savedIm, 0, dim);
            rotateToBasis(savedRe, savedIm, dim, g);
            sampleFrom(savedRe, savedIm, shots, rng, outcomes);
            Shots.flip(outcomes, shots, g.support(), readoutError, rng);
            for (int o : g.members()) {
                out[o] = Shots.parityMean(outcomes, shots, observables[o].support());
            }
        }
    }

    /**
     * Rotates the group's X- and Y-read qubits to the computational basis: S-dagger then H for Y, H for
     * X. Applied to a statevector of {@code dim} amplitudes, or to a density matrix's column index
     * (qubit q + n) with the conjugate matrices.
     */
    static void rotateToBasis(double[] sr, double[] si, int dim, MeasurementGroup g) {
        int xy = g.xQubits() | g.yQubits();
        for (int m = xy; m != 0; m &= m - 1) {
            int q = Integer.numberOfTrailingZeros(m);
            if ((g.yQubits() >> q & 1) != 0) {
                Kernels.diag(sr, si, dim, q, 1, 0, 0, -1); // S-dagger
            }
            Kernels.real(sr, si, dim, q, R2, R2, R2, -R2);
        }
    }

    // ---------------------------------------------------------------- noise trajectories

    /**
     * One Monte-Carlo trajectory of the depolarizing channels (an unravelling into Pauli errors): runs
     * the circuit gate by gate from |0...0>; after each one-qubit gate, with probability {@code p1},
     * X, Y or Z (one third each) on its qubit; after each two-qubit gate, with probability {@code p2},
     * one of the 15 non-identity Pauli pairs (uniform) on its qubits. The average of {@code <P>} over
     * trajectories converges to the density-matrix value, with standard error std / sqrt(trajectories).
     */
    public void runTrajectory(Circuit c, double[] angles, double p1, double p2, RandomGenerator rng) {
        if (c.qubits() != n) {
            throw new IllegalArgumentException("circuit has " + c.qubits() + " qubits, simulator " + n);
        }
        Arrays.fill(re, 0.0);
        Arrays.fill(im, 0.0);
        re[0] = 1;
        for (int i = 0; i < c.size(); i++) {
            Op op = c.op(i);
            Kernels.gate(re, im, dim, op, op.parametric() ? angles[op.slot()] : 0, 0, false, gate);
            if (op.kind().arity() == 1) {
                if (p1 > 0 && rng.nextDouble() < p1) {
                    applyPauli(1 + rng.nextInt(3), op.q0());
                }
            } else if (p2 > 0 && rng.nextDouble() < p2) {
                int pair = 1 + rng.nextInt(15); // base 4: (Pauli on q0) + 4 (Pauli on q1), not II
                applyPauli(pair & 3, op.q0());
                applyPauli(pair >> 2, op.q1());
            }
        }
    }

    /** Pauli 0 = I, 1 = X, 2 = Y, 3 = Z on qubit q (Y = i X Z: a global phase is irrelevant). */
    private void applyPauli(int pauli, int q) {
        if (pauli == 1 || pauli == 2) {
            Kernels.pauliX(re, im, dim, q);
        }
        if (pauli == 2 || pauli == 3) {
            Kernels.diag(re, im, dim, q, pauli == 2 ? -1 : 1, 0, pauli == 2 ? 1 : -1, 0);
        }
    }

    // ---------------------------------------------------------------- gradients

    /**
     * Adjoint differentiation (Jones and Gacon, arXiv:2009.02823) of the weighted sum
     * {@code f = sum_o w_o <O_o>}: one forward run and one backward sweep whatever the number of
     * angles. Writes {@code df/d angles[slot]} into {@code grad} (summed over gates sharing a slot)
     * and returns f. For a gate {@code U = exp(-i t G / 2)} the derivative is
     * {@code Im <lambda|G|psi>} with psi the state after the gate and lambda the adjoint state there.
     */
    public double adjoint(Circuit c, double[] angles, Pauli[] observables, double[] weights, double[] grad) {
        run(c, angles);
        ensureAdjoint();
        Arrays.fill(lre, 0.0);
        Arrays.fill(lim, 0.0);
        for (int o = 0; o < observables.length; o++) {
            if (weights[o] != 0) {
                applyPauli(observables[o], weights[o], lre, lim);
            }
        }
        double f = 0;
        for (int i = 0; i < dim; i++) {
            f += re[i] * lre[i] + im[i] * lim[i];
        }
        Arrays.fill(grad, 0, c.slots(), 0.0);
        backward(c, angles, grad);
        return f;
    }
    /**
     * The Jacobian {@code J[o][slot] = d<O_o>/d angles[slot]} by adjoint differentiation: one forward
     * run, then one backward sweep per observable. Leaves the expectations in {@code values}.
     */
    public double[][] jacobianAdjoint(Circuit c, double[] angles, Pauli[] observables, double[] values) {
        run(c, angles);
        ensureAdjoint();
        ensureSaved();
        System.arraycopy(re, 0, savedRe, 0, dim);
        System.arraycopy(im, 0, savedIm, 0, dim);
        double[][] jac = new double[observables.length][c.slots()];
        for (int o = 0; o < observables.length; o++) {
            if (o > 0) {
                System.arraycopy(savedRe, 0, re, 0, dim);
                System.arraycopy(savedIm, 0, im, 0, dim);
            }
            values[o] = expectation(re, im, observables[o]);
            Arrays.fill(lre, 0.0);
            Arrays.fill(lim, 0.0);
            applyPauli(observables[o], 1.0, lre, lim);
            backward(c, angles, jac[o]);
        }
        // leave the simulator holding the circuit's output state
        System.arraycopy(savedRe, 0, re, 0, dim);
        System.arraycopy(savedIm, 0, im, 0, dim);
        return jac;
    }

    /**
     * The Jacobian by the parameter-shift rule ({@link ShiftRule}: two terms at shift s, four for
     * controlled rotations). Leaves the expectations in {@code values}.
     */
    public double[][] jacobianParameterShift(Circuit c, double[] angles, Pauli[] observables, double shift,
                                             double[] values) {
        return jacobianParameterShift(c, angles, observables, shift, values, 0, null);
    }

    /**
     * As {@link #jacobianParameterShift(Circuit, double[], Pauli[], double, double[])}, with every
     * expectation (shifted and unshifted) estimated from {@code shots} measurements when
     * {@code shots > 0}, as it would be on hardware.
     */
    public double[][] jacobianParameterShift(Circuit c, double[] angles, Pauli[] observables, double shift,
                                             double[] values, int shots, RandomGenerator rng) {
        double[][] jac = ShiftRule.jacobian(c, observables.length, shift, (op, delta, out) -> {
            run(c, angles, op, delta);
            readout(observables, out, shots, rng);
        });
        run(c, angles);
        readout(observables, values, shots, rng);
        return jac;
    }

    /** Exact expectations, or estimates from {@code shots} measurements when shots > 0. */
    public void readout(Pauli[] observables, double[] out, int shots, RandomGenerator rng) {
        if (shots > 0) {
            estimate(observables, shots, rng, out);
        } else {
            expectations(observables, out);
        }
    }

    /** {@code (lre, lim) += w P (re, im)}. */
    private void applyPauli(Pauli p, double w, double[] outRe, double[] outIm) {
        int x = p.xMask();
        int z = p.zMask();
        if (x == 0 && Integer.bitCount(z) == 1) { // w Z_q: a sign per half
            int s = 1 << Integer.numberOfTrailingZeros(z);
            for (int base = 0; base < dim; base += s << 1) {
                for (int i = base, e = base + s; i < e; i++) {
                    outRe[i] += w * re[i];
                    outIm[i] += w * im[i];
                    outRe[i + s] -= w * re[i + s];
                    outIm[i + s] -= w * im[i + s];
                }
            }
            return;
        }
        // phase i^{nY}: multiply (a + ib) by it
        int turns = p.phaseQuarterTurns();
        for (int b = 0; b < dim; b++) {
            double sign = (Integer.bitCount(b & z) & 1) == 0 ? w : -w;
            double ar = sign * re[b];
            double ai = sign * im[b];
            int t = b ^ x;
            switch (turns) {
                case 0 -> {
                    outRe[t] += ar;
                    outIm[t] += ai;
                }
                case 1 -> {
                    outRe[t] -= ai;
                    outIm[t] += ar;
                }
                case 2 -> {
                    outRe[t] -= ar;
                    outIm[t] -= ai;
                }
                default -> {
                    outRe[t] += ai;
                    outIm[t] -= ar;
                }
            }
        }
    }

    /**
     * The backward sweep: from the last gate to the first parametric one, accumulates each
     * parametric gate's derivative and un-applies the gate from both psi and lambda.
     */
    private void backward(Circuit c, double[] angles, double[] grad) {
        int first = -1;
        for (int i = 0; i < c.size(); i++) {
            if (c.op(i).parametric()) {
                first = i;
                break;
            }
        }
        for (int i = c.size() - 1; i >= first && first >= 0; i--) {
            Op op = c.op(i);
            double t = op.parametric() ? angles[op.slot()] : 0;
            if (op.kind().arity() == 1) {
                switch (op.kind()) {
                    case RY -> grad[op.slot()] += AdjointKernels.ry(re, im, lre, lim, dim, op.q0(), t);
                    case RZ -> grad[op.slot()] += AdjointKernels.rz(re, im, lre, lim, dim, op.q0(), t);
                    case RX -> grad[op.slot()] += AdjointKernels.rx(re, im, lre, lim, dim, op.q0(), t);
                    default -> {
                        op.kind().matrix(0, gate);
                        Kernels.dagger(gate);
                        undo1(op.q0(), gate);
                    }
                }
            } else {
                if (op.parametric()) {
                    grad[op.slot()] += AdjointKernels.controlledOverlap(re, im, lre, lim, dim, op.q0(), op.q1(), op.kind().base());
                }
                undo2(op, t);
            }
        }
    }

    private void undo1(int q, double[] m) {
        Kernels.generic(re, im, dim, q, m);
        Kernels.generic(lre, lim, dim, q, m);
    }

    private void undo2(Op op, double t) {
        switch (op.kind()) {
            case CX -> {
                Kernels.cx(re, im, dim, op.q0(), op.q1());
                Kernels.cx(lre, lim, dim, op.q0(), op.q1());
            }
            case CZ -> {
                Kernels.cz(re, im, dim, op.q0(), op.q1());
                Kernels.cz(lre, lim, dim, op.q0(), op.q1());
            }
            case SWAP -> {
                Kernels.swap(re, im, dim, op.q0(), op.q1());
                Kernels.swap(lre, lim, dim, op.q0(), op.q1());
            }
            default -> {
                op.kind().matrix(t, gate);
                Kernels.dagger(gate);
                Kernels.controlled(re, im, dim, op.q0(), op.q1(), gate);
                Kernels.controlled(lre, lim, dim, op.q0(), op.q1(), gate);
            }
        }
    }

    private void ensureAdjoint() {
        if (lre == null) {
            checkFits(n, 3);
            lre = new double[dim];
            lim = new double[dim];
        }
    }

    private void ensureSaved() {
        if (savedRe == null) {
            savedRe = new double[dim];
            savedIm = new double[dim];
        }
    }
}
