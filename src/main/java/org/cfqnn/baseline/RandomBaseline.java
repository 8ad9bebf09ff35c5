package org.cfqnn.baseline;

import java.util.random.RandomGenerator;

/**
 * A uniformly random feasible assignment (docs/model.md section 3): every assignment that serves all users
 * is equally likely. The lower reference for assignment quality.
 *
 * <p>APs are drawn in turn, each conditioned on the number of ways the remaining APs can still
 * cover the still-uncovered users, which samples surjections exactly uniformly without rejection
 * (rejection would need about K^K/K! tries when M = K). Counts are kept as logarithms:
 * {@code f(r, c) = c f(r-1, c-1) + (K - c) f(r-1, c)}, the completions of r APs that cover c
 * given users.
 */
public final class RandomBaseline implements AssignmentMethod {

    public static final String NAME = "random";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int[] assign(AssignmentProblem p, RandomGenerator rng) {
        p.operations().add((long) p.nAp() * p.nUser()); // the completion counts, then one draw per AP
        return uniformFeasible(p.nAp(), p.nUser(), rng);
    }

    public static int[] uniformFeasible(int nAp, int nUser, RandomGenerator rng) {
        double[][] logF = completions(nAp, nUser);
        boolean[] covered = new boolean[nUser];
        int uncovered = nUser;
        int[] a = new int[nAp];
        for (int m = 0; m < nAp; m++) {
            int r = nAp - m; // APs left including this one
            // P(this AP takes some uncovered user) = c f(r-1, c-1) / f(r, c)
            double pNew = uncovered == 0 ? 0
                    : Math.exp(Math.log(uncovered) + logF[r - 1][uncovered - 1] - logF[r][uncovered]);
            int pick;
            if (rng.nextDouble() < pNew) {
                pick = nthWhere(covered, false, rng.nextInt(uncovered));
                covered[pick] = true;
                uncovered--;
            } else {
                pick = nthWhere(covered, true, rng.nextInt(nUser - uncovered));
            }
            a[m] = pick;
        }
        return a;
    }

    /** {@code log f(r, c)} for r = 0..M, c = 0..K; -infinity where f = 0. */
    private static double[][] completions(int nAp, int nUser) {
        double[][] logF = new double[nAp + 1][nUser + 1];
        for (int c = 1; c <= nUser; c++) {
            logF[0][c] = Double.NEGATIVE_INFINITY;
        }
        for (int r = 1; r <= nAp; r++) {
            for (int c = 0; c <= nUser; c++) {
                double viaNew = c > 0 ? Math.log(c) + logF[r - 1][c - 1] : Double.NEGATIVE_INFINITY;
                double viaOld = c < nUser ? Math.log(nUser - c) + logF[r - 1][c] : Double.NEGATIVE_INFINITY;
                logF[r][c] = logSumExp(viaNew, viaOld);
            }
        }
        return logF;
    }

    private static double logSumExp(double x, double y) {
        double hi = Math.max(x, y);
        if (hi == Double.NEGATIVE_INFINITY) {
            return hi;
        }
        return hi + Math.log(Math.exp(x - hi) + Math.exp(y - hi));
    }

    private static int nthWhere(boolean[] flags, boolean value, int n) {
        for (int i = 0; i < flags.length; i++) {
            if (flags[i] == value && n-- == 0) {
                return i;
            }
        }
        throw new IllegalStateException("no such index");
    }
}
