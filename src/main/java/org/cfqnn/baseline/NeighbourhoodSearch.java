package org.cfqnn.baseline;

import java.util.Arrays;
import java.util.Comparator;
import org.cfqnn.matching.Matching;
import org.cfqnn.radio.MrRows;

/**
 * Large-neighbourhood search for the lower end of {@link CertifiedMaxMin}: CP-SAT re-assigns only the APs
 * around the weakest users, the rest stay where they are. A probe on such a neighbourhood is small and
 * answers in well under a second, where a probe on the whole network takes tens of seconds to find the
 * same gain (on one 64 x 16 x 4 channel, a prototype reached a min SINR of 19.58 in 15 s where
 * whole-network probes reached 19.28 in 60 s).
 *
 * <p>A neighbourhood is the {@code r} users of lowest SINR, with the APs that serve them and each one's
 * {@link #strongest} strongest APs by gain; CP-SAT asks for every SINR >= {@code lo (1 + step)}
 * there. A success moves to the new assignment, doubles the step (at most {@link #MAX_STEP}) and starts again
 * from {@link #FIRST_USERS} users; a failure halves the step (at least {@link #MIN_STEP}), and every
 * {@link #TRIES_PER_SIZE} failures the neighbourhood takes one user more. It stops at its deadline or when
 * the neighbourhood would hold every user (then a probe of the whole network is the better use of time).
 * The probes' seeds follow the failures; each probe stops at a wall-clock second, so the path depends on
 * the machine's load.
 */
final class NeighbourhoodSearch {

    static final int FIRST_USERS = 3;
    static final int TRIES_PER_SIZE = 3;
    static final double FIRST_STEP = 0.02;
    static final double MAX_STEP = 0.1;
    static final double MIN_STEP = 0.002;
    /** Seconds one probe may take. */
    static final double PROBE_SECONDS = 1.0;

    private NeighbourhoodSearch() {
    }

    /** The APs each weak user may take: about twice an even share, at least 4. */
    static int strongest(int nAp, int nUser) {
        return Math.min(nAp, Math.max(4, 2 * nAp / nUser));
    }

    /** A better assignment than {@code start} (or {@code start} itself), found before {@code deadlineNanos}. */
    static int[] improve(AssignmentProblem p, SinrThresholdModel model, int[] start, long deadlineNanos) {
        MrRows rows = p.rows();
        int nAp = rows.nAp();
        int nUser = rows.nUser();
        int[][] byGain = new int[nUser][];
        for (int k = 0; k < nUser; k++) {
            byGain[k] = strongestAps(rows, k, strongest(nAp, nUser));
        }
        int[] best = start.clone();
        double lo = CertifiedMaxMin.minSinr(rows, best, p.rho(), p.mu());
        double step = FIRST_STEP;
        int users = FIRST_USERS;
        int failures = 0;
        SinrBook book = new SinrBook(rows, p.rho(), p.mu());
        try {
            while (users < nUser && System.nanoTime() < deadlineNanos) {
                boolean[] free = neighbourhood(book, best, byGain, users);
                model.neighbourhood(best, free);
                model.threshold(lo * (1 + step));
                model.hint(best);
                double left = (deadlineNanos - System.nanoTime()) / 1e9;
                if (left <= 0) {
                    break;
                }
                SinrThresholdModel.Answer answer = model.solve(Math.min(PROBE_SECONDS, left),
                        CertifiedMaxMin.WORKERS, 1 + failures);
                double found = answer.status() == SinrThresholdModel.Status.FEASIBLE
                        ? CertifiedMaxMin.minSinr(rows, answer.assignment(), p.rho(), p.mu()) : 0;
                if (found > lo) {
                    best = answer.assignment();
                    lo = found;
                    step = Math.min(step * 2, MAX_STEP);
                    users = FIRST_USERS;
                    failures = 0;
                } else {
                    step = Math.max(step / 2, MIN_STEP);
                    failures++;
                    users += failures % TRIES_PER_SIZE == 0 ? 1 : 0;
                }
            }
        } finally {
            model.neighbourhood(best, null);
        }
        return best;
    }

    /** The APs of the {@code users} weakest users under {@code a}, and each one's strongest APs. */
    private static boolean[] neighbourhood(SinrBook book, int[] a, int[][] byGain, int users) {
        book.load(a);
        Integer[] order = new Integer[book.nUser];
        for (int k = 0; k < order.length; k++) {
            order[k] = k;
        }
        Arrays.sort(order, Comparator.comparingDouble(book::sinr)); // stable: ties by index
        boolean[] free = new boolean[a.length];
        for (int i = 0; i < users; i++) {
            int k = order[i];
            for (int m = 0; m < a.length; m++) {
                free[m] |= a[m] == k;
            }
            for (int m : byGain[k]) {
                free[m] = true;
            }
        }
        return free;
    }

    /** The {@code n} APs of largest gain to user {@code k} (ties by index). */
    private static int[] strongestAps(MrRows rows, int k, int n) {
        double[] gains = new double[rows.nAp()];
        for (int m = 0; m < gains.length; m++) {
            gains[m] = rows.gain(m, k);
        }
        return Matching.largest(gains, n);
    }
}
