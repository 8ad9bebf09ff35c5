package org.cfqnn.baseline;

/**
 * A fast local search that raises the min SINR of an assignment by aiming at thresholds just above it,
 * used before and between CP-SAT's probes: it finds better assignments for the lower end and better
 * hints for the solver in milliseconds where a probe takes seconds.
 *
 * <p>To reach a target gamma it minimizes the total relative shortfall
 * {@code V = sum_k max(0, 1 - x_k / gamma)} (x_k the SINR of user k) by moving one AP at a time to
 * another user (never leaving a user unserved), always the move that lowers V most, until V = 0 (gamma
 * reached) or no move lowers it. Unlike greedy-maxmin's (min, sum) polish, every user below the target
 * counts, so progress on the second- and third-weakest users is kept while the weakest one waits for its
 * turn. (Swaps of two APs' users were tried as well: at 64 x 16 they added under 1 % for twice the time.) The target starts {@link #FIRST_STEP} above the current min SINR, doubles its step after a
 * success and halves it after a failure, down to {@link #LAST_STEP}. Deterministic. A move is scored from
 * the signal and interference sums ({@link SinrBook}) in O(K), so one step costs O(M K^2).
 */
final class ThresholdClimb {

    static final double FIRST_STEP = 0.02;
    static final double LAST_STEP = 1e-4;
    /** Moves per target before giving up on it. */
    private static final int MAX_MOVES_PER_TARGET = 400;

    private ThresholdClimb() {
    }

    /** A better assignment than {@code start} (or {@code start} itself), within {@code deadlineNanos}. */
    static int[] climb(AssignmentProblem p, int[] start, long deadlineNanos) {
        SinrBook book = new SinrBook(p.rows(), p.rho(), p.mu());
        int[] best = start.clone();
        double lo = CertifiedMaxMin.minSinr(p.rows(), best, p.rho(), p.mu());
        double step = FIRST_STEP;
        while (step >= LAST_STEP && System.nanoTime() < deadlineNanos) {
            int[] reached = reach(book, best, lo * (1 + step), deadlineNanos);
            if (reached != null) {
                best = reached;
                lo = CertifiedMaxMin.minSinr(p.rows(), best, p.rho(), p.mu());
                step *= 2;
            } else {
                step /= 2;
            }
        }
        return best;
    }

    /** An assignment with every SINR >= gamma found from {@code start} by shortfall-lowering moves, or null. */
    static int[] reach(SinrBook b, int[] start, double gamma, long deadlineNanos) {
        int[] a = start.clone();
        b.load(a);
        double v = shortfall(b, gamma);
        for (int move = 0; move < MAX_MOVES_PER_TARGET && v > 0 && System.nanoTime() < deadlineNanos; move++) {
            int bestAp = -1;
            int bestUser = -1;
            double bestV = v;
            for (int m = 0; m < b.nAp; m++) {
                int from = a[m];
                if (b.count[from] == 1) {
                    continue;
                }
                for (int u = 0; u < b.nUser; u++) {
                    if (u == from) {
                        continue;
                    }
                    b.change().leave(m, from).join(m, u);
                    double candidate = 0;
                    for (int k = 0; k < b.nUser && candidate < bestV; k++) {
                        candidate += Math.max(0, 1 - b.sinrAfter(k) / gamma);
                    }
                    if (candidate < bestV - 1e-12) {
                        bestV = candidate;
                        bestAp = m;
                        bestUser = u;
                    }
                }
            }
            if (bestAp < 0) {
                return null;
            }
            a[bestAp] = bestUser;
            b.load(a);
            v = shortfall(b, gamma);
        }
        return v > 0 ? null : a;
    }

    private static double shortfall(SinrBook b, double gamma) {
        double v = 0;
        for (int k = 0; k < b.nUser; k++) {
            v += Math.max(0, 1 - b.sinr(k) / gamma);
        }
        return v;
    }
}
