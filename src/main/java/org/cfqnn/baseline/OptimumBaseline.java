package org.cfqnn.baseline;

import java.util.random.RandomGenerator;
import org.cfqnn.input.InvalidInputException;
import org.cfqnn.input.Require;
import org.cfqnn.radio.MrTable;

/**
 * The max-min optimum with MR precoders (docs/model.md section 3): the largest min rate, ties broken by
 * the larger sum rate, then by the lexicographically smallest assignment. It is the physical limit
 * against which assignment quality is measured.
 *
 * <p>Up to {@code limit} candidate assignments K^M it enumerates them all: in lexicographic order (AP 0
 * most significant), replacing the best only on a strict improvement, which gives the lexicographic
 * tie-break for free. Beyond, it solves the max-min problem with CP-SAT ({@link CertifiedMaxMin}) within
 * {@code timeLimit} seconds and reports the best assignment found with a proven upper bound
 * ({@link #solve}). Networks whose model would not fit in memory ({@link #MAX_SOLVER_TERMS}) are refused.
 */
public final class OptimumBaseline implements AssignmentMethod {

    public static final String NAME = "optimum";
    public static final long DEFAULT_LIMIT = 2_000_000L;
    public static final double DEFAULT_TIME_LIMIT = 60;
    /**
     * Largest CP-SAT model, in linear terms M K (K + 2). Measured peaks of the whole JVM: 256 x 64 (1.08e6
     * terms) 430 MB, 512 x 64 (2.1e6) 880 MB; this limit, about 2 GB (256 x 128, 4.3e6 terms, is still inside).
     */
    public static final long MAX_SOLVER_TERMS = 4_500_000L;

    private final long limit;
    private final double timeLimit;

    public OptimumBaseline() {
        this(DEFAULT_LIMIT, DEFAULT_TIME_LIMIT);
    }

    public OptimumBaseline(long limit) {
        this(limit, DEFAULT_TIME_LIMIT);
    }

    /** @param timeLimit seconds the CP-SAT path may take per decision, > 0 */
    public OptimumBaseline(long limit, double timeLimit) {
        this.limit = limit;
        this.timeLimit = Require.positive("optimumTimeLimit", timeLimit);
    }

    @Override
    public String name() {
        return NAME;
    }

    /** K^M, saturating at {@code Long.MAX_VALUE}. */
    public static long candidates(int nAp, int nUser) {
        long total = 1;
        for (int m = 0; m < nAp; m++) {
            if (total > Long.MAX_VALUE / nUser) {
                return Long.MAX_VALUE;
            }
            total *= nUser;
        }
        return total;
    }

    /** Whether M APs and K users are enumerated (else solved by CP-SAT). */
    public boolean enumerates(int nAp, int nUser) {
        return candidates(nAp, nUser) <= limit;
    }

    /** Throws a clear error when the network is too large for the solver's memory. */
    public void checkSize(int nAp, int nUser) {
        long terms = SinrThresholdModel.terms(nAp, nUser);
        if (!enumerates(nAp, nUser) && terms > MAX_SOLVER_TERMS) {
            throw new InvalidInputException("optimum", nAp + " APs x " + nUser + " users (M K (K + 2) = " + terms
                    + " solver terms)", "the CP-SAT optimum holds at most " + MAX_SOLVER_TERMS
                    + " terms in memory (512 x 64 fits, 512 x 128 does not); use greedy-maxmin");
        }
    }

    @Override
    public int[] assign(AssignmentProblem p, RandomGenerator rng) {
        return solve(p).assignment();
    }

    /** The optimum with its proof: exhaustive (always proven) or CP-SAT (bound and gap). */
    public OptimumSolution solve(AssignmentProblem p) {
        checkSize(p.nAp(), p.nUser());
        if (!enumerates(p.nAp(), p.nUser())) {
            return new CertifiedMaxMin(timeLimit).solve(p);
        }
        long start = System.nanoTime();
        int[] a = enumerate(p);
        double minRate = p.table().rates(a, p.rho(), p.mu()).minRate();
        return OptimumSolution.of(a, minRate, minRate, true, (System.nanoTime() - start) / 1e9,
                OptimumSolution.EXHAUSTIVE);
    }

    private static int[] enumerate(AssignmentProblem p) {
        int nAp = p.nAp();
        int nUser = p.nUser();
        MrTable t = p.table();
        int[] a = new int[nAp];
        int[] count = new int[nUser];
        count[0] = nAp;
        int uncovered = nUser - 1;
        double[] rates = new double[nUser];
        double[] scratch = new double[3 * nUser];
        int[] best = null;
        double bestMin = Double.NEGATIVE_INFINITY;
        double bestSum = Double.NEGATIVE_INFINITY;
        long perEvaluation = (long) nAp * nUser;
        while (true) {
            p.operations().add(1); // the odometer step
            if (uncovered == 0) {
                p.operations().add(perEvaluation);
                double min = t.minRate(a, p.rho(), p.mu(), 0, rates, scratch);
                if (min >= bestMin) {
                    double sum = 0;
                    for (double r : rates) {
                        sum += r;
                    }
                    if (min > bestMin || sum > bestSum) {
                        bestMin = min;
                        bestSum = sum;
                        best = a.clone();
                    }
                }
            }
            // odometer step, least significant digit = last AP
            int m = nAp - 1;
            while (m >= 0 && a[m] == nUser - 1) {
                uncovered += move(count, a[m], 0);
                a[m] = 0;
                m--;
            }
            if (m < 0) {
                return best;
            }
            uncovered += move(count, a[m], a[m] + 1);
            a[m]++;
        }
    }

    /** Moves one AP from user {@code from} to {@code to}; returns the change in uncovered users. */
    private static int move(int[] count, int from, int to) {
        if (from == to) {
            return 0;
        }
        int delta = 0;
        if (--count[from] == 0) {
            delta++;
        }
        if (count[to]++ == 0) {
            delta--;
        }
        return delta;
    }
}
