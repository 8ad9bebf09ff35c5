package org.cfqnn.radio;

/**
 * One transmit precoder {@code v[m]} in C^N per AP, with {@code ||v[m]|| <= 1} (paper Eq. 6b).
 * Immutable; split arrays indexed {@code m*N + j}.
 */
public final class Precoders {

    /** Slack on the unit-norm constraint for vectors normalized in floating point. */
    public static final double NORM_TOLERANCE = 1e-9;

    private final int nAp;
    private final int nTx;
    private final double[] re;
    private final double[] im;

    private Precoders(int nAp, int nTx, double[] re, double[] im) {
        this.nAp = nAp;
        this.nTx = nTx;
        this.re = re;
        this.im = im;
    }

    /** Validating factory: finite entries, {@code ||v[m]|| <= 1}. Arrays are copied. */
    public static Precoders of(int nAp, int nTx, double[] re, double[] im) {
        if (re.length != nAp * nTx || im.length != nAp * nTx) {
            throw new IllegalArgumentException("expected " + nAp * nTx + " precoder entries, got " + re.length);
        }
        Precoders p = new Precoders(nAp, nTx, re.clone(), im.clone());
        for (int m = 0; m < nAp; m++) {
            double norm = p.norm(m);
            if (!(norm <= 1 + NORM_TOLERANCE)) {
                throw new IllegalArgumentException("precoder of AP " + m + " has norm " + norm + " > 1");
            }
        }
        return p;
    }

    /**
     * Maximum-ratio precoders toward each AP's assigned user, from the estimate:
     * {@code v[m] = conj(hHat[m][a[m]]) / ||hHat[m][a[m]]||} (zero if that channel is zero).
     */
    public static Precoders maxRatio(Channel estimate, int[] assignment) {
        int nAp = estimate.nAp();
        int nTx = estimate.nTx();
        double[] re = new double[nAp * nTx];
        double[] im = new double[nAp * nTx];
        for (int m = 0; m < nAp; m++) {
            maxRatioInto(estimate, m, assignment[m], re, im, m * nTx);
        }
        return new Precoders(nAp, nTx, re, im);
    }

    /** Writes the MR precoder of AP m toward user k into {@code re/im[offset..offset+N)}. */
    public static void maxRatioInto(Channel estimate, int m, int k, double[] re, double[] im, int offset) {
        int nTx = estimate.nTx();
        double norm = Math.sqrt(estimate.gain(m, k));
        if (!(norm > 1e-150 && norm < 1e150)) {
            norm = scaledNorm(estimate, m, k); // the squares under- or overflow: rescale first
        }
        double scale = norm > 0 ? 1 / norm : 0;
        for (int j = 0; j < nTx; j++) {
            re[offset + j] = estimate.re(m, k, j) * scale;
            im[offset + j] = -estimate.im(m, k, j) * scale;
        }
    }

    /** {@code ||h[m][k]||} computed as {@code max|h_j| * ||h / max|h_j|||}, immune to over- and underflow. */
    private static double scaledNorm(Channel h, int m, int k) {
        double max = 0;
        for (int j = 0; j < h.nTx(); j++) {
            max = Math.max(max, Math.max(Math.abs(h.re(m, k, j)), Math.abs(h.im(m, k, j))));
        }
        if (max == 0 || !Double.isFinite(max)) {
            return max;
        }
        double s = 0;
        for (int j = 0; j < h.nTx(); j++) {
            double r = h.re(m, k, j) / max;
            double i = h.im(m, k, j) / max;
            s += r * r + i * i;
        }
        return max * Math.sqrt(s);
    }

    /** A copy with AP m's precoder replaced by {@code (vRe, vIm)}, which must have norm <= 1. */
    public Precoders with(int m, double[] vRe, double[] vIm) {
        double[] r = re.clone();
        double[] i = im.clone();
        System.arraycopy(vRe, 0, r, m * nTx, nTx);
        System.arraycopy(vIm, 0, i, m * nTx, nTx);
        return of(nAp, nTx, r, i);
    }

    public int nAp() {
        return nAp;
    }

    public int nTx() {
        return nTx;
    }

    public double re(int m, int j) {
        return re[m * nTx + j];
    }

    public double im(int m, int j) {
        return im[m * nTx + j];
    }

    public double norm(int m) {
        double s = 0;
        for (int j = 0; j < nTx; j++) {
            s += re(m, j) * re(m, j) + im(m, j) * im(m, j);
        }
        return Math.sqrt(s);
    }

    /** {@code |h[n][k]^T v[n]|^2}. */
    public double coupling(Channel h, int n, int k) {
        return h.coupling(n, k, re, im, n * nTx);
    }

    /** {@code [m][j][re, im]}, the shape of the JSON output. */
    public double[][][] toArray() {
        double[][][] out = new double[nAp][nTx][];
        for (int m = 0; m < nAp; m++) {
            for (int j = 0; j < nTx; j++) {
                out[m][j] = new double[] {re(m, j), im(m, j)};
            }
        }
        return out;
    }
}
