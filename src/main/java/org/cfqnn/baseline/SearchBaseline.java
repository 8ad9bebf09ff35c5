package org.cfqnn.baseline;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.cfqnn.radio.MrRows;

/**
 * The paper's search-based method (Appendix C, Algorithm 4) made exact as in docs/model.md section 3.
 *
 * <p>Users take turns k = 0..K-1, round after round, until every AP is used. On its turn user k
 * takes the unused AP j with the largest
 * <pre>
 *   G = rho |h[j][k]^T v_j|^2 / (rho mu sum_{n used, a[n] != k} |h[n][k]^T v[n]|^2 + 1),
 * </pre>
 * v_j the MR precoder of j toward k and v[n] those of the APs already given out; ties go to the
 * lowest AP index.
 *
 * <p>Cost O(M K N + M^2): the couplings come row by row ({@link MrRows}): the M K gains
 * {@code |h[j][k]^T v_{j->k}|^2 = T[j][k][k]} of the candidates and the M rows of the APs handed out,
 * never the full M K^2 table. The interference of a turn is re-added over the used APs in index order,
 * O(M), which keeps every G bit for bit what the full-table implementation computed.
 */
public final class SearchBaseline implements AssignmentMethod {

    public static final String NAME = "search";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int[] assign(AssignmentProblem p, RandomGenerator rng) {
        MrRows t = p.rows();
        int nAp = p.nAp();
        int nUser = p.nUser();
        int[] a = new int[nAp];
        Arrays.fill(a, -1);
        int used = 0;
        while (used < nAp) {
            for (int k = 0; k < nUser && used < nAp; k++) {
                double interference = 0;
                for (int n = 0; n < nAp; n++) {
                    if (a[n] >= 0 && a[n] != k) {
                        interference += t.row(n, a[n])[k];
                    }
                }
                p.operations().add(2L * nAp); // the interference terms and the gains of this turn
                double denominator = p.rho() * p.mu() * interference + 1;
                int best = -1;
                double bestG = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < nAp; j++) {
                    if (a[j] < 0) {
                        double g = p.rho() * t.gain(j, k) / denominator;
                        if (g > bestG) {
                            bestG = g;
                            best = j;
                        }
                    }
                }
                a[best] = k;
                used++;
            }
        }
        return a;
    }
}
