package org.cfqnn.qnn.cloud;

import org.cfqnn.matching.Matching;

/**
 * The links the max-min cloud runs circuits on: for every AP the {@code perAp} users with the largest
 * value prior, and for every user the {@code perUser} APs with the largest value prior (so every user
 * has links even when no AP ranks it among its favourites). Ties go to the lower index. Sparsifying
 * keeps the circuit count near {@code M perAp} instead of {@code M K}.
 */
public final class Candidates {

    private Candidates() {
    }

    public static LinkSet select(LinkPriors p, int perAp, int perUser) {
        int nAp = p.nAp();
        int nUser = p.nUser();
        boolean[] mask = new boolean[nAp * nUser];
        double[] row = new double[nUser];
        for (int m = 0; m < nAp; m++) {
            for (int k = 0; k < nUser; k++) {
                row[k] = p.logValue(m, k);
            }
            for (int k : Matching.largest(row, perAp)) {
                mask[m * nUser + k] = true;
            }
        }
        double[] col = new double[nAp];
        for (int k = 0; k < nUser; k++) {
            for (int m = 0; m < nAp; m++) {
                col[m] = p.logValue(m, k);
            }
            for (int m : Matching.largest(col, perUser)) {
                mask[m * nUser + k] = true;
            }
        }
        return LinkSet.of(nAp, nUser, mask);
    }

    /** An upper bound on how many links {@link #select} returns for M APs and K users. */
    public static long maxLinks(int nAp, int nUser, int perAp, int perUser) {
        return Math.min((long) nAp * nUser, (long) nAp * Math.min(perAp, nUser) + (long) nUser * Math.min(perUser, nAp));
    }
}
