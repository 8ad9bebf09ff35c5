package org.cfqnn.baseline;

import java.util.random.RandomGenerator;

/** Chooses an assignment {@code a[m] in 0..K-1} (AP m serves user a[m]) from an estimated channel. */
public interface AssignmentMethod {

    /** The name users select the method by, e.g. {@code "greedy-maxmin"}. */
    String name();

    /** @param rng randomness for methods that need it; deterministic methods ignore it */
    int[] assign(AssignmentProblem problem, RandomGenerator rng);

    /** True when every user is served by at least one AP (paper Eq. 6c). */
    static boolean isFeasible(int[] a, int nUser) {
        boolean[] served = new boolean[nUser];
        int count = 0;
        for (int u : a) {
            if (!served[u]) {
                served[u] = true;
                count++;
            }
        }
        return count == nUser;
    }
}
