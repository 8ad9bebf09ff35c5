package org.cfqnn.qnn.cloud;

import org.cfqnn.radio.MrTable;

/**
 * What the channel estimate alone says about each link before any assignment is chosen, in units of
 * SINR, from the MR couplings {@code T[n][u][k] = |hHat[n][k]^T v_{n->u}|^2} ({@link MrTable}):
 * <ul>
 *   <li>{@code L[n][k] = (1/(K-1)) sum_{u != k} T[n][u][k]}: the leakage AP n puts on user k when it
 *       serves someone else, averaged over whom (0 when K = 1);</li>
 *   <li>{@code I_k = sum_n L[n][k]}: user k's interference if no AP served it;</li>
 *   <li>value {@code v0[m][k] = rho T[m][k][k] / (1 + rho mu I_k)}: the SINR AP m alone would give k;</li>
 *   <li>harm {@code h0[m][u][k] = rho mu T[m][u][k] / (1 + rho mu I_k)}: the interference, in the same
 *       units, AP m causes user k when it serves u != k.</li>
 * </ul>
 * A user's SINR {@code rho S_k / (1 + rho mu I_k')} is then, to first order around its average
 * interference, the sum of the values of its APs minus tau times the harms of the others
 * ({@link Surrogate}); the cloud QNN learns corrections to these priors.
 */
public final class LinkPriors {

    private final int nAp;
    private final int nUser;
    private final double[] logValue;
    private final double[] harm;
    private final double[] leakage;
    private final double[] interference;

    private LinkPriors(int nAp, int nUser, double[] logValue, double[] harm, double[] leakage, double[] interference) {
        this.nAp = nAp;
        this.nUser = nUser;
        this.logValue = logValue;
        this.harm = harm;
        this.leakage = leakage;
        this.interference = interference;
    }

    public static LinkPriors of(MrTable t, double rho, double mu) {
        int nAp = t.nAp();
        int nUser = t.nUser();
        double[] leakage = new double[nAp * nUser];
        double[] interference = new double[nUser];
        for (int n = 0; n < nAp; n++) {
            for (int k = 0; k < nUser; k++) {
                double s = 0;
                for (int u = 0; u < nUser; u++) {
                    if (u != k) {
                        s += t.get(n, u, k);
                    }
                }
                leakage[n * nUser + k] = nUser > 1 ? s / (nUser - 1) : 0;
                interference[k] += leakage[n * nUser + k];
            }
        }
        double[] logValue = new double[nAp * nUser];
        double[] harm = new double[nAp * nUser * nUser];
        for (int m = 0; m < nAp; m++) {
            for (int k = 0; k < nUser; k++) {
                double denominator = 1 + rho * mu * interference[k];
                logValue[m * nUser + k] = Math.log(Math.max(rho * t.get(m, k, k), Double.MIN_NORMAL) / denominator);
                for (int u = 0; u < nUser; u++) {
                    harm[(m * nUser + u) * nUser + k] = rho * mu * t.get(m, u, k) / denominator;
                }
            }
        }
        return new LinkPriors(nAp, nUser, logValue, harm, leakage, interference);
    }

    public int nAp() {
        return nAp;
    }

    public int nUser() {
        return nUser;
    }

    /** {@code ln v0[m][k]}. */
    public double logValue(int m, int k) {
        return logValue[m * nUser + k];
    }

    /** {@code h0[m][u][k]}. */
    public double harm(int m, int u, int k) {
        return harm[(m * nUser + u) * nUser + k];
    }

    /** {@code L[m][k]}. */
    public double leakage(int m, int k) {
        return leakage[m * nUser + k];
    }

    /** {@code I_k}. */
    public double interference(int k) {
        return interference[k];
    }
}
