package org.cfqnn.baseline;

import java.util.Arrays;
import org.cfqnn.matching.Matching;
import org.cfqnn.radio.Channel;

/**
 * Keeps an assignment serving every user when APs are lost. Lost APs serve no one ({@code -1}); among
 * the assignments of the live APs that serve every user, the repair keeps the most of the original
 * choices and, among those, moves APs toward users they hear well (largest sum of gain ratios
 * {@code |hHat[m][k]|^2 / max_k' |hHat[m][k']|^2}). No rate is evaluated. With fewer live APs than users
 * every live AP serves a distinct user, as many users as can be served.
 */
public final class CoverageRepair {

    private CoverageRepair() {
    }

    public static int[] repair(int[] a, boolean[] lost, Channel estimate) {
        int nUser = estimate.nUser();
        int[] live = java.util.stream.IntStream.range(0, a.length).filter(m -> !lost[m]).toArray();
        int[] out = new int[a.length];
        Arrays.fill(out, -1);
        if (live.length == 0) {
            return out;
        }
        // a kept choice is worth 1; all gain terms together less than 1, so they only break ties
        double[][] s = new double[live.length][nUser];
        for (int i = 0; i < live.length; i++) {
            int m = live[i];
            double max = 0;
            for (int k = 0; k < nUser; k++) {
                max = Math.max(max, estimate.gain(m, k));
            }
            for (int k = 0; k < nUser; k++) {
                double ratio = max > 0 ? estimate.gain(m, k) / max : 0;
                s[i][k] = (a[m] == k ? 1 : 0) + (ratio - 1) / (2.0 * live.length);
            }
        }
        int[] b;
        if (live.length >= nUser) {
            b = Matching.covering(s);
        } else {
            double[][] cost = new double[live.length][nUser];
            for (int i = 0; i < live.length; i++) {
                for (int k = 0; k < nUser; k++) {
                    cost[i][k] = -s[i][k];
                }
            }
            b = Matching.minCost(cost);
        }
        for (int i = 0; i < live.length; i++) {
            out[live[i]] = b[i];
        }
        return out;
    }
}
