package org.cfqnn.baseline;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.cfqnn.matching.Matching;
import org.cfqnn.radio.MrTable;
import org.cfqnn.radio.Rates;

/**
 * The classical heuristic a wireless engineer would use for max-min AP assignment, with MR precoders.
 *
 * <ol>
 *   <li><b>Cover</b>: give every user one AP of its own by a bottleneck matching on the single-link
 *       rates {@code log2(1 + rho ||hHat[m][k]||^2)}: the matching whose weakest link is strongest,
 *       and among those the one with the largest total.</li>
 *   <li><b>Fill</b>: the remaining APs join one at a time; each step adds the (AP, user) pair whose
 *       partial assignment (silent APs not yet transmitting) has the best (min rate, sum rate).</li>
 *   <li><b>Polish</b>: local search over moving one AP to another user and swapping the users of two
 *       APs, keeping every user served, while (min rate, sum rate) improves lexicographically.</li>
 * </ol>
 * It evaluates rates on the estimate, unlike a QNN's direct decoding.
 */
public final class GreedyMaxMin implements AssignmentMethod {

    public static final String NAME = "greedy-maxmin";
    private static final double EPS = 1e-12;
    private static final int MAX_POLISH_PASSES = 100;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int[] assign(AssignmentProblem p, RandomGenerator rng) {
        Objective objective = new Objective(p);
        // the cover's bottleneck matching: a binary search over the M K weights, a matching each (its bound)
        long cells = (long) p.nUser() * p.nAp();
        p.operations().add(cells * p.nUser() * (64 - Long.numberOfLeadingZeros(cells)));
        int[] a = cover(p);
        fill(a, objective);
        polish(a, objective);
        return a;
    }

    private static int[] cover(AssignmentProblem p) {
        int nAp = p.nAp();
        int nUser = p.nUser();
        double[][] w = new double[nUser][nAp];
        for (int k = 0; k < nUser; k++) {
            for (int m = 0; m < nAp; m++) {
                w[k][m] = Rates.rate(p.rho() * p.table().get(m, k, k), 0);
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

    private static void fill(int[] a, Objective objective) {
        int nUser = objective.nUser;
        while (true) {
            int bestAp = -1;
            int bestUser = -1;
            double bestMin = Double.NEGATIVE_INFINITY;
            double bestSum = Double.NEGATIVE_INFINITY;
            for (int m = 0; m < a.length; m++) {
                if (a[m] >= 0) {
                    continue;
                }
                for (int u = 0; u < nUser; u++) {
                    a[m] = u;
                    double min = objective.evaluate(a);
                    if (objective.better(min, objective.sum, bestMin, bestSum)) {
                        bestMin = min;
                        bestSum = objective.sum;
                        bestAp = m;
                        bestUser = u;
                    }
                    a[m] = -1;
                }
            }
            if (bestAp < 0) {
                return;
            }
            a[bestAp] = bestUser;
        }
    }

    private static void polish(int[] a, Objective objective) {
        int nAp = a.length;
        int[] count = new int[objective.nUser];
        for (int u : a) {
            count[u]++;
        }
        double min = objective.evaluate(a);
        double sum = objective.sum;
        boolean improved = true;
        for (int pass = 0; improved && pass < MAX_POLISH_PASSES; pass++) {
            improved = false;
            for (int m = 0; m < nAp; m++) {
                int from = a[m];
                if (count[from] == 1) {
                    continue; // moving it would leave its user unserved
                }
                for (int u = 0; u < objective.nUser; u++) {
                    if (u == from) {
                        continue;
                    }
                    a[m] = u;
                    double candidate = objective.evaluate(a);
                    if (objective.better(candidate, objective.sum, min, sum)) {
                        min = candidate;
                        sum = objective.sum;
                        count[from]--;
                        count[u]++;
                        from = u;
                        improved = true;
                    } else {
                        a[m] = from;
                    }
                }
            }
            for (int m1 = 0; m1 < nAp; m1++) {
                for (int m2 = m1 + 1; m2 < nAp; m2++) {
                    if (a[m1] == a[m2]) {
                        continue;
                    }
                    swap(a, m1, m2);
                    double candidate = objective.evaluate(a);
                    if (objective.better(candidate, objective.sum, min, sum)) {
                        min = candidate;
                        sum = objective.sum;
                        improved = true;
                    } else {
                        swap(a, m1, m2);
                    }
                }
            }
        }
    }

    private static void swap(int[] a, int i, int j) {
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
    }

    /** (min rate, sum rate) of MR assignments on the estimate, with reusable buffers. */
    private static final class Objective {
        final int nUser;
        private final MrTable table;
        private final double rho;
        private final double mu;
        private final double[] rates;
        private final double[] scratch;
        private final Operations operations;
        private final long perEvaluation;
        double sum;

        Objective(AssignmentProblem p) {
            this.nUser = p.nUser();
            this.table = p.table();
            this.rho = p.rho();
            this.mu = p.mu();
            this.rates = new double[nUser];
            this.scratch = new double[3 * nUser];
            this.operations = p.operations();
            this.perEvaluation = (long) p.nAp() * nUser;
        }

        /** Min rate of {@code a} (silent APs allowed); leaves the sum rate in {@link #sum}. */
        double evaluate(int[] a) {
            operations.add(perEvaluation);
            double min = table.minRate(a, rho, mu, 0, rates, scratch);
            double s = 0;
            for (double r : rates) {
                s += r;
            }
            sum = s;
            return min;
        }

        boolean better(double min, double sumRate, double bestMin, double bestSum) {
            return min > bestMin + EPS || (min >= bestMin - EPS && sumRate > bestSum + EPS);
        }
    }
}
