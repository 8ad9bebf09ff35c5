package org.cfqnn.quantum;

/**
 * Backward-sweep kernels of adjoint differentiation. For a rotation {@code U = exp(-i t P / 2)} on
 * qubit q each returns {@code Im <lambda|P|psi>} (the derivative contribution, psi being the state
 * after U) and applies {@code U^dagger} to psi and lambda, in one pass over the pairs
 * (a, b = a + 2^q). The per-pair bodies are small static methods the JIT inlines.
 */
final class AdjointKernels {

    private static final int RX = 0;
    private static final int RY = 1;
    private static final int RZ = 2;

    private AdjointKernels() {
    }

    static double ry(double[] pr, double[] pi, double[] lr, double[] li, int dim, int q, double t) {
        return sweep(RY, pr, pi, lr, li, dim, q, Math.cos(t / 2), Math.sin(t / 2));
    }

    static double rz(double[] pr, double[] pi, double[] lr, double[] li, int dim, int q, double t) {
        return sweep(RZ, pr, pi, lr, li, dim, q, Math.cos(t / 2), Math.sin(t / 2));
    }

    static double rx(double[] pr, double[] pi, double[] lr, double[] li, int dim, int q, double t) {
        return sweep(RX, pr, pi, lr, li, dim, q, Math.cos(t / 2), Math.sin(t / 2));
    }

    private static double sweep(int kind, double[] pr, double[] pi, double[] lr, double[] li, int dim, int q,
                                double c, double s) {
        int st = 1 << q;
        double g = 0;
        if (st == 1) {
            for (int a = 0; a < dim; a += 2) {
                g += pair(kind, pr, pi, lr, li, a, a + 1, c, s);
            }
            return g;
        }
        for (int base = 0; base < dim; base += st << 1) {
            for (int a = base, e = base + st; a < e; a++) {
                g += pair(kind, pr, pi, lr, li, a, a + st, c, s);
            }
        }
        return g;
    }

    private static double pair(int kind, double[] pr, double[] pi, double[] lr, double[] li, int a, int b,
                               double c, double s) {
        return switch (kind) {
            case RY -> pairRy(pr, pi, lr, li, a, b, c, s);
            case RZ -> pairRz(pr, pi, lr, li, a, b, c, s);
            default -> pairRx(pr, pi, lr, li, a, b, c, s);
        };
    }

    /** {@code Im <l|Y|p>} over the pair, then RY(-t) = [[c, s], [-s, c]] on both. */
    private static double pairRy(double[] pr, double[] pi, double[] lr, double[] li, int a, int b, double c, double s) {
        double ar = pr[a], ai = pi[a], br = pr[b], bi = pi[b];
        double xr = lr[a], xi = li[a], yr = lr[b], yi = li[b];
        pr[a] = c * ar + s * br;
        pi[a] = c * ai + s * bi;
        pr[b] = c * br - s * ar;
        pi[b] = c * bi - s * ai;
        lr[a] = c * xr + s * yr;
        li[a] = c * xi + s * yi;
        lr[b] = c * yr - s * xr;
        li[b] = c * yi - s * xi;
        // (Y p)_a = -i p_b, (Y p)_b = i p_a
        return yr * ar + yi * ai - xr * br - xi * bi;
    }

    /** {@code Im <l|Z|p>} over the pair, then RZ(-t) = diag(e^{it/2}, e^{-it/2}) on both. */
    private static double pairRz(double[] pr, double[] pi, double[] lr, double[] li, int a, int b, double c, double s) {
        double ar = pr[a], ai = pi[a], br = pr[b], bi = pi[b];
        double xr = lr[a], xi = li[a], yr = lr[b], yi = li[b];
        pr[a] = c * ar - s * ai;
        pi[a] = c * ai + s * ar;
        pr[b] = c * br + s * bi;
        pi[b] = c * bi - s * br;
        lr[a] = c * xr - s * xi;
        li[a] = c * xi + s * xr;
        lr[b] = c * yr + s * yi;
        li[b] = c * yi - s * yr;
        return (xr * ai - xi * ar) - (yr * bi - yi * br);
    }

    /** {@code Im <l|X|p>} over the pair, then RX(-t) = [[c, i s], [i s, c]] on both. */
    private static double pairRx(double[] pr, double[] pi, double[] lr, double[] li, int a, int b, double c, double s) {
        double ar = pr[a], ai = pi[a], br = pr[b], bi = pi[b];
        double xr = lr[a], xi = li[a], yr = lr[b], yi = li[b];
        pr[a] = c * ar - s * bi;
        pi[a] = c * ai + s * br;
        pr[b] = c * br - s * ai;
        pi[b] = c * bi + s * ar;
        lr[a] = c * xr - s * yi;
        li[a] = c * xi + s * yr;
        lr[b] = c * yr - s * xi;
        li[b] = c * yi + s * xr;
        return (xr * bi - xi * br) + (yr * ai - yi * ar);
    }

    /** {@code Im <lambda| P1_control (x) P_target |psi>} for P = the base X, Y or Z of a controlled rotation. */
    static double controlledOverlap(double[] pr, double[] pi, double[] lr, double[] li, int dim,
                                    int control, int target, GateKind base) {
        int cBit = 1 << control;
        int tBit = 1 << target;
        int lo = Math.min(control, target);
        int hi = Math.max(control, target);
        int sl = 1 << lo;
        int sh = 1 << hi;
        double g = 0;
        for (int x = 0; x < dim; x += sh << 1) {
            for (int y = x; y < x + sh; y += sl << 1) {
                for (int k = y, e = y + sl; k < e; k++) {
                    int a = k | cBit;
                    int b = a | tBit;
                    double ar = pr[a], ai = pi[a], br = pr[b], bi = pi[b];
                    double xr = lr[a], xi = li[a], yr = lr[b], yi = li[b];
                    g += switch (base) {
                        case RX -> (xr * bi - xi * br) + (yr * ai - yi * ar);
                        case RY -> yr * ar + yi * ai - xr * br - xi * bi;
                        case RZ -> (xr * ai - xi * ar) - (yr * bi - yi * br);
                        default -> throw new IllegalArgumentException("no generator for " + base);
                    };
                }
            }
        }
        return g;
    }
}
