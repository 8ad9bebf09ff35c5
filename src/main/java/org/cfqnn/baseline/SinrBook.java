package org.cfqnn.baseline;

import org.cfqnn.radio.MrRows;
import org.cfqnn.radio.Rates;

/**
 * Signal and interference sums of one MR assignment (silent APs allowed, {@code a[n] = -1}), so that
 * a method moving APs one at a time can score a move from the rows it changes, O(K), instead of
 * re-adding all M APs, O(M K):
 * <pre>
 *   sig[k] = sum_{a[n] = k} T[n][k][k],   itf[k] = sum_{a[n] != k, a[n] >= 0} T[n][a[n]][k],
 *   x_k = rho sig[k] / (rho mu itf[k] + 1),   R_k = log2(1 + x_k)   (Rates.rate, paper Eq. 5).
 * </pre>
 * {@link #load} adds the APs in index order, exactly as {@link org.cfqnn.radio.MrTable#minRate} does,
 * so the rates of a loaded assignment equal the full-table ones bit for bit; a move scored from the
 * sums differs from them only in rounding (about 1e-16 relative).
 *
 * <p>A candidate change (APs that stop serving a user, APs that start) is staged with {@link #change},
 * {@link #leave} and {@link #join} and scored without being applied: {@link #minSinrAfter} visits the
 * users from the weakest up and gives up as soon as one falls below a cut, so a hopeless candidate
 * usually costs O(1). Comparisons use the SINR {@code x_k}: the rate is a non-decreasing function of it
 * (even in floating point), so the weakest user and the min rate follow from SINRs without logarithms.
 */
final class SinrBook {

    final int nAp;
    final int nUser;
    final double rho;
    final double rhoMu;
    final MrRows rows;
    final double[] sig;
    final double[] itf;
    private double stagedSig; // user k's sums after the staged change ({@link #stage})
    private double stagedItf;
    final int[] count;
    /** Users by ascending SINR of the loaded assignment (see {@link #rank}). */
    final int[] order;
    private final double[] rankKey;
    private final double[][] leaving = new double[2][];
    private final int[] leavingUser = new int[2];
    private final double[][] joining = new double[2][];
    private final int[] joiningUser = new int[2];
    private int leaves;
    private int joins;
    private long operations;

    SinrBook(MrRows rows, double rho, double mu) {
        this.rows = rows;
        this.nAp = rows.nAp();
        this.nUser = rows.nUser();
        this.rho = rho;
        this.rhoMu = rho * mu;
        this.sig = new double[nUser];
        this.itf = new double[nUser];
        this.count = new int[nUser];
        this.order = new int[nUser];
        this.rankKey = new double[nUser];
        for (int k = 0; k < nUser; k++) {
            order[k] = k;
        }
    }

    /** Recomputes the sums of {@code a} from scratch, APs in index order. */
    void load(int[] a) {
        java.util.Arrays.fill(sig, 0.0);
        java.util.Arrays.fill(itf, 0.0);
        java.util.Arrays.fill(count, 0);
        for (int n = 0; n < nAp; n++) {
            int u = a[n];
            if (u < 0) {
                continue;
            }
            double[] row = rows.row(n, u);
            operations += nUser;
            for (int k = 0; k < nUser; k++) {
                if (k == u) {
                    sig[k] += row[k];
                } else {
                    itf[k] += row[k];
                }
            }
            count[u]++;
        }
    }

    /** {@code x = rho s / (rho mu i + 1)}, the argument of {@link Rates#rate} for signal and interference sums s, i. */
    double sinr(double s, double i) {
        operations++;
        return rho * s / (rhoMu * i + 1);
    }

    /** SINRs evaluated and coupling terms summed so far: the greedy method's own work. */
    long operations() {
        return operations;
    }

    double sinr(int k) {
        return sinr(sig[k], itf[k]);
    }

    /** Rate of user k; 0 when nobody serves it. */
    double rate(int k) {
        return count[k] > 0 ? Rates.fromSinr(sinr(k)) : 0;
    }

    double minRate() {
        double min = Double.POSITIVE_INFINITY;
        for (int k = 0; k < nUser; k++) {
            min = Math.min(min, rate(k));
        }
        return min;
    }

    double sumRate() {
        double s = 0;
        for (int k = 0; k < nUser; k++) {
            s += rate(k);
        }
        return s;
    }

    /**
     * Sorts {@link #order} by ascending SINR (insertion sort: after a small change the previous order
     * is nearly sorted, so this is close to O(K)).
     */
    void rank() {
        for (int k = 0; k < nUser; k++) {
            rankKey[k] = sinr(k);
        }
        for (int i = 1; i < nUser; i++) {
            int k = order[i];
            double key = rankKey[k];
            int j = i - 1;
            while (j >= 0 && rankKey[order[j]] > key) {
                order[j + 1] = order[j];
                j--;
            }
            order[j + 1] = k;
        }
    }

    /** Starts staging a candidate change (at most two APs leave and two join). */
    SinrBook change() {
        leaves = 0;
        joins = 0;
        return this;
    }

    /** Staged: AP n stops serving user v. */
    SinrBook leave(int n, int v) {
        leaving[leaves] = rows.row(n, v);
        leavingUser[leaves++] = v;
        return this;
    }

    /** Staged: AP n starts serving user v. */
    SinrBook join(int n, int v) {
        joining[joins] = rows.row(n, v);
        joiningUser[joins++] = v;
        return this;
    }

    /** Applies the staged change to the sums and counts (the caller updates its assignment). */
    void apply() {
        for (int k = 0; k < nUser; k++) {
            stage(k);
            sig[k] = stagedSig;
            itf[k] = stagedItf;
        }
        for (int j = 0; j < leaves; j++) {
            count[leavingUser[j]]--;
        }
        for (int j = 0; j < joins; j++) {
            count[joiningUser[j]]++;
        }
    }

    /** SINR of user k once the staged change is applied. */
    double sinrAfter(int k) {
        stage(k);
        return sinr(stagedSig, stagedItf);
    }

    /** User k's signal and interference sums once the staged change is applied, into stagedSig / stagedItf. */
    private void stage(int k) {
        double s = sig[k];
        double i = itf[k];
        for (int j = 0; j < leaves; j++) {
            if (leavingUser[j] == k) {
                s -= leaving[j][k];
            } else {
                i -= leaving[j][k];
            }
        }
        for (int j = 0; j < joins; j++) {
            if (joiningUser[j] == k) {
                s += joining[j][k];
            } else {
                i += joining[j][k];
            }
        }
        stagedSig = s;
        stagedItf = i;
    }

    /**
     * The smallest SINR once the staged change is applied, or -1 as soon as some user's falls below
     * {@code cut}. Users losing an AP go first, then the rest from the weakest up (by {@link #order}).
     */
    double minSinrAfter(double cut) {
        for (int j = 0; j < leaves; j++) {
            if (sinrAfter(leavingUser[j]) < cut) {
                return -1;
            }
        }
        double min = Double.POSITIVE_INFINITY;
        for (int k : order) {
            double x = sinrAfter(k);
            if (x < cut) {
                return -1;
            }
            min = Math.min(min, x);
        }
        return min;
    }

    /** Sum rate once the staged change is applied (every user served), added in user order. */
    double sumRateAfter() {
        double s = 0;
        for (int k = 0; k < nUser; k++) {
            s += Rates.fromSinr(sinrAfter(k));
        }
        return s;
    }

    /**
     * A SINR below which the rate is surely below {@code rate}: {@code (2^rate - 1)(1 - 1e-9)}. The
     * relative margin of 1e-9 is far above the rounding of log1p and expm1 (about 1e-16), so
     * {@code x < sinrBelow(r)} implies {@code Rates.fromSinr(x) < r} for every x >= 0.
     */
    static double sinrBelow(double rate) {
        double x = Math.expm1(rate * Math.log(2));
        return x > 0 ? x * (1 - 1e-9) : 0;
    }
}
