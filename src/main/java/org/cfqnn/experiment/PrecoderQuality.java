package org.cfqnn.experiment;

import org.cfqnn.radio.Channel;
import org.cfqnn.radio.Precoders;
import org.cfqnn.radio.Rates;

/**
 * The edge's quality ratio: mean over APs of {@code R_{m->k}(v_m) / R_{m->k}(v_m^MR)} (paper Eq. 4,
 * k = a[m]) on the true channel, every other AP keeping its deployed precoder. MR maximizes this per-AP
 * rate, so the ratio is at most 1 up to CSI error (MR is computed from the estimate).
 */
public final class PrecoderQuality {

    private PrecoderQuality() {
    }

    public static double of(Channel truth, Channel estimate, int[] a, Precoders deployed, double rho, double mu) {
        int nAp = truth.nAp();
        int nUser = truth.nUser();
        double[] c = Rates.couplings(truth, deployed);
        Precoders mr = Precoders.maxRatio(estimate, a);
        double sum = 0;
        for (int m = 0; m < nAp; m++) {
            double withQnn = Rates.apRate(c, nAp, nUser, m, a[m], rho, mu);
            double[] swapped = c.clone();
            for (int k = 0; k < nUser; k++) {
                swapped[m * nUser + k] = mr.coupling(truth, m, k);
            }
            double withMr = Rates.apRate(swapped, nAp, nUser, m, a[m], rho, mu);
            sum += withMr > 0 ? withQnn / withMr : 1;
        }
        return sum / nAp;
    }
}
