package org.cfqnn.qnn.cloud;

import org.cfqnn.radio.MrTable;

/**
 * Inputs of the max-min cloud's per-link circuits, from the estimate alone and normalized so that they
 * mean the same at any M and K. With {@code q[m][k] = ln v0[m][k]} ({@link LinkPriors}), the user's
 * total {@code Q_k = ln sum_m exp q[m][k]} and the AP's total {@code P_m = ln sum_k exp q[m][k]}, link
 * (m, k) gets, in units of {@link #SCALE} nepers and clipped to [-3, 3]:
 * <ol start="0">
 *   <li>{@code q - max_m' q[m'][k]}: how this AP ranks for the user;</li>
 *   <li>{@code q - max_k' q[m][k']}: how this user ranks for the AP;</li>
 *   <li>{@code Q_k - mean_k' Q_k'}: the user's strength against the others;</li>
 *   <li>{@code Q_k - min_k' Q_k'}: its distance from the weakest user;</li>
 *   <li>{@code q - Q_k}: the link's share of everything the user could get;</li>
 *   <li>{@code q - P_m}: its share of the AP's total;</li>
 *   <li>{@code ln sum_{j != k} T[m][k][j] - ln T[m][k][k]}: the leakage serving k puts on others;</li>
 *   <li>{@code 2 mu}: the interference factor;</li>
 *   <li>{@code ln L[m][k] - ln T[m][k][k]}: the interference AP m puts on k when it serves someone else
 *       (what serving k removes);</li>
 *   <li>{@code ln(1 + rho mu I_k) - mean_k' ln(1 + rho mu I_k')}: how interfered the user is.</li>
 * </ol>
 */
public final class MaxMinFeatures {

    public static final int COUNT = 10;
    /** Log ratios are divided by this (4 nepers, about 17 dB) to keep encoding angles near O(1). */
    public static final double SCALE = 4.0;
    private static final double CLIP = 3.0;

    private MaxMinFeatures() {
    }

    /** {@code f[link][i]} for every link of {@code links}. */
    public static double[][] compute(MrTable t, LinkPriors p, LinkSet links, double rho, double mu) {
        int nAp = p.nAp();
        int nUser = p.nUser();
        double[] colMax = new double[nUser];
        double[] colTotal = new double[nUser];
        double[] rowMax = new double[nAp];
        double[] rowTotal = new double[nAp];
        java.util.Arrays.fill(colMax, Double.NEGATIVE_INFINITY);
        java.util.Arrays.fill(rowMax, Double.NEGATIVE_INFINITY);
        for (int m = 0; m < nAp; m++) {
            for (int k = 0; k < nUser; k++) {
                colMax[k] = Math.max(colMax[k], p.logValue(m, k));
                rowMax[m] = Math.max(rowMax[m], p.logValue(m, k));
            }
        }
        for (int m = 0; m < nAp; m++) {
            for (int k = 0; k < nUser; k++) {
                colTotal[k] += Math.exp(p.logValue(m, k) - colMax[k]);
                rowTotal[m] += Math.exp(p.logValue(m, k) - rowMax[m]);
            }
        }
        double meanTotal = 0;
        double minTotal = Double.POSITIVE_INFINITY;
        double meanInterference = 0;
        double[] logInterference = new double[nUser];
        for (int k = 0; k < nUser; k++) {
            colTotal[k] = colMax[k] + Math.log(colTotal[k]);
            meanTotal += colTotal[k] / nUser;
            minTotal = Math.min(minTotal, colTotal[k]);
            logInterference[k] = Math.log1p(rho * mu * p.interference(k));
            meanInterference += logInterference[k] / nUser;
        }
        for (int m = 0; m < nAp; m++) {
            rowTotal[m] = rowMax[m] + Math.log(rowTotal[m]);
        }
        double[][] f = new double[links.size()][COUNT];
        for (int i = 0; i < links.size(); i++) {
            int m = links.ap(i);
            int k = links.user(i);
            double q = p.logValue(m, k);
            double gain = Math.max(t.get(m, k, k), Double.MIN_NORMAL);
            double leak = 0;
            for (int j = 0; j < nUser; j++) {
                if (j != k) {
                    leak += t.get(m, k, j);
                }
            }
            double[] x = f[i];
            x[0] = scaled(q - colMax[k]);
            x[1] = scaled(q - rowMax[m]);
            x[2] = scaled(colTotal[k] - meanTotal);
            x[3] = scaled(colTotal[k] - minTotal);
            x[4] = scaled(q - colTotal[k]);
            x[5] = scaled(q - rowTotal[m]);
            x[6] = nUser > 1 ? scaled(Math.log(Math.max(leak, Double.MIN_NORMAL) / gain)) : 0;
            x[7] = 2 * mu;
            x[8] = nUser > 1 ? scaled(Math.log(Math.max(p.leakage(m, k), Double.MIN_NORMAL) / gain)) : 0;
            x[9] = scaled(logInterference[k] - meanInterference);
        }
        return f;
    }

    private static double scaled(double nepers) {
        return Math.max(-CLIP, Math.min(CLIP, nepers / SCALE));
    }
}
