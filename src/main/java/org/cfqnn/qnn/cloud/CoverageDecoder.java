package org.cfqnn.qnn.cloud;

import java.util.random.RandomGenerator;
import org.cfqnn.matching.Matching;
import org.cfqnn.radio.MrTable;

/**
 * Turns per-link scores {@code s[m][k]} (log-probabilities up to a per-AP constant: AP m serves
 * user k with probability softmax_k s[m][k]) into an assignment that serves every user.
 *
 * <p>Direct decoding is the most probable feasible assignment: maximizing
 * {@code sum_m s[m][a_m]} subject to every user served equals choosing, for a covering matching of
 * users to distinct APs, the least total loss {@code max_k' s[m][k'] - s[m][k]}, then giving every other
 * AP its favourite user. The matching is the Hungarian algorithm; no rate is evaluated.
 */
public final class CoverageDecoder {

    private CoverageDecoder() {
    }

    /**
     * The counted work of one decoding of M x K scores: the covering matching's bound, {@code K} passes
     * over the {@code M K} cells.
     */
    public static long operations(int nAp, int nUser) {
        return (long) nAp * nUser * nUser;
    }

    public static int[] decode(double[][] s) {
        return Matching.covering(s);
    }

    /** {@code p[m][k] = softmax_k s[m][k]}. */
    public static double[][] probabilities(double[][] s) {
        double[][] p = new double[s.length][s[0].length];
        for (int m = 0; m < s.length; m++) {
            double max = Double.NEGATIVE_INFINITY;
            for (double v : s[m]) {
                max = Math.max(max, v);
            }
            double z = 0;
            for (int k = 0; k < s[m].length; k++) {
                p[m][k] = Math.exp(s[m][k] - max);
                z += p[m][k];
            }
            for (int k = 0; k < s[m].length; k++) {
                p[m][k] /= z;
            }
        }
        return p;
    }

    /**
     * Sampled decoding: the direct decoding plus {@code candidates - 1} draws of every AP's user from
     * its softmax distribution, each made feasible by the same coverage decoding with the drawn
     * choices strongly preferred (only the changes coverage forces). Keeps the candidate with the best
     * (min rate, sum rate) under MR precoding on the estimate.
     */
    public static int[] sampled(double[][] s, int candidates, RandomGenerator rng, MrTable table, double rho, double mu) {
        int nAp = s.length;
        int nUser = s[0].length;
        double[][] p = probabilities(s);
        int[] best = decode(s);
        double[] rates = new double[nUser];
        double[] scratch = new double[3 * nUser];
        double bestMin = table.minRate(best, rho, mu, 0, rates, scratch);
        double bestSum = sum(rates);
        double spread = 0; // larger than any score difference: a drawn choice outweighs the scores
        for (double[] row : s) {
            for (double v : row) {
                spread = Math.max(spread, Math.abs(v));
            }
        }
        double bonus = 1 + 2 * spread;
        double[][] biased = new double[nAp][nUser];
        for (int c = 1; c < candidates; c++) {
            for (int m = 0; m < nAp; m++) {
                double u = rng.nextDouble();
                int drawn = nUser - 1;
                for (int k = 0; k < nUser; k++) {
                    u -= p[m][k];
                    if (u < 0) {
                        drawn = k;
                        break;
                    }
                }
                for (int k = 0; k < nUser; k++) {
                    // keep the draw unless coverage forces a change; forced changes follow the scores
                    biased[m][k] = s[m][k] + (k == drawn ? bonus : 0);
                }
            }
            int[] a = decode(biased);
            double min = table.minRate(a, rho, mu, 0, rates, scratch);
            double sum = sum(rates);
            if (min > bestMin || (min == bestMin && sum > bestSum)) {
                best = a;
                bestMin = min;
                bestSum = sum;
            }
        }
        return best;
    }

    private static double sum(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s;
    }
}
