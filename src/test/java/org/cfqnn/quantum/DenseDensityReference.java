package org.cfqnn.quantum;

/**
 * A deliberately naive noisy reference for tests: the full 2^n x 2^n density matrix, every gate as
 * {@code U rho U^dagger} with U from {@link DenseReference#full}, every depolarizing channel as its
 * Kraus sum written out ({@code (1 - p) rho + p/3 sum_P P rho P} over X, Y, Z; the 15 Pauli pairs for
 * two qubits), observables as {@code Tr(P rho)} with P built letter by letter. Shares nothing with the
 * engine's vectorized kernels or its closed-form channel updates.
 */
final class DenseDensityReference {

    private static final GateKind[] PAULIS = {null, GateKind.X, GateKind.Y, GateKind.Z}; // null = identity

    private DenseDensityReference() {
    }

    /** The noisy output state {re, im} of a circuit from |0...0><0...0|. */
    static double[][][] run(Circuit c, double[] angles, double p1, double p2) {
        int n = c.qubits();
        int dim = 1 << n;
        double[][][] rho = {new double[dim][dim], new double[dim][dim]};
        rho[0][0][0] = 1;
        for (Op op : c.ops()) {
            rho = conjugateBy(DenseReference.full(op, op.parametric() ? angles[op.slot()] : 0, n), rho);
            if (op.kind().arity() == 1 && p1 > 0) {
                double[][][] sum = scaled(rho, 1 - p1);
                for (int a = 1; a < 4; a++) {
                    add(sum, conjugateBy(pauli(n, op.q0(), a, -1, 0), rho), p1 / 3);
                }
                rho = sum;
            } else if (op.kind().arity() == 2 && p2 > 0) {
                double[][][] sum = scaled(rho, 1 - p2);
                for (int a = 0; a < 4; a++) {
                    for (int b = 0; b < 4; b++) {
                        if (a != 0 || b != 0) {
                            add(sum, conjugateBy(pauli(n, op.q0(), a, op.q1(), b), rho), p2 / 15);
                        }
                    }
                }
                rho = sum;
            }
        }
        return rho;
    }

    /** {@code Tr(P rho)} for a Pauli string such as "X0Z2". */
    static double expectation(double[][][] rho, String text, int n) {
        Pauli p = Pauli.parse(text, n);
        double[][][] m = identity(1 << n);
        for (int q = 0; q < n; q++) {
            int x = p.xMask() >> q & 1;
            int z = p.zMask() >> q & 1;
            int letter = x == 1 ? (z == 1 ? 2 : 1) : (z == 1 ? 3 : 0);
            if (letter != 0) {
                m = multiply(DenseReference.full(new Op(PAULIS[letter], q, -1, -1), 0, n), m);
            }
        }
        double tr = 0;
        double[][][] prod = multiply(m, rho);
        for (int i = 0; i < (1 << n); i++) {
            tr += prod[0][i][i];
        }
        return tr;
    }

    /** The dense matrix of Pauli a on qubit qa times Pauli b on qubit qb (qb = -1: none). */
    private static double[][][] pauli(int n, int qa, int a, int qb, int b) {
        double[][][] m = identity(1 << n);
        if (a != 0) {
            m = multiply(DenseReference.full(new Op(PAULIS[a], qa, -1, -1), 0, n), m);
        }
        if (qb >= 0 && b != 0) {
            m = multiply(DenseReference.full(new Op(PAULIS[b], qb, -1, -1), 0, n), m);
        }
        return m;
    }

    private static double[][][] identity(int dim) {
        double[][][] m = {new double[dim][dim], new double[dim][dim]};
        for (int i = 0; i < dim; i++) {
            m[0][i][i] = 1;
        }
        return m;
    }

    /** {@code U rho U^dagger}. */
    private static double[][][] conjugateBy(double[][][] u, double[][][] rho) {
        return multiply(multiply(u, rho), dagger(u));
    }

    private static double[][][] dagger(double[][][] u) {
        int dim = u[0].length;
        double[][][] d = {new double[dim][dim], new double[dim][dim]};
        for (int i = 0; i < dim; i++) {
            for (int j = 0; j < dim; j++) {
                d[0][i][j] = u[0][j][i];
                d[1][i][j] = -u[1][j][i];
            }
        }
        return d;
    }

    private static double[][][] multiply(double[][][] a, double[][][] b) {
        int dim = a[0].length;
        double[][][] c = {new double[dim][dim], new double[dim][dim]};
        for (int i = 0; i < dim; i++) {
            for (int k = 0; k < dim; k++) {
                double ar = a[0][i][k];
                double ai = a[1][i][k];
                if (ar == 0 && ai == 0) {
                    continue;
                }
                for (int j = 0; j < dim; j++) {
                    c[0][i][j] += ar * b[0][k][j] - ai * b[1][k][j];
                    c[1][i][j] += ar * b[1][k][j] + ai * b[0][k][j];
                }
            }
        }
        return c;
    }

    private static double[][][] scaled(double[][][] m, double f) {
        int dim = m[0].length;
        double[][][] s = {new double[dim][dim], new double[dim][dim]};
        add(s, m, f);
        return s;
    }

    private static void add(double[][][] acc, double[][][] m, double f) {
        for (int part = 0; part < 2; part++) {
            for (int i = 0; i < m[0].length; i++) {
                for (int j = 0; j < m[0].length; j++) {
                    acc[part][i][j] += f * m[part][i][j];
                }
            }
        }
    }
}
