package org.cfqnn.qnn.cloud;

import org.cfqnn.radio.MrTable;

/**
 * Per-link input features of the graph cloud QNN, computed from the estimate alone (no rate of any
 * assignment is evaluated). With {@code L[m][k] = ln ||hHat[m][k]||^2} (the MR gain) and
 * {@code best_k = max_m L[m][k]}, link (m, k) gets, in units of {@link #SCALE} nepers:
 * <ol start="0">
 *   <li>{@code L[m][k] - max_k' L[m][k']}: how this user ranks for the AP;</li>
 *   <li>{@code L[m][k] - best_k}: how this AP ranks for the user;</li>
 *   <li>{@code L[m][k] - max_{m' != m} L[m'][k]}: margin over the user's best other AP;</li>
 *   <li>{@code L[m][k] - max_{k' != k} L[m][k']}: margin over the AP's best other user;</li>
 *   <li>{@code best_k - mean_k' best_k'}: the user's strength;</li>
 *   <li>{@code best_k - min_k' best_k'}: the user's distance from the weakest user;</li>
 *   <li>second-best minus best AP gain of the user;</li>
 *   <li>{@code ln sum_{k' != k} |h[m][k']^T v_{m->k}|^2 - L[m][k]}: the leakage serving k causes;</li>
 *   <li>{@code 2 mu}: the interference factor (one model serves every mu).</li>
 * </ol>
 */
public final class LinkFeatures {

    public static final int COUNT = 9;
    /** Log-gain differences are divided by this (4 nepers, about 17 dB) to keep angles near O(1). */
    public static final double SCALE = 4.0;

    private LinkFeatures() {
    }

    /** {@code f[m][k][i]}. */
    public static double[][][] compute(MrTable t, double mu) {
        int nAp = t.nAp();
        int nUser = t.nUser();
        double[][] l = new double[nAp][nUser];
        for (int m = 0; m < nAp; m++) {
            for (int k = 0; k < nUser; k++) {
                l[m][k] = Math.log(Math.max(t.get(m, k, k), 1e-300));
            }
        }
        double[] best = new double[nUser];
        double[] second = new double[nUser];
        for (int k = 0; k < nUser; k++) {
            best[k] = Double.NEGATIVE_INFINITY;
            second[k] = Double.NEGATIVE_INFINITY;
            for (int m = 0; m < nAp; m++) {
                if (l[m][k] > best[k]) {
                    second[k] = best[k];
                    best[k] = l[m][k];
                } else if (l[m][k] > second[k]) {
                    second[k] = l[m][k];
                }
            }
        }
        double meanBest = 0;
        double minBest = Double.POSITIVE_INFINITY;
        for (double b : best) {
            meanBest += b / nUser;
            minBest = Math.min(minBest, b);
        }
        double[][][] f = new double[nAp][nUser][COUNT];
        for (int m = 0; m < nAp; m++) {
            double apBest = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < nUser; k++) {
                apBest = Math.max(apBest, l[m][k]);
            }
            for (int k = 0; k < nUser; k++) {
                double otherAp = Double.NEGATIVE_INFINITY;
                for (int n = 0; n < nAp; n++) {
                    if (n != m) {
                        otherAp = Math.max(otherAp, l[n][k]);
                    }
                }
                double otherUser = Double.NEGATIVE_INFINITY;
                double leak = 0;
                for (int j = 0; j < nUser; j++) {
                    if (j != k) {
                        otherUser = Math.max(otherUser, l[m][j]);
                        leak += t.get(m, k, j);
                    }
                }
                double[] x = f[m][k];
                x[0] = (l[m][k] - apBest) / SCALE;
                x[1] = (l[m][k] - best[k]) / SCALE;
                x[2] = nAp > 1 ? clip((l[m][k] - otherAp) / SCALE) : 0;
                x[3] = nUser > 1 ? clip((l[m][k] - otherUser) / SCALE) : 0;
                x[4] = (best[k] - meanBest) / SCALE;
                x[5] = (best[k] - minBest) / SCALE;
                x[6] = nAp > 1 ? clip((second[k] - best[k]) / SCALE) : 0;
                x[7] = nUser > 1 ? clip((Math.log(leak + 1e-12 * t.get(m, k, k)) - l[m][k]) / SCALE) : 0;
                x[8] = 2 * mu;
            }
        }
        return f;
    }

    /** Keeps extreme values (a channel 60 dB down) from dominating the encoding angles. */
    private static double clip(double v) {
        return Math.max(-3, Math.min(3, v));
    }
}
