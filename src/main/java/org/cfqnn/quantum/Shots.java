package org.cfqnn.quantum;

import java.util.random.RandomGenerator;

/**
 * What every shot-based readout shares, whatever the state representation: inverse-CDF sampling of
 * basis outcomes, readout bit flips and the parity estimate of a Pauli string.
 */
final class Shots {

    private Shots() {
    }

    /**
     * Draws {@code shots} basis indices from the cumulative distribution {@code cdf[0..dim)} (its last
     * entry is the total weight, 1 up to rounding) by binary search.
     */
    static void sample(double[] cdf, int dim, int shots, RandomGenerator rng, int[] out) {
        double total = cdf[dim - 1];
        for (int s = 0; s < shots; s++) {
            double u = rng.nextDouble() * total;
            int lo = 0;
            int hi = dim - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (cdf[mid] > u) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            out[s] = lo;
        }
    }

    /**
     * Readout error: every bit of {@code mask} in every outcome flips independently with probability
     * {@code r} (symmetric: 0 -> 1 and 1 -> 0 alike). Draws nothing when r = 0.
     */
    static void flip(int[] outcomes, int shots, int mask, double r, RandomGenerator rng) {
        if (r == 0) {
            return;
        }
        for (int s = 0; s < shots; s++) {
            int flips = 0;
            for (int m = mask; m != 0; m &= m - 1) {
                if (rng.nextDouble() < r) {
                    flips |= Integer.lowestOneBit(m);
                }
            }
            outcomes[s] ^= flips;
        }
    }

    /** The estimate of a Pauli string with support {@code support}: the mean of (-1)^(parity of its bits). */
    static double parityMean(int[] outcomes, int shots, int support) {
        long sum = 0;
        for (int s = 0; s < shots; s++) {
            sum += (Integer.bitCount(outcomes[s] & support) & 1) == 0 ? 1 : -1;
        }
        return (double) sum / shots;
    }
}
