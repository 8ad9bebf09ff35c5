package org.cfqnn.quantum;

/**
 * A deliberately naive reference simulator for tests: every gate becomes a full 2^n x 2^n complex
 * matrix built from the textbook 2x2 matrices written out below (paper Appendix A), and the state
 * evolves by dense matrix-vector products. Nothing is shared with the engine's kernels.
 */
final class DenseReference {

    private DenseReference() {
    }

    /** Textbook matrix of a single-qubit kind at angle t: {re[2][2], im[2][2]}. */
    static double[][][] textbook(GateKind k, double t) {
        double c = Math.cos(t / 2);
        double s = Math.sin(t / 2);
        double r = 1 / Math.sqrt(2);
        return switch (k) {
            case H -> new double[][][] {{{r, r}, {r, -r}}, {{0, 0}, {0, 0}}};
            case X -> new double[][][] {{{0, 1}, {1, 0}}, {{0, 0}, {0, 0}}};
            case Y -> new double[][][] {{{0, 0}, {0, 0}}, {{0, -1}, {1, 0}}};
            case Z -> new double[][][] {{{1, 0}, {0, -1}}, {{0, 0}, {0, 0}}};
            case S -> new double[][][] {{{1, 0}, {0, 0}}, {{0, 0}, {0, 1}}};
            case SDG -> new double[][][] {{{1, 0}, {0, 0}}, {{0, 0}, {0, -1}}};
            case T -> new double[][][] {{{1, 0}, {0, r}}, {{0, 0}, {0, r}}};
            case TDG -> new double[][][] {{{1, 0}, {0, r}}, {{0, 0}, {0, -r}}};
            case RX -> new double[][][] {{{c, 0}, {0, c}}, {{0, -s}, {-s, 0}}};
            case RY -> new double[][][] {{{c, -s}, {s, c}}, {{0, 0}, {0, 0}}};
            case RZ -> new double[][][] {{{c, 0}, {0, c}}, {{-s, 0}, {0, s}}};
            default -> throw new IllegalArgumentException(k.toString());
        };
    }

    /** Full matrix {re, im} of an op on n qubits. */
    static double[][][] full(Op op, double t, int n) {
        int dim = 1 << n;
        double[][] ur = new double[dim][dim];
        double[][] ui = new double[dim][dim];
        for (int j = 0; j < dim; j++) { // column j = image of basis state j
            if (op.kind() == GateKind.SWAP) {
                int a = j >> op.q0() & 1;
                int b = j >> op.q1() & 1;
                int i = j & ~(1 << op.q0()) & ~(1 << op.q1()) | (b << op.q0()) | (a << op.q1());
                ur[i][j] = 1;
                continue;
            }
            int target = op.kind().arity() == 1 ? op.q0() : op.q1();
            if (op.kind().arity() == 2 && (j >> op.q0() & 1) == 0) {
                ur[j][j] = 1; // control off
                continue;
            }
            double[][][] m = textbook(op.kind().base(), t);
            int bit = j >> target & 1;
            for (int out = 0; out < 2; out++) {
                int i = (j & ~(1 << target)) | (out << target);
                ur[i][j] += m[0][out][bit];
                ui[i][j] += m[1][out][bit];
            }
        }
        return new double[][][] {ur, ui};
    }

    /** The final state {re, im} of a circuit from |0...0>. */
    static double[][] run(Circuit c, double[] angles) {
        int n = c.qubits();
        int dim = 1 << n;
        double[] re = new double[dim];
        double[] im = new double[dim];
        re[0] = 1;
        for (Op op : c.ops()) {
            double[][][] u = full(op, op.parametric() ? angles[op.slot()] : 0, n);
            double[] nr = new double[dim];
            double[] ni = new double[dim];
            for (int i = 0; i < dim; i++) {
                for (int j = 0; j < dim; j++) {
                    nr[i] += u[0][i][j] * re[j] - u[1][i][j] * im[j];
                    ni[i] += u[0][i][j] * im[j] + u[1][i][j] * re[j];
                }
            }
            re = nr;
            im = ni;
        }
        return new double[][] {re, im};
    }

    /** {@code <psi|P|psi>} from the dense Pauli matrix, built letter by letter. */
    static double expectation(double[][] psi, String pauli, int n) {
        int dim = 1 << n;
        char[] letter = new char[n];
        java.util.Arrays.fill(letter, 'I');
        var m = java.util.regex.Pattern.compile("([XYZ])(\\d+)").matcher(pauli);
        while (m.find()) {
            letter[Integer.parseInt(m.group(2))] = m.group(1).charAt(0);
        }
        double sum = 0;
        for (int j = 0; j < dim; j++) {
            // P|j> = phase |i>
            int i = j;
            double pr = 1;
            double pi = 0;
            for (int q = 0; q < n; q++) {
                int b = j >> q & 1;
                double fr;
                double fi;
                switch (letter[q]) {
                    case 'X' -> {
                        i ^= 1 << q;
                        fr = 1;
                        fi = 0;
                    }
                    case 'Y' -> { // Y|0> = i|1>, Y|1> = -i|0>
                        i ^= 1 << q;
                        fr = 0;
                        fi = b == 0 ? 1 : -1;
                    }
                    case 'Z' -> {
                        fr = b == 0 ? 1 : -1;
                        fi = 0;
                    }
                    default -> {
                        fr = 1;
                        fi = 0;
                    }
                }
                double tr = pr * fr - pi * fi;
                pi = pr * fi + pi * fr;
                pr = tr;
            }
            // conj(psi_i) * phase * psi_j
            double vr = pr * psi[0][j] - pi * psi[1][j];
            double vi = pr * psi[1][j] + pi * psi[0][j];
            sum += psi[0][i] * vr + psi[1][i] * vi;
        }
        return sum;
    }
}
