package org.cfqnn.radio;

/**
 * Channel coefficients {@code h[m][k][j]}: AP m (0..M-1), user k (0..K-1), antenna j (0..N-1).
 *
 * <p>Immutable. Stored split into real and imaginary arrays indexed {@code (m*K + k)*N + j}, the
 * layout the rate loops read contiguously.
 */
public final class Channel {

    private final int nAp;
    private final int nUser;
    private final int nTx;
    private final double[] re;
    private final double[] im;

    private Channel(int nAp, int nUser, int nTx, double[] re, double[] im) {
        this.nAp = nAp;
        this.nUser = nUser;
        this.nTx = nTx;
        this.re = re;
        this.im = im;
    }

    /** A channel from split arrays (copied); {@code re.length == im.length == M*K*N}. */
    public static Channel of(int nAp, int nUser, int nTx, double[] re, double[] im) {
        int size = Math.multiplyExact(Math.multiplyExact(nAp, nUser), nTx);
        if (re.length != size || im.length != size) {
            throw new IllegalArgumentException("expected " + size + " coefficients, got " + re.length);
        }
        return new Channel(nAp, nUser, nTx, re.clone(), im.clone());
    }

    /** Takes ownership of the arrays: for builders in this package that never touch them again. */
    static Channel wrap(int nAp, int nUser, int nTx, double[] re, double[] im) {
        return new Channel(nAp, nUser, nTx, re, im);
    }

    public int nAp() {
        return nAp;
    }

    public int nUser() {
        return nUser;
    }

    public int nTx() {
        return nTx;
    }

    public int index(int m, int k, int j) {
        return (m * nUser + k) * nTx + j;
    }

    public double re(int m, int k, int j) {
        return re[index(m, k, j)];
    }

    public double im(int m, int k, int j) {
        return im[index(m, k, j)];
    }

    public Complex get(int m, int k, int j) {
        int i = index(m, k, j);
        return new Complex(re[i], im[i]);
    }

    /** {@code ||h[m][k]||^2}, the gain of a maximum-ratio beam from AP m to user k. */
    public double gain(int m, int k) {
        int base = index(m, k, 0);
        double s = 0;
        for (int j = 0; j < nTx; j++) {
            s += re[base + j] * re[base + j] + im[base + j] * im[base + j];
        }
        return s;
    }

    /**
     * {@code |h[n][k]^T v|^2} (transpose, not Hermitian: paper Eq. 4) for a precoder v given as split
     * arrays starting at {@code offset}.
     */
    public double coupling(int n, int k, double[] vRe, double[] vIm, int offset) {
        int base = index(n, k, 0);
        double sr = 0;
        double si = 0;
        for (int j = 0; j < nTx; j++) {
            double hr = re[base + j];
            double hi = im[base + j];
            double vr = vRe[offset + j];
            double vi = vIm[offset + j];
            sr += hr * vr - hi * vi;
            si += hr * vi + hi * vr;
        }
        return sr * sr + si * si;
    }

    /** AP m's row, {@code [k*N + j]} for every user k: copies of its real and imaginary parts. */
    public double[][] row(int m) {
        int len = nUser * nTx;
        double[] r = new double[len];
        double[] i = new double[len];
        System.arraycopy(re, m * len, r, 0, len);
        System.arraycopy(im, m * len, i, 0, len);
        return new double[][] {r, i};
    }

    /** Copies of the raw arrays, in {@link #index} order. */
    public double[] reArray() {
        return re.clone();
    }

    public double[] imArray() {
        return im.clone();
    }

    boolean sameShape(Channel other) {
        return nAp == other.nAp && nUser == other.nUser && nTx == other.nTx;
    }
}
