package org.cfqnn.qnn.cloud;

import java.util.Arrays;

/**
 * The additive max-min surrogate a decoder optimizes instead of rates: each candidate link (m, k) has a
 * value {@code v[m][k] > 0} and, for every other candidate user u of the same AP, a harm
 * {@code h[m][u][k] >= 0} (tau included). The wealth of user k under a (partial) assignment a is
 * <pre>W_k(a) = sum_{m: a[m] = k} v[m][k] - sum_{m: a[m] = u != k, k candidate of m} h[m][u][k]</pre>
 * (unassigned APs count for nothing): a linearization of the user's SINR around its average
 * interference. Only sums of these numbers are ever formed; no rate is evaluated.
 */
public final class Surrogate {

    private long operations;

    private final int nAp;
    private final int nUser;
    private final boolean[] candidate;
    private final double[] logValue;
    private final double[] value;
    private final double[] harm;
    private final int[][] victims;

    /**
     * @param candidate {@code [m * K + k]}: links that have a value
     * @param logValue  {@code [m * K + k]}: ln v (ignored off the candidates)
     * @param harm      {@code [(m * K + u) * K + k]}: h, read only where (m, u) and (m, k) are candidates
     */
    public Surrogate(int nAp, int nUser, boolean[] candidate, double[] logValue, double[] harm) {
        this.nAp = nAp;
        this.nUser = nUser;
        this.candidate = candidate;
        this.logValue = logValue;
        this.harm = harm;
        this.value = new double[logValue.length];
        this.victims = new int[nAp][];
        for (int m = 0; m < nAp; m++) {
            int count = 0;
            for (int k = 0; k < nUser; k++) {
                if (candidate[m * nUser + k]) {
                    value[m * nUser + k] = Math.exp(logValue[m * nUser + k]);
                    count++;
                }
            }
            victims[m] = new int[count];
            for (int k = 0, c = 0; k < nUser; k++) {
                if (candidate[m * nUser + k]) {
                    victims[m][c++] = k;
                }
            }
        }
    }

    public int nAp() {
        return nAp;
    }

    public int nUser() {
        return nUser;
    }

    public boolean candidate(int m, int k) {
        return candidate[m * nUser + k];
    }

    /** ln v[m][k] (meaningful on candidates only). */
    public double logValue(int m, int k) {
        return logValue[m * nUser + k];
    }

    /** v[m][k], 0 off the candidates. */
    public double value(int m, int k) {
        return value[m * nUser + k];
    }

    /** The candidate users of AP m, ascending. */
    public int[] candidates(int m) {
        return victims[m];
    }

    /** Wealth terms read or written and comparisons made on this surrogate so far: the decoder's work. */
    public long operations() {
        return operations;
    }

    /** Counts {@code n} more operations of the decoder. */
    void count(long n) {
        operations += n;
    }

    /** Adds ({@code sign = 1}) or removes ({@code -1}) AP m serving u to the wealths W. */
    public void add(double[] w, int m, int u, double sign) {
        operations += 1 + victims[m].length;
        w[u] += sign * value[m * nUser + u];
        int row = (m * nUser + u) * nUser;
        for (int k : victims[m]) {
            if (k != u) {
                w[k] -= sign * harm[row + k];
            }
        }
    }

    /** W(a) for an assignment in which {@code a[m] < 0} marks an unassigned AP. */
    public double[] wealth(int[] a) {
        double[] w = new double[nUser];
        for (int m = 0; m < nAp; m++) {
            if (a[m] >= 0) {
                add(w, m, a[m], 1);
            }
        }
        return w;
    }

    static double min(double[] w) {
        double x = Double.POSITIVE_INFINITY;
        for (double v : w) {
            x = Math.min(x, v);
        }
        return x;
    }

    static double sum(double[] w) {
        double x = 0;
        for (double v : w) {
            x += v;
        }
        return x;
    }

    @Override
    public String toString() {
        return "Surrogate[M=" + nAp + ", K=" + nUser + ", values=" + Arrays.toString(value) + "]";
    }
}
