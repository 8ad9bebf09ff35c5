package org.cfqnn.baseline;

import java.util.random.RandomGenerator;
import org.cfqnn.input.InvalidInputException;
import org.cfqnn.radio.MrTable;

/**
 * Exhaustive search over every feasible assignment with MR precoders (docs/model.md section 3): the largest
 * min rate, ties broken by the larger sum rate, then by the lexicographically smallest assignment.
 * It is the physical limit against which assignment quality is measured.
 *
 * <p>Assignments are enumerated in lexicographic order (AP 0 most significant) and replaced only on a
 * strict improvement, which gives the lexicographic tie-break for free. It refuses problems with more
 * than {@code limit} candidate assignments K^M.
 */
public final class OptimumBaseline implements AssignmentMethod {

    public static final String NAME = "optimum";
    public static final long DEFAULT_LIMIT = 2_000_000L;

    private final long limit;

    public OptimumBaseline() {
        this(DEFAULT_LIMIT);
    }

    public OptimumBaseline(long limit) {
        this.limit = limit;
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

    /** Throws a clear error when M APs and K users exceed the limit. */
    public void checkSize(int nAp, int nUser) {
        long total = candidates(nAp, nUser);
        if (total > limit) {
            throw new InvalidInputException("optimum", nUser + "^" + nAp + " = "
                    + (total == Long.MAX_VALUE ? "more than 9.2e18" : String.valueOf(total)) + " assignments",
                    "exhaustive search is limited to " + limit + " assignments (K^M); use greedy-maxmin or a smaller network");
        }
    }

    @Override
    public int[] assign(AssignmentProblem p, RandomGenerator rng) {
        int nAp = p.nAp();
        int nUser = p.nUser();
        checkSize(nAp, nUser);
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
