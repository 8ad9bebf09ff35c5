package org.cfqnn.baseline;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.cfqnn.matching.Matching;
import org.cfqnn.radio.MrRows;
import org.cfqnn.radio.Rates;

/**
 * The classical heuristic a wireless engineer would use for max-min AP assignment, with MR precoders.
 *
 * <ol>
 *   <li><b>Cover</b>: give every user one AP of its own by a bottleneck matching on the single-link
 *       rates {@code log2(1 + rho ||hHat[m][k]||^2)}: the matching whose weakest link is strongest,
 *       and among those the one with the largest total.</li>
 *   <li><b>Fill</b>: the remaining APs join one at a time; each step adds the (AP, user) pair whose
 *       partial assignment (silent APs not yet transmitting) has the largest min rate; among the pairs
 *       within {@code EPS} of that, the largest sum rate; among those within {@code EPS} of that, the
 *       first pair (AP, then user, in index order).</li>
 *   <li><b>Polish</b>: local search over moving one AP to another user and swapping the users of two
 *       APs, keeping every user served, taking each move that improves (min rate, sum rate)
 *       lexicographically (by more than {@code EPS}), while any does.</li>
 * </ol>
 * It evaluates rates on the estimate, unlike a QNN's direct decoding.
 *
 * <p><b>Cost.</b> Every candidate is scored from the signal and interference sums of the current
 * assignment ({@link SinrBook}): adding, moving or swapping APs changes one to four coupling rows, so
 * a candidate costs at most O(K), not the O(M K) of re-adding every AP, and usually O(1): users are
 * checked from the weakest up and a candidate is dropped as soon as one user's SINR falls below the
 * cut of the best (fill) or current (polish) min rate minus {@code EPS}. Logarithms are taken for min
 * rates and for the sum rates of candidates that tie on the min. An accepted change updates the sums
 * in O(K); they are re-added from scratch at every fill step and polish pass, so rounding does not
 * accumulate. The assignments equal those of the full-table implementation (a test checks 1000 trials
 * at the paper's setting and denser networks); they could differ only where two candidates' rates agree
 * to about 1e-15.
 */
public final class GreedyMaxMin implements AssignmentMethod {

    public static final String NAME = "greedy-maxmin";
    /** Rate differences up to this many bit/s/Hz count as ties. */
    private static final double EPS = 1e-12;
    private static final int MAX_POLISH_PASSES = 100;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int[] assign(AssignmentProblem p, RandomGenerator rng) {
        MrRows rows = p.rows();
        SinrBook book = new SinrBook(rows, p.rho(), p.mu());
        // the cover's bottleneck matching: a binary search over the M K weights, a matching each (its bound)
        long cells = (long) p.nUser() * p.nAp();
        p.operations().add(cells * p.nUser() * (64 - Long.numberOfLeadingZeros(cells)));
        int[] a = cover(p, rows);
        fill(a, book);
        polish(a, book);
        p.operations().add(book.operations());
        return a;
    }

    private static int[] cover(AssignmentProblem p, MrRows rows) {
        int nAp = p.nAp();
        int nUser = p.nUser();
        double[][] w = new double[nUser][nAp];
        for (int k = 0; k < nUser; k++) {
            for (int m = 0; m < nAp; m++) {
                w[k][m] = Rates.rate(p.rho() * rows.gain(m, k), 0);
            }
        }
        int[] apOfUser = Matching.maxMinThenMaxSum(w);
        int[] a = new int[nAp];
        Arrays.fill(a, -1);
        for (int k = 0; k < nUser; k++) {
            a[apOfUser[k]] = k;
        }
        return a;
    }

    private static void fill(int[] a, SinrBook book) {
        Fill step = new Fill(book);
        while (step.run(a)) {
            // one AP joined
        }
    }

    /** One fill step: scores the (silent AP, user) pairs and adds the best. */
    private static final class Fill {
        private final SinrBook b;
        private final int[] tiedCode;
        private final double[] tiedMin;
        private int tied;
        private double best;
        private double cut;

        Fill(SinrBook b) {
            this.b = b;
            this.tiedCode = new int[b.nAp * b.nUser];
            this.tiedMin = new double[b.nAp * b.nUser];
        }

        /** Adds the best pair to {@code a}; false when no AP is silent. */
        boolean run(int[] a) {
            b.load(a);
            b.rank();
            int weakest = b.order[0];
            tied = 0;
            best = Double.NEGATIVE_INFINITY;
            cut = 0;
            // serving the weakest user is the only way to raise the min rate: score those first, so the
            // best min rate is known early and the other pairs mostly fall below its cut at once
            for (int m = 0; m < b.nAp; m++) {
                if (a[m] < 0) {
                    score(m, weakest);
                }
            }
            double sigW = b.sig[weakest];
            double itfW = b.itf[weakest];
            for (int m = 0; m < b.nAp; m++) {
                if (a[m] < 0) {
                    for (int u = 0; u < b.nUser; u++) {
                        // the weakest user's new SINR, the first thing score checks, inlined: most pairs stop here
                        if (u != weakest && b.sinr(sigW, itfW + b.rows.row(m, u)[weakest]) >= cut) {
                            score(m, u);
                        }
                    }
                }
            }
            if (tied == 0) {
                return false;
            }
            int chosen = choose();
            a[chosen / b.nUser] = chosen % b.nUser;
            return true;
        }

        /** Keeps the pair if its min rate is within EPS of the best so far. */
        private void score(int m, int u) {
            double x = b.change().join(m, u).minSinrAfter(cut);
            if (x < 0) {
                return;
            }
            double min = Rates.fromSinr(x);
            if (min >= best - EPS) {
                tiedCode[tied] = m * b.nUser + u;
                tiedMin[tied] = min;
                tied++;
            }
            if (min > best) {
                best = min;
                cut = SinrBook.sinrBelow(best - EPS);
            }
        }

        /** Among the pairs within EPS of the best min rate: the largest sum rate, then the first pair. */
        private int choose() {
            double bestSum = Double.NEGATIVE_INFINITY;
            double[] sums = new double[tied];
            for (int i = 0; i < tied; i++) {
                sums[i] = Double.NEGATIVE_INFINITY;
                if (tiedMin[i] >= best - EPS) {
                    sums[i] = b.change().join(tiedCode[i] / b.nUser, tiedCode[i] % b.nUser).sumRateAfter();
                    bestSum = Math.max(bestSum, sums[i]);
                }
            }
            int chosen = Integer.MAX_VALUE;
            for (int i = 0; i < tied; i++) {
                if (tiedMin[i] >= best - EPS && sums[i] >= bestSum - EPS) {
                    chosen = Math.min(chosen, tiedCode[i]);
                }
            }
            return chosen;
        }
    }

    /** The polish step alone, on an assignment that serves every user. */
    static void polish(int[] a, AssignmentProblem p) {
        polish(a, new SinrBook(p.rows(), p.rho(), p.mu()));
    }

    /**
     * Local search with the full-table implementation's order and acceptance rule: moves AP by AP,
     * user by user, then swaps of AP pairs; a change is kept when its (min, sum) beats the current one.
     */
    private static void polish(int[] a, SinrBook b) {
        Polish p = new Polish(b, a);
        boolean improved = true;
        for (int pass = 0; improved && pass < MAX_POLISH_PASSES; pass++) {
            improved = false;
            p.reload();
            for (int m = 0; m < b.nAp; m++) {
                for (int u = 0; u < b.nUser; u++) {
                    int from = a[m];
                    // moving AP m away from a user it serves alone would leave that user unserved
                    if (u != from && b.count[from] > 1 && p.survivesMove(m, from, u)
                            && p.keep(b.change().leave(m, from).join(m, u))) {
                        a[m] = u;
                        p.accept();
                        improved = true;
                    }
                }
            }
            for (int m1 = 0; m1 < b.nAp; m1++) {
                for (int m2 = m1 + 1; m2 < b.nAp; m2++) {
                    int u1 = a[m1];
                    int u2 = a[m2];
                    if (u1 != u2 && p.survivesSwap(m1, u1, m2, u2)
                            && p.keep(b.change().leave(m1, u1).leave(m2, u2).join(m1, u2).join(m2, u1))) {
                        a[m1] = u2;
                        a[m2] = u1;
                        p.accept();
                        improved = true;
                    }
                }
            }
        }
    }

    /** The (min, sum) of the current assignment and the test a staged change must pass. */
    private static final class Polish {
        private final SinrBook b;
        private final int[] a;
        private double min;
        private double sum;
        private double cut;

        Polish(SinrBook b, int[] a) {
            this.b = b;
            this.a = a;
        }

        /** Re-adds the sums of the current assignment from scratch (each pass), so rounding does not accumulate. */
        void reload() {
            b.load(a);
            score();
        }

        /** Takes the staged change: O(K) instead of re-adding every AP. */
        void accept() {
            b.apply();
            score();
        }

        private void score() {
            b.rank();
            min = b.minRate();
            sum = b.sumRate();
            cut = SinrBook.sinrBelow(min - EPS);
        }

        /*
         * The users keep() rejects most candidates on, checked first with the same arithmetic and without
         * staging: a user losing an AP, and the weakest user, whose interference the change alters.
         */
        boolean survivesMove(int m, int from, int to) {
            double[] out = b.rows.row(m, from);
            double[] in = b.rows.row(m, to);
            if (b.sinr(b.sig[from] - out[from], b.itf[from] + in[from]) < cut) {
                return false;
            }
            int w = b.order[0];
            return w == from || w == to || b.sinr(b.sig[w], b.itf[w] - out[w] + in[w]) >= cut;
        }

        boolean survivesSwap(int m1, int u1, int m2, int u2) {
            double[] out1 = b.rows.row(m1, u1);
            double[] out2 = b.rows.row(m2, u2);
            double[] in1 = b.rows.row(m1, u2);
            double[] in2 = b.rows.row(m2, u1);
            if (b.sinr(b.sig[u1] - out1[u1] + in2[u1], b.itf[u1] - out2[u1] + in1[u1]) < cut
                    || b.sinr(b.sig[u2] - out2[u2] + in1[u2], b.itf[u2] - out1[u2] + in2[u2]) < cut) {
                return false;
            }
            int w = b.order[0];
            return w == u1 || w == u2 || b.sinr(b.sig[w], b.itf[w] - out1[w] - out2[w] + in1[w] + in2[w]) >= cut;
        }

        /** Whether the staged change beats (min, sum): by the min, or tied on it by the sum. */
        boolean keep(SinrBook staged) {
            double x = staged.minSinrAfter(cut);
            if (x < 0) {
                return false;
            }
            double candidate = Rates.fromSinr(x);
            if (candidate > min + EPS) {
                return true;
            }
            return candidate >= min - EPS && staged.sumRateAfter() > sum + EPS;
        }
    }
}
