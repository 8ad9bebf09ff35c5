package org.cfqnn.baseline;

/**
 * What the optimum found on one problem (rates on the problem's estimate, bit/s/Hz).
 *
 * @param assignment the best assignment found
 * @param minRate    its min rate
 * @param bound      a proven upper bound on the min rate of every assignment; equal to {@code minRate}
 *                   when {@code proven}
 * @param gap        {@code (bound - minRate) / bound}, 0 when proven
 * @param proven     whether {@code assignment} is proven max-min optimal (exhaustively, or by the solver
 *                   to {@link CertifiedMaxMin#TOLERANCE} in SINR)
 * @param seconds    wall time of the decision
 * @param method     {@code "exhaustive"} or {@code "cp-sat"}
 */
public record OptimumSolution(int[] assignment, double minRate, double bound, double gap, boolean proven,
                              double seconds, String method) {

    static final String EXHAUSTIVE = "exhaustive";
    static final String CP_SAT = "cp-sat";

    /** A solution with its gap computed from the bound, or 0 when proven. */
    static OptimumSolution of(int[] assignment, double minRate, double bound, boolean proven, double seconds,
                              String method) {
        if (proven) {
            return new OptimumSolution(assignment, minRate, minRate, 0, true, seconds, method);
        }
        double gap = bound > 0 ? (bound - minRate) / bound : 0;
        return new OptimumSolution(assignment, minRate, bound, gap, false, seconds, method);
    }
}
