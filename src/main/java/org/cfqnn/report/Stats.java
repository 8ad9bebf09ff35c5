package org.cfqnn.report;

import java.util.Arrays;

/** Summary statistics of samples. */
public final class Stats {

    private Stats() {
    }

    public static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return x.length == 0 ? Double.NaN : s / x.length;
    }

    /** Sample standard deviation (n - 1 in the denominator). */
    public static double std(double[] x) {
        if (x.length < 2) {
            return 0;
        }
        double m = mean(x);
        double s = 0;
        for (double v : x) {
            s += (v - m) * (v - m);
        }
        return Math.sqrt(s / (x.length - 1));
    }

    /** A mean with the half-width of its 95 % confidence interval (Student's t, n - 1 degrees of freedom). */
    public record Interval(double mean, double halfWidth, int n) {
    }

    /**
     * The mean of independent replications and its 95 % confidence half-width {@code t(0.975, n-1) s / sqrt(n)}
     * (0 for a single value: no spread can be estimated from it).
     */
    public static Interval confidence95(double[] x) {
        double m = mean(x);
        if (x.length < 2) {
            return new Interval(m, 0, x.length);
        }
        double t = new org.apache.commons.math3.distribution.TDistribution(x.length - 1)
                .inverseCumulativeProbability(0.975);
        return new Interval(m, t * std(x) / Math.sqrt(x.length), x.length);
    }

    /** Percentile by linear interpolation between order statistics (q in [0, 100]). */
    public static double percentile(double[] x, double q) {
        if (x.length == 0) {
            return Double.NaN;
        }
        double[] s = x.clone();
        Arrays.sort(s);
        double pos = q / 100 * (s.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, s.length - 1);
        return s[lo] + (pos - lo) * (s[hi] - s[lo]);
    }
}
