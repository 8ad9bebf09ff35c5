package org.cfqnn.quantum;

/**
 * The parameter-shift rule, whatever evaluates the shifted circuits (exact statevector, shots, noisy
 * backends: a gate-independent channel after each gate keeps {@code <O>(t)} a trigonometric polynomial
 * of the same frequencies, so the rule stays exact under depolarizing noise).
 * For a rotation {@code exp(-i t P / 2)}: {@code d<O>/dt = [<O>(t + s) - <O>(t - s)] / (2 sin s)}
 * (paper Appendix B, shift s); controlled rotations, whose generator has eigenvalues {0, +-1/2}, use
 * the four-term rule with shifts pi/2 and 3pi/2 (coefficients (sqrt2 +- 1)/(4 sqrt2)).
 */
public final class ShiftRule {

    private static final double C1 = (Math.sqrt(2) + 1) / (4 * Math.sqrt(2));
    private static final double C2 = (Math.sqrt(2) - 1) / (4 * Math.sqrt(2));

    private ShiftRule() {
    }

    /** Evaluates the circuit with gate {@code op}'s angle moved by {@code delta} into {@code out}. */
    @FunctionalInterface
    public interface ShiftedRun {
        void run(int op, double delta, double[] out);
    }

    /** {@code J[o][slot] = d<O_o>/d angles[slot]}, summed over the gates sharing a slot. */
    public static double[][] jacobian(Circuit c, int nObs, double shift, ShiftedRun eval) {
        double[][] jac = new double[nObs][c.slots()];
        double[] plus = new double[nObs];
        double[] minus = new double[nObs];
        for (int i = 0; i < c.size(); i++) {
            Op op = c.op(i);
            if (!op.parametric()) {
                continue;
            }
            if (op.kind().controlled()) {
                eval.run(i, Math.PI / 2, plus);
                eval.run(i, -Math.PI / 2, minus);
                for (int o = 0; o < nObs; o++) {
                    jac[o][op.slot()] += C1 * (plus[o] - minus[o]);
                }
                eval.run(i, 3 * Math.PI / 2, plus);
                eval.run(i, -3 * Math.PI / 2, minus);
                for (int o = 0; o < nObs; o++) {
                    jac[o][op.slot()] -= C2 * (plus[o] - minus[o]);
                }
            } else {
                eval.run(i, shift, plus);
                eval.run(i, -shift, minus);
                double scale = 1 / (2 * Math.sin(shift));
                for (int o = 0; o < nObs; o++) {
                    jac[o][op.slot()] += scale * (plus[o] - minus[o]);
                }
            }
        }
        return jac;
    }
}
