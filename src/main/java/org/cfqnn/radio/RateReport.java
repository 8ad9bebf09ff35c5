package org.cfqnn.radio;

/**
 * Per-user rates of one assignment and precoding, in bits/s/Hz.
 *
 * <p>An unserved user (no AP assigned) has rate 0 here and is counted in {@link #unserved()};
 * training rewards instead count its rate as the penalty, see {@link #minRateWithPenalty}.
 */
public record RateReport(double[] rates, boolean[] served, double minRate, double sumRate, int unserved) {

    public static RateReport of(double[] rates, boolean[] served) {
        double min = Double.POSITIVE_INFINITY;
        double sum = 0;
        int unserved = 0;
        for (int k = 0; k < rates.length; k++) {
            double r = served[k] ? rates[k] : 0;
            min = Math.min(min, r);
            sum += r;
            if (!served[k]) {
                unserved++;
            }
        }
        return new RateReport(rates.clone(), served.clone(), min, sum, unserved);
    }

    /** {@code min_k R_k} with an unserved user's rate replaced by {@code penalty} (paper Eq. 14). */
    public double minRateWithPenalty(double penalty) {
        return unserved > 0 ? Math.min(minRate, penalty) : minRate;
    }

    public int nUser() {
        return rates.length;
    }
}
