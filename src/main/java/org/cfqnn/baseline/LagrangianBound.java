package org.cfqnn.baseline;

import org.cfqnn.radio.MrRows;

/**
 * A proven upper bound on the max-min SINR from weighting the users' SINR constraints (a Lagrangian,
 * or surrogate, relaxation), cheap at any size.
 *
 * <p>If an assignment a gives every user SINR >= gamma, then for any weights {@code w_k >= 0}
 * <pre>
 *   sum_k w_k (S_k - gamma mu I_k) >= (gamma / rho) W,   W = sum_k w_k,
 * </pre>
 * with {@code S_k}, {@code I_k} the MR signal and interference sums. The left side splits by AP:
 * {@code sum_m phi_m(a[m])}, {@code phi_m(u) = w_u T[m][u][u] - gamma mu sum_{k != u} w_k T[m][u][k]}, so it
 * is at most {@code Phi(gamma) = sum_m max_u phi_m(u)} (every AP choosing alone, coverage dropped). Hence
 * {@code Phi(gamma) < gamma W / rho} proves gamma, and everything above it, out of reach. For fixed w the
 * smallest such gamma is {@code max over per-AP choices of A / (B + W / rho)} (A, B: the sums of
 * {@code w_u T[m][u][u]} and {@code mu sum_{k != u} w_k T[m][u][k]} over the choices), found by Dinkelbach's
 * iteration; the weights are tuned by multiplicative updates that raise the weight of users the relaxed
 * choice leaves short. The best weights give the linear-programming relaxation's bound (the per-AP choice
 * is a simplex, so the Lagrangian dual equals the LP); {@code w = e_k} gives {@code rho sum_m T[m][k][k]}.
 *
 * <p>The returned gamma is checked once more with a rounding margin ({@link #proves}) before it is used.
 */
final class LagrangianBound {

    /** Weight updates. */
    static final int ROUNDS = 200;
    /** Dinkelbach steps per weight vector (it converges in a handful). */
    private static final int DINKELBACH_STEPS = 30;
    /** Relative margin on the sums of absolute terms: far above double rounding (about K 1e-16). */
    private static final double MARGIN = 1e-12;

    private final MrRows rows;
    private final double rho;
    private final double mu;
    private final int nAp;
    private final int nUser;
    /** {@code a[m*K+u] = w_u T[m][u][u]}, {@code b[m*K+u] = mu sum_{k != u} w_k T[m][u][k]} for the current w. */
    private final double[] a;
    private final double[] b;
    private final int[] choice;

    private LagrangianBound(MrRows rows, double rho, double mu) {
        this.rows = rows;
        this.rho = rho;
        this.mu = mu;
        this.nAp = rows.nAp();
        this.nUser = rows.nUser();
        this.a = new double[nAp * nUser];
        this.b = new double[nAp * nUser];
        this.choice = new int[nAp];
    }

    /**
     * The smallest proven-unreachable SINR found within {@code deadlineNanos}; at worst
     * {@link CertifiedMaxMin#perUserBound}.
     */
    static double of(MrRows rows, double rho, double mu, long deadlineNanos) {
        return new LagrangianBound(rows, rho, mu).search(deadlineNanos);
    }

    private double search(long deadlineNanos) {
        double best = CertifiedMaxMin.perUserBound(rows, rho);
        double[] w = new double[nUser];
        java.util.Arrays.fill(w, 1.0 / nUser);
        double[] slack = new double[nUser];
        double[] signal = new double[nUser];
        for (int round = 0; round < ROUNDS && System.nanoTime() < deadlineNanos; round++) {
            double gamma = threshold(w);
            // the root itself is where the two sides meet; a hair above it they part
            double candidate = gamma * (1 + 1e-9);
            if (candidate < best && proves(w, candidate)) {
                best = candidate;
            }
            // slack of each user's constraint under the relaxed choice, relative to its signal scale
            java.util.Arrays.fill(slack, 0.0);
            java.util.Arrays.fill(signal, 0.0);
            for (int m = 0; m < nAp; m++) {
                int u = choice[m];
                double[] row = rows.row(m, u);
                for (int k = 0; k < nUser; k++) {
                    if (k == u) {
                        slack[k] += row[k];
                        signal[k] += row[k];
                    } else {
                        slack[k] -= gamma * mu * row[k];
                    }
                }
            }
            double step = 1.0 / Math.sqrt(round + 1);
            double total = 0;
            for (int k = 0; k < nUser; k++) {
                double scale = Math.max(signal[k], gamma / rho);
                double s = (slack[k] - gamma / rho) / scale;
                w[k] *= Math.exp(-step * Math.max(-5, Math.min(5, s)));
                total += w[k];
            }
            for (int k = 0; k < nUser; k++) {
                w[k] = Math.max(w[k] / total, 1e-12);
            }
        }
        return best;
    }

    /** Fills a, b for weights w. */
    private void load(double[] w) {
        for (int m = 0; m < nAp; m++) {
            for (int u = 0; u < nUser; u++) {
                double[] row = rows.row(m, u);
                double itf = 0;
                for (int k = 0; k < nUser; k++) {
                    if (k != u) {
                        itf += w[k] * row[k];
                    }
                }
                a[m * nUser + u] = w[u] * row[u];
                b[m * nUser + u] = mu * itf;
            }
        }
    }

    /** Dinkelbach: the root of Phi(gamma) = gamma W / rho for weights w; leaves the maximizing choices. */
    private double threshold(double[] w) {
        load(w);
        double weight = 0;
        for (double x : w) {
            weight += x;
        }
        double gamma = 0;
        for (int step = 0; step < DINKELBACH_STEPS; step++) {
            double sumA = 0;
            double sumB = 0;
            for (int m = 0; m < nAp; m++) {
                int bestU = 0;
                double bestPhi = Double.NEGATIVE_INFINITY;
                for (int u = 0; u < nUser; u++) {
                    double phi = a[m * nUser + u] - gamma * b[m * nUser + u];
                    if (phi > bestPhi) {
                        bestPhi = phi;
                        bestU = u;
                    }
                }
                choice[m] = bestU;
                sumA += a[m * nUser + bestU];
                sumB += b[m * nUser + bestU];
            }
            double next = sumA / (sumB + weight / rho);
            if (next <= gamma * (1 + 1e-15)) {
                return Math.max(gamma, next);
            }
            gamma = next;
        }
        return gamma;
    }

    /** Whether weights w prove that no assignment gives every user SINR >= gamma ({@link #proves}). */
    static boolean certifies(MrRows rows, double rho, double mu, double[] w, double gamma) {
        return new LagrangianBound(rows, rho, mu).proves(w, gamma);
    }

    /**
     * Whether {@code Phi(gamma) < gamma W / rho} holds with room to spare for rounding: every sum is
     * taken with a margin of {@link #MARGIN} times the sum of its terms' magnitudes, so the inequality
     * holds in exact arithmetic on the couplings.
     */
    boolean proves(double[] w, double gamma) {
        double weight = 0;
        for (double x : w) {
            weight += x;
        }
        double phi = 0;
        double magnitude = 0;
        for (int m = 0; m < nAp; m++) {
            double best = Double.NEGATIVE_INFINITY;
            double size = 0;
            for (int u = 0; u < nUser; u++) {
                double[] row = rows.row(m, u);
                double value = w[u] * row[u];
                double abs = Math.abs(value);
                for (int k = 0; k < nUser; k++) {
                    if (k != u) {
                        double t = gamma * mu * w[k] * row[k];
                        value -= t;
                        abs += Math.abs(t);
                    }
                }
                if (value > best) {
                    best = value;
                }
                size = Math.max(size, abs);
            }
            phi += best;
            magnitude += size;
        }
        double rhs = gamma * weight / rho;
        return phi + MARGIN * (magnitude + Math.abs(phi)) < rhs - MARGIN * Math.abs(rhs);
    }
}
