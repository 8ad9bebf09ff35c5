package org.cfqnn.qnn.cloud;

import java.util.Arrays;
import java.util.Locale;
import org.cfqnn.matching.Matching;

/**
 * Direct decoding of the max-min cloud: a combinatorial algorithm over the circuit outputs held in a
 * {@link Surrogate}. It never evaluates a rate and never sees the channel.
 * <ol>
 *   <li><b>Cover</b>: a bottleneck matching gives each user its own AP, maximizing the weakest
 *       {@code ln v} and then their sum ({@link Matching#maxMinThenMaxSum}); a non-candidate link is used
 *       only when no covering matching of candidates exists. O(K M log(K M) (K + M)).</li>
 *   <li><b>Water-filling</b>: while APs remain, the user with the least wealth W (among users that still
 *       have an unassigned candidate AP) takes its unassigned candidate AP of largest value; when no user
 *       has one, each remaining AP takes its most valuable user. O(M (K + M + c)), c candidates per AP.</li>
 *   <li><b>Polish</b>: moves of one AP to another candidate user and swaps of two APs' users while
 *       (min_k W_k, sum_k W_k) improves lexicographically and every user keeps an AP, at most
 *       {@link #MAX_PASSES} passes. O(passes M (K c + M (K + c))).</li>
 * </ol>
 * The shorter variants exist for ablations: {@code no-polish} stops after step 2, {@code matching} gives
 * every AP outside the cover its most valuable user, {@code argmax} drops the cover too (so a user may
 * go unserved).
 */
public enum MaxMinDecoder {
    WATER_FILLING, NO_POLISH, MATCHING, ARGMAX;

    public static final int MAX_PASSES = 100;
    private static final double FORBIDDEN = -1e6;
    private static final double EPS = 1e-12;

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static MaxMinDecoder parse(String s) {
        for (MaxMinDecoder d : values()) {
            if (d.label().equals(s)) {
                return d;
            }
        }
        return null;
    }

    public int[] decode(Surrogate s) {
        int nAp = s.nAp();
        int[] a = new int[nAp];
        Arrays.fill(a, -1);
        if (this == ARGMAX) {
            for (int m = 0; m < nAp; m++) {
                a[m] = favourite(s, m);
            }
            return a;
        }
        cover(s, a);
        if (this == MATCHING) {
            for (int m = 0; m < nAp; m++) {
                if (a[m] < 0) {
                    a[m] = favourite(s, m);
                }
            }
            return a;
        }
        fill(s, a);
        if (this == WATER_FILLING) {
            polish(s, a);
        }
        return a;
    }

    private static int favourite(Surrogate s, int m) {
        s.count(s.candidates(m).length);
        int best = -1;
        for (int k : s.candidates(m)) {
            if (best < 0 || s.logValue(m, k) > s.logValue(m, best)) {
                best = k;
            }
        }
        return best < 0 ? 0 : best;
    }

    private static void cover(Surrogate s, int[] a) {
        int nUser = s.nUser();
        double[][] w = new double[nUser][s.nAp()];
        for (int k = 0; k < nUser; k++) {
            for (int m = 0; m < s.nAp(); m++) {
                w[k][m] = s.candidate(m, k) ? s.logValue(m, k) : FORBIDDEN;
            }
        }
        int[] apOfUser = Matching.maxMinThenMaxSum(w);
        for (int k = 0; k < nUser; k++) {
            a[apOfUser[k]] = k;
        }
        // the bottleneck matching's bound: a binary search over the M K weights, a K x M K matching each
        long cells = (long) nUser * s.nAp();
        s.count(cells * nUser * (64 - Long.numberOfLeadingZeros(cells)));
    }

    private static void fill(Surrogate s, int[] a) {
        int nAp = s.nAp();
        int nUser = s.nUser();
        double[] w = s.wealth(a);
        boolean[] exhausted = new boolean[nUser];
        int left = 0;
        for (int x : a) {
            left += x < 0 ? 1 : 0;
        }
        while (left > 0) {
            s.count(nUser + nAp); // the poorest user, then its best free candidate AP
            int poorest = -1;
            for (int k = 0; k < nUser; k++) {
                if (!exhausted[k] && (poorest < 0 || w[k] < w[poorest])) {
                    poorest = k;
                }
            }
            if (poorest < 0) {
                break;
            }
            int ap = -1;
            for (int m = 0; m < nAp; m++) {
                if (a[m] < 0 && s.candidate(m, poorest) && (ap < 0 || s.logValue(m, poorest) > s.logValue(ap, poorest))) {
                    ap = m;
                }
            }
            if (ap < 0) {
                exhausted[poorest] = true;
                continue;
            }
            a[ap] = poorest;
            s.add(w, ap, poorest, 1);
            left--;
        }
        for (int m = 0; m < nAp; m++) {
            if (a[m] < 0) {
                a[m] = favourite(s, m);
            }
        }
    }

    private static void polish(Surrogate s, int[] a) {
        int nAp = s.nAp();
        int nUser = s.nUser();
        double[] w = s.wealth(a);
        double[] trial = new double[nUser];
        int[] count = new int[nUser];
        for (int u : a) {
            count[u]++;
        }
        boolean improved = true;
        for (int pass = 0; improved && pass < MAX_PASSES; pass++) {
            improved = false;
            for (int m = 0; m < nAp; m++) {
                for (int u : s.candidates(m)) {
                    int from = a[m];
                    if (u == from || count[from] == 1) {
                        continue;
                    }
                    System.arraycopy(w, 0, trial, 0, nUser);
                    s.add(trial, m, from, -1);
                    s.add(trial, m, u, 1);
                    if (better(s, trial, w)) {
                        System.arraycopy(trial, 0, w, 0, nUser);
                        count[from]--;
                        count[u]++;
                        a[m] = u;
                        improved = true;
                    }
                }
            }
            for (int m1 = 0; m1 < nAp; m1++) {
                for (int m2 = m1 + 1; m2 < nAp; m2++) {
                    int u1 = a[m1];
                    int u2 = a[m2];
                    if (u1 == u2 || !s.candidate(m1, u2) || !s.candidate(m2, u1)) {
                        continue;
                    }
                    System.arraycopy(w, 0, trial, 0, nUser);
                    s.add(trial, m1, u1, -1);
                    s.add(trial, m2, u2, -1);
                    s.add(trial, m1, u2, 1);
                    s.add(trial, m2, u1, 1);
                    if (better(s, trial, w)) {
                        System.arraycopy(trial, 0, w, 0, nUser);
                        a[m1] = u2;
                        a[m2] = u1;
                        improved = true;
                    }
                }
            }
        }
    }

    private static boolean better(Surrogate s, double[] x, double[] w) {
        s.count(5L * x.length); // the copy, then min and sum of both
        double a = Surrogate.min(x);
        double b = Surrogate.min(w);
        return a > b + EPS || (a >= b - EPS && Surrogate.sum(x) > Surrogate.sum(w) + EPS);
    }
}
