package org.cfqnn.radio;

/**
 * Couplings under maximum-ratio precoding for every choice of served user:
 * {@code T[n][u][k] = |h[n][k]^T v_{n->u}|^2} with {@code v_{n->u} = conj(hHat[n][u]) / ||hHat[n][u]||}.
 *
 * <p>Precoders come from the estimate and couplings from the channel the rates are measured on, so
 * one table built from (estimate, estimate) drives a baseline's decisions and one built from
 * (truth, estimate) reports its rates. Any assignment's MR rates then cost O(M K), no vector
 * arithmetic: the exhaustive optimum, the search and greedy baselines and QNN rewards use it.
 */
public final class MrTable {

    private final int nAp;
    private final int nUser;
    private final double[] t;

    private MrTable(int nAp, int nUser, double[] t) {
        this.nAp = nAp;
        this.nUser = nUser;
        this.t = t;
    }

    /** Couplings on {@code channel} of MR precoders computed from {@code estimate}. */
    public static MrTable of(Channel channel, Channel estimate) {
        if (!channel.sameShape(estimate)) {
            throw new IllegalArgumentException("channel and estimate differ in shape");
        }
        int nAp = channel.nAp();
        int nUser = channel.nUser();
        int nTx = channel.nTx();
        // M K^2 doubles: 8 MB at 256 x 64; methods that need only some rows use MrRows
        double[] vRe = new double[nTx];
        double[] vIm = new double[nTx];
        double[] t = new double[nAp * nUser * nUser];
        for (int n = 0; n < nAp; n++) {
            for (int u = 0; u < nUser; u++) {
                MrRows.fill(channel, estimate, n, u, vRe, vIm, t, (n * nUser + u) * nUser);
            }
        }
        return new MrTable(nAp, nUser, t);
    }

    /** The table an optimizer uses: everything from the estimate. */
    public static MrTable of(Channel estimate) {
        return of(estimate, estimate);
    }

    public int nAp() {
        return nAp;
    }

    public int nUser() {
        return nUser;
    }

    /** {@code |h[n][k]^T v_{n->u}|^2}. */
    public double get(int n, int u, int k) {
        return t[(n * nUser + u) * nUser + k];
    }

    /** Rates of an assignment with MR precoders; unserved users get rate 0 and are counted. */
    public RateReport rates(int[] a, double rho, double mu) {
        return Rates.fromCouplings(couplings(a), nAp, nUser, a, rho, mu);
    }

    /** Couplings {@code c[n*K + k]} for assignment a. */
    public double[] couplings(int[] a) {
        double[] c = new double[nAp * nUser];
        for (int n = 0; n < nAp; n++) {
            System.arraycopy(t, (n * nUser + a[n]) * nUser, c, n * nUser, nUser);
        }
        return c;
    }

    /**
     * Allocation-free min rate of an assignment, for search loops. Writes per-user rates into
     * {@code rates} (an unserved user gets {@code unservedRate}) and returns their minimum;
     * {@code scratch} needs 3K entries. An AP with {@code a[n] < 0} is silent (partial assignments).
     */
    public double minRate(int[] a, double rho, double mu, double unservedRate, double[] rates, double[] scratch) {
        int k1 = nUser;
        int k2 = 2 * nUser;
        java.util.Arrays.fill(scratch, 0, 3 * nUser, 0.0);
        for (int n = 0; n < nAp; n++) {
            int u = a[n];
            if (u < 0) {
                continue;
            }
            int row = (n * nUser + u) * nUser;
            for (int k = 0; k < nUser; k++) {
                scratch[k == u ? k : k1 + k] += t[row + k];
            }
            scratch[k2 + u] += 1;
        }
        double min = Double.POSITIVE_INFINITY;
        for (int k = 0; k < nUser; k++) {
            double r = scratch[k2 + k] > 0 ? Rates.rate(rho * scratch[k], rho * mu * scratch[k1 + k]) : unservedRate;
            rates[k] = r;
            min = Math.min(min, r);
        }
        return min;
    }
}
