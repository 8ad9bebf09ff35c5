package org.cfqnn.radio;

import java.util.Arrays;

/**
 * The MR couplings of {@link MrTable}, computed row by row when first asked for:
 * {@code row(n, u)[k] = T[n][u][k] = |h[n][k]^T v_{n->u}|^2} with
 * {@code v_{n->u} = conj(hHat[n][u]) / ||hHat[n][u]||}, and the diagonal {@code gain(n, k) = T[n][k][k]}.
 *
 * <p>A method that needs only some rows pays only for them: the search touches the M K diagonal
 * entries and the M rows of the APs it hands out, O(M K N), where the full table costs O(M K^2 N) time
 * and M K^2 doubles. Every value is computed with the same arithmetic as {@link MrTable}, so the two
 * agree bit for bit.
 *
 * <p>Caches, so not thread-safe: one instance per decision and thread.
 */
public final class MrRows {

    private final Channel channel;
    private final Channel estimate;
    private final int nUser;
    private final double[][] rows;
    private final double[] gains;
    private final boolean[] gainKnown;
    private final double[] vRe;
    private final double[] vIm;
    private long multiplyAdds;

    private MrRows(Channel channel, Channel estimate) {
        if (!channel.sameShape(estimate)) {
            throw new IllegalArgumentException("channel and estimate differ in shape");
        }
        this.channel = channel;
        this.estimate = estimate;
        this.nUser = channel.nUser();
        this.rows = new double[channel.nAp() * nUser][];
        this.gains = new double[channel.nAp() * nUser];
        this.gainKnown = new boolean[gains.length];
        this.vRe = new double[channel.nTx()];
        this.vIm = new double[channel.nTx()];
    }

    /** Couplings on {@code channel} of MR precoders computed from {@code estimate}. */
    public static MrRows of(Channel channel, Channel estimate) {
        return new MrRows(channel, estimate);
    }

    /** What an optimizer uses: everything from the estimate. */
    public static MrRows of(Channel estimate) {
        return new MrRows(estimate, estimate);
    }

    public int nAp() {
        return channel.nAp();
    }

    public int nUser() {
        return nUser;
    }

    /** {@code T[n][u][k]} for k = 0..K-1; computed once, shared: callers must not modify it. */
    public double[] row(int n, int u) {
        int i = n * nUser + u;
        double[] r = rows[i];
        if (r == null) {
            r = new double[nUser];
            fill(channel, estimate, n, u, vRe, vIm, r, 0);
            rows[i] = r;
            multiplyAdds += (long) nUser * channel.nTx();
        }
        return r;
    }

    /** {@code T[n][k][k]}: the gain of AP n's MR beam at its own user; {@code ||h[n][k]||^2} when the estimate is exact. */
    public double gain(int n, int k) {
        int i = n * nUser + k;
        if (!gainKnown[i]) {
            double[] r = rows[i];
            if (r != null) {
                gains[i] = r[k];
            } else {
                Precoders.maxRatioInto(estimate, n, k, vRe, vIm, 0);
                gains[i] = channel.coupling(n, k, vRe, vIm, 0);
                multiplyAdds += channel.nTx();
            }
            gainKnown[i] = true;
        }
        return gains[i];
    }

    /** Complex multiply-adds of the couplings computed so far (N per coupling; precoders not counted). */
    public long multiplyAdds() {
        return multiplyAdds;
    }

    /** Rates of an assignment with MR precoders, from the M rows it uses; as {@link MrTable#rates}. */
    public RateReport rates(int[] a, double rho, double mu) {
        int nAp = channel.nAp();
        double[] c = new double[nAp * nUser];
        for (int n = 0; n < nAp; n++) {
            if (a[n] >= 0) {
                System.arraycopy(row(n, a[n]), 0, c, n * nUser, nUser);
            } else {
                Arrays.fill(c, n * nUser, (n + 1) * nUser, 0.0);
            }
        }
        return Rates.fromCouplings(c, nAp, nUser, a, rho, mu);
    }

    /**
     * Writes {@code T[n][u][k]}, k = 0..K-1, into {@code out[offset..]}: the one place both tables
     * compute couplings, so they agree exactly.
     */
    static void fill(Channel channel, Channel estimate, int n, int u, double[] vRe, double[] vIm, double[] out,
                     int offset) {
        Precoders.maxRatioInto(estimate, n, u, vRe, vIm, 0);
        for (int k = 0; k < channel.nUser(); k++) {
            out[offset + k] = channel.coupling(n, k, vRe, vIm, 0);
        }
    }
}
