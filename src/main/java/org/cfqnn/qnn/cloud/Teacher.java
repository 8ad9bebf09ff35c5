package org.cfqnn.qnn.cloud;

import org.cfqnn.baseline.AssignmentMethod;
import org.cfqnn.baseline.AssignmentProblem;
import org.cfqnn.baseline.GreedyMaxMin;
import org.cfqnn.radio.MrTable;

/**
 * Training targets for imitation: how good each choice of user is for each AP. When the network is
 * small enough to enumerate, the soft marginals of the optimum,
 * {@code q[m][k] = sum over feasible a with a[m] = k of softmax(minRate(a) / tau)}, which rank the
 * alternatives rather than only name the winner; otherwise the greedy max-min assignment as one-hot
 * labels. Used at training time only: decoding never sees a teacher.
 */
public final class Teacher {

    private final double temperature;
    private final long enumerationLimit;

    public Teacher(double temperature, long enumerationLimit) {
        this.temperature = temperature;
        this.enumerationLimit = enumerationLimit;
    }

    public double temperature() {
        return temperature;
    }

    public long enumerationLimit() {
        return enumerationLimit;
    }

    public double[][] targets(CloudSample s) {
        int nAp = s.nAp();
        int nUser = s.nUser();
        long total = (long) Math.pow(nUser, nAp);
        double[][] q = new double[nAp][nUser];
        if (Math.pow(nUser, nAp) > enumerationLimit) {
            int[] a = new GreedyMaxMin().assign(new AssignmentProblem(s.estimate(), s.rho(), s.mu(), s.table()), null);
            for (int m = 0; m < nAp; m++) {
                q[m][a[m]] = 1;
            }
            return q;
        }
        MrTable t = s.table();
        double[] rates = new double[nUser];
        double[] scratch = new double[3 * nUser];
        int[] a = new int[nAp];
        double[] minRates = new double[(int) total];
        double best = Double.NEGATIVE_INFINITY;
        for (int code = 0; code < total; code++) {
            decodeIndex(code, nUser, a);
            minRates[code] = AssignmentMethod.isFeasible(a, nUser)
                    ? t.minRate(a, s.rho(), s.mu(), 0, rates, scratch) : Double.NEGATIVE_INFINITY;
            best = Math.max(best, minRates[code]);
        }
        double z = 0;
        for (int code = 0; code < total; code++) {
            if (minRates[code] == Double.NEGATIVE_INFINITY) {
                continue;
            }
            double w = Math.exp((minRates[code] - best) / temperature);
            z += w;
            decodeIndex(code, nUser, a);
            for (int m = 0; m < nAp; m++) {
                q[m][a[m]] += w;
            }
        }
        for (double[] row : q) {
            for (int k = 0; k < nUser; k++) {
                row[k] /= z;
            }
        }
        return q;
    }

    private static void decodeIndex(int code, int nUser, int[] a) {
        for (int m = a.length - 1; m >= 0; m--) {
            a[m] = code % nUser;
            code /= nUser;
        }
    }
}
