package org.cfqnn.radio;

/**
 * User rates under non-coherent joint transmission (paper Eq. 4-5, docs/model.md section 2).
 *
 * <p>With couplings {@code c[n][k] = |h[n][k]^T v[n]|^2} (transpose, not Hermitian) and an
 * assignment {@code a[m]} (AP m serves user a[m]):
 * <pre>
 *   S_k = rho * sum_{m: a[m]=k} c[m][k],   I_k = rho * mu * sum_{n: a[n]!=k} c[n][k],
 *   R_k = log2(1 + S_k / (I_k + 1)).
 * </pre>
 * Couplings are stored flat, {@code c[n*K + k]}.
 */
public final class Rates {

    private static final double LN2 = Math.log(2);

    private Rates() {
    }

    /** Every {@code |h[n][k]^T v[n]|^2}, flat {@code [n*K + k]}. */
    public static double[] couplings(Channel h, Precoders v) {
        int nAp = h.nAp();
        int nUser = h.nUser();
        double[] c = new double[nAp * nUser];
        for (int n = 0; n < nAp; n++) {
            for (int k = 0; k < nUser; k++) {
                c[n * nUser + k] = v.coupling(h, n, k);
            }
        }
        return c;
    }

    /** Rates on the channel {@code truth} with the given assignment and precoders. */
    public static RateReport evaluate(Channel truth, int[] assignment, Precoders v, double rho, double mu) {
        return fromCouplings(couplings(truth, v), truth.nAp(), truth.nUser(), assignment, rho, mu);
    }

    /** As {@link #evaluate}; an AP with {@code a[n] < 0} is silent (lost): it serves no one and interferes with no one. */
    public static RateReport fromCouplings(double[] c, int nAp, int nUser, int[] a, double rho, double mu) {
        double[] signal = new double[nUser];
        double[] interference = new double[nUser];
        boolean[] served = new boolean[nUser];
        for (int n = 0; n < nAp; n++) {
            int served_n = a[n];
            if (served_n < 0) {
                continue;
            }
            served[served_n] = true;
            for (int k = 0; k < nUser; k++) {
                if (k == served_n) {
                    signal[k] += c[n * nUser + k];
                } else {
                    interference[k] += c[n * nUser + k];
                }
            }
        }
        double[] rates = new double[nUser];
        for (int k = 0; k < nUser; k++) {
            rates[k] = rate(rho * signal[k], rho * mu * interference[k]);
        }
        return RateReport.of(rates, served);
    }

    /** {@code log2(1 + S / (I + 1))} for received signal and interference powers over unit noise. */
    public static double rate(double signal, double interference) {
        return fromSinr(signal / (interference + 1));
    }

    /** {@code log2(1 + sinr)}: the rate of a given SINR, computed exactly as {@link #rate} does. */
    public static double fromSinr(double sinr) {
        return Math.log1p(sinr) / LN2;
    }

    /**
     * Per-AP rate {@code R_{m->k}} of paper Eq. 4: AP m's signal to user k over the interference of
     * every other AP, {@code rho * mu * sum_{n != m} c[n][k]} (cooperating APs included, as written).
     */
    public static double apRate(double[] c, int nAp, int nUser, int m, int k, double rho, double mu) {
        double interference = 0;
        for (int n = 0; n < nAp; n++) {
            if (n != m) {
                interference += c[n * nUser + k];
            }
        }
        return rate(rho * c[m * nUser + k], rho * mu * interference);
    }
}
