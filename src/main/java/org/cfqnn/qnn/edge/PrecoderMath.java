package org.cfqnn.qnn.edge;

/**
 * The edge's local rate as a function of an unnormalized precoder u in C^N, and its gradient.
 * With {@code v = u/||u||} (paper Sec. IV-B normalization) and the served user's channel h:
 * <pre>
 *   f = |h^T u|^2 / ||u||^2,   R = log2(1 + rho f)   (no interference: the edge knows only its own CSI,
 *                                                     and interference does not depend on v_m anyway)
 *   df/du_re_j = (2 Re(conj(s) h_j) ||u||^2 - 2 |s|^2 u_re_j) / ||u||^4,   s = h^T u
 *   df/du_im_j = (-2 Im(conj(s) h_j) ||u||^2 - 2 |s|^2 u_im_j) / ||u||^4
 * </pre>
 */
public final class PrecoderMath {

    /** Below this squared norm the circuit produced no direction; the uniform precoder stands in. */
    public static final double MIN_NORM2 = 1e-24;
    private static final double LN2 = Math.log(2);

    private PrecoderMath() {
    }

    /** {@code log2(1 + rho |h^T u|^2 / ||u||^2)}; writes dR/du into {@code gRe, gIm} when they are non-null. */
    public static double rate(double[] hRe, double[] hIm, double[] uRe, double[] uIm, double rho,
                              double[] gRe, double[] gIm) {
        int n = hRe.length;
        double sr = 0;
        double si = 0;
        double n2 = 0;
        for (int j = 0; j < n; j++) {
            sr += hRe[j] * uRe[j] - hIm[j] * uIm[j];
            si += hRe[j] * uIm[j] + hIm[j] * uRe[j];
            n2 += uRe[j] * uRe[j] + uIm[j] * uIm[j];
        }
        if (n2 < MIN_NORM2) {
            // degenerate output: score the uniform precoder, no gradient through it
            double ur = 0;
            double ui = 0;
            for (int j = 0; j < n; j++) {
                ur += hRe[j];
                ui += hIm[j];
            }
            if (gRe != null) {
                java.util.Arrays.fill(gRe, 0.0);
                java.util.Arrays.fill(gIm, 0.0);
            }
            return Math.log1p(rho * (ur * ur + ui * ui) / n) / LN2;
        }
        double s2 = sr * sr + si * si;
        double f = s2 / n2;
        double r = Math.log1p(rho * f) / LN2;
        if (gRe != null) {
            double dRdf = rho / ((1 + rho * f) * LN2);
            double n4 = n2 * n2;
            for (int j = 0; j < n; j++) {
                // conj(s) h_j = (sr - i si)(hr + i hi)
                double cRe = sr * hRe[j] + si * hIm[j];
                double cIm = sr * hIm[j] - si * hRe[j];
                gRe[j] = dRdf * (2 * cRe * n2 - 2 * s2 * uRe[j]) / n4;
                gIm[j] = dRdf * (-2 * cIm * n2 - 2 * s2 * uIm[j]) / n4;
            }
        }
        return r;
    }

    /** {@code v = u / ||u||}, or the uniform precoder {@code 1/sqrt(N)} when u is (numerically) zero. */
    public static void normalize(double[] uRe, double[] uIm, double[] vRe, double[] vIm) {
        int n = uRe.length;
        double n2 = 0;
        for (int j = 0; j < n; j++) {
            n2 += uRe[j] * uRe[j] + uIm[j] * uIm[j];
        }
        if (n2 < MIN_NORM2) {
            for (int j = 0; j < n; j++) {
                vRe[j] = 1 / Math.sqrt(n);
                vIm[j] = 0;
            }
            return;
        }
        double inv = 1 / Math.sqrt(n2);
        for (int j = 0; j < n; j++) {
            vRe[j] = uRe[j] * inv;
            vIm[j] = uIm[j] * inv;
        }
    }
}
