package org.cfqnn.matching;

import java.util.Arrays;

/**
 * Assignment of K rows (users) to distinct columns (APs), K <= M: the Hungarian algorithm for the
 * maximum-weight matching, a bottleneck search for the matching whose weakest edge is strongest, and
 * the best covering assignment built on them; and which entries of a row are largest (candidate links).
 */
public final class Matching {

    private Matching() {
    }

    /** Indices of the {@code count} largest entries (stable: lower index first among equals). */
    public static int[] largest(double[] v, int count) {
        int n = Math.min(count, v.length);
        int[] chosen = new int[n];
        boolean[] taken = new boolean[v.length];
        for (int c = 0; c < n; c++) {
            int best = -1;
            for (int i = 0; i < v.length; i++) {
                if (!taken[i] && (best < 0 || v[i] > v[best])) {
                    best = i;
                }
            }
            taken[best] = true;
            chosen[c] = best;
        }
        return chosen;
    }

    /**
     * Among the matchings whose smallest weight is as large as possible, one of maximum total weight.
     * Returns {@code col[row]}.
     *
     * @param w {@code w[row][col]}, finite
     */
    public static int[] maxMinThenMaxSum(double[][] w) {
        int rows = w.length;
        int cols = w[0].length;
        double[] sorted = new double[rows * cols];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(w[r], 0, sorted, r * cols, cols);
        }
        Arrays.sort(sorted);
        // largest threshold that still admits a perfect matching of the rows
        int lo = 0;
        int hi = sorted.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (hasPerfectMatching(w, sorted[mid])) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        double threshold = sorted[lo];
        double[][] cost = new double[rows][cols];
        double forbidden = 0;
        for (double[] row : w) {
            for (double x : row) {
                forbidden += Math.abs(x);
            }
        }
        forbidden = 4 * forbidden + 1;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                cost[r][c] = w[r][c] >= threshold ? -w[r][c] : forbidden;
            }
        }
        return minCost(cost);
    }

    private static boolean hasPerfectMatching(double[][] w, double threshold) {
        int rows = w.length;
        int[] owner = new int[w[0].length];
        Arrays.fill(owner, -1);
        for (int r = 0; r < rows; r++) {
            if (!augment(w, threshold, r, owner, new boolean[owner.length])) {
                return false;
            }
        }
        return true;
    }

    private static boolean augment(double[][] w, double threshold, int r, int[] owner, boolean[] seen) {
        for (int c = 0; c < owner.length; c++) {
            if (w[r][c] >= threshold && !seen[c]) {
                seen[c] = true;
                if (owner[c] < 0 || augment(w, threshold, owner[c], owner, seen)) {
                    owner[c] = r;
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The assignment {@code a[m]} of every AP m to a user that maximizes {@code sum_m s[m][a[m]]} subject to
     * every user being served (needs M >= K): a covering matching of users to distinct APs at the least
     * total loss {@code max_k' s[m][k'] - s[m][k]}, every other AP taking its favourite user.
     */
    public static int[] covering(double[][] s) {
        int nAp = s.length;
        int nUser = s[0].length;
        int[] a = new int[nAp];
        double[][] cost = new double[nUser][nAp];
        for (int m = 0; m < nAp; m++) {
            int best = 0;
            for (int k = 1; k < nUser; k++) {
                if (s[m][k] > s[m][best]) {
                    best = k;
                }
            }
            a[m] = best;
            for (int k = 0; k < nUser; k++) {
                cost[k][m] = s[m][best] - s[m][k];
            }
        }
        int[] apOfUser = minCost(cost);
        for (int k = 0; k < nUser; k++) {
            a[apOfUser[k]] = k;
        }
        return a;
    }

    /**
     * Hungarian algorithm with potentials (Kuhn-Munkres, O(rows^2 cols)) for a rectangular cost
     * matrix with rows <= cols. Returns {@code col[row]} of a minimum-cost matching.
     */
    public static int[] minCost(double[][] cost) {
        int n = cost.length;
        int m = cost[0].length;
        double[] u = new double[n + 1];
        double[] v = new double[m + 1];
        int[] p = new int[m + 1]; // p[col] = row matched to col (1-based), 0 = free
        int[] way = new int[m + 1];
        for (int i = 1; i <= n; i++) {
            p[0] = i;
            int j0 = 0;
            double[] minv = new double[m + 1];
            Arrays.fill(minv, Double.POSITIVE_INFINITY);
            boolean[] used = new boolean[m + 1];
            do {
                used[j0] = true;
                int i0 = p[j0];
                double delta = Double.POSITIVE_INFINITY;
                int j1 = 0;
                for (int j = 1; j <= m; j++) {
                    if (!used[j]) {
                        double cur = cost[i0 - 1][j - 1] - u[i0] - v[j];
                        if (cur < minv[j]) {
                            minv[j] = cur;
                            way[j] = j0;
                        }
                        if (minv[j] < delta) {
                            delta = minv[j];
                            j1 = j;
                        }
                    }
                }
                for (int j = 0; j <= m; j++) {
                    if (used[j]) {
                        u[p[j]] += delta;
                        v[j] -= delta;
                    } else {
                        minv[j] -= delta;
                    }
                }
                j0 = j1;
            } while (p[j0] != 0);
            do {
                int j1 = way[j0];
                p[j0] = p[j1];
                j0 = j1;
            } while (j0 != 0);
        }
        int[] colOfRow = new int[n];
        for (int j = 1; j <= m; j++) {
            if (p[j] != 0) {
                colOfRow[p[j] - 1] = j - 1;
            }
        }
        return colOfRow;
    }
}
