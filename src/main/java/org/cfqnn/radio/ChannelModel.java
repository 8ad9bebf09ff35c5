package org.cfqnn.radio;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.cfqnn.rng.Seed;

/**
 * Draws channels from the model of docs/model.md section 1 (paper Eq. 3 and Sec. V).
 *
 * <p>For link (m, k) with large-scale gain {@code beta = max(|p_m - p_k|/sqrt 2, dMin)^-kappa}:
 * <pre>
 *   h[m][k] = (1/sqrt P) sum_{p<P} g_p a(phi_p),   g_p ~ CN(0, beta),
 *   phi_p = 0.5 sin(theta_p),  theta_p ~ U(-pi/2, pi/2),
 *   a(phi)[j] = exp(-i 2 pi phi z_j),  z_j = j - (N-1)/2.
 * </pre>
 * so that {@code E|h_j|^2 = beta} on every antenna. The estimate every optimizer sees is
 * {@code hHat = h + e}, {@code e ~ CN(0, csiError^2 beta I)}.
 *
 * <p>Randomness: link (m, k) draws from stream {@code fading/m/k} (per path: Re g, Im g, theta)
 * and its CSI error from {@code csi/m/k}; positions come from {@link Layout#drop}.
 */
public final class ChannelModel {

    private final RadioModel model;

    public ChannelModel(RadioModel model) {
        this.model = model;
    }

    public RadioModel model() {
        return model;
    }

    /** The seed of realization (trial, or emulator deployment step) {@code t} of a run: stream {@code trial/t}. */
    public static Seed trial(Seed run, long t) {
        return run.split("trial", t);
    }

    /** The layout a run keeps for all its realizations (the emulator, {@code compare --layout fixed}): stream {@code layout}. */
    public Layout fixedLayout(Seed run) {
        return Layout.drop(model.nAp(), model.nUser(), run.split("layout"));
    }

    /** One channel realization: a fresh drop, its true channel and the estimate. */
    public Realization draw(Seed realization) {
        return draw(realization, Layout.drop(model.nAp(), model.nUser(), realization));
    }

    /** One channel realization over a given layout: fresh fading and CSI error from {@code realization}. */
    public Realization draw(Seed realization, Layout layout) {
        Channel truth = fading(layout, realization);
        return new Realization(layout, truth, estimate(truth, layout, realization));
    }

    /** Small-scale fading over a given layout, from streams {@code fading/m/k} of {@code seed}. */
    public Channel fading(Layout layout, Seed seed) {
        return fading(betas(layout), seed);
    }

    /** Every large-scale gain of a layout, {@code [m*K + k]}: a layout that does not move needs them once. */
    public double[] betas(Layout layout) {
        double[] b = new double[model.nAp() * model.nUser()];
        for (int m = 0; m < model.nAp(); m++) {
            for (int k = 0; k < model.nUser(); k++) {
                b[m * model.nUser() + k] = beta(layout, m, k);
            }
        }
        return b;
    }

    /**
     * Small-scale fading for large-scale gains {@code betas} ({@link #betas}), from streams {@code fading/m/k}.
     * Every link has its own stream and its own slots, so large networks are drawn AP by AP in parallel
     * with the same result.
     */
    public Channel fading(double[] betas, Seed seed) {
        int nAp = model.nAp();
        int nUser = model.nUser();
        int nTx = model.nTx();
        double[] re = new double[nAp * nUser * nTx];
        double[] im = new double[re.length];
        Seed fading = seed.split("fading");
        IntStream aps = IntStream.range(0, nAp);
        if ((long) nAp * nUser * model.nPath() >= PARALLEL_PATHS) {
            aps = aps.parallel();
        }
        aps.forEach(m -> fadingRow(betas, fading.child(m), m, re, im));
        return Channel.wrap(nAp, nUser, nTx, re, im);
    }

    /** Paths per draw from which the APs' rows are drawn in parallel (below, threads cost more than they save). */
    static final long PARALLEL_PATHS = 4096;

    private void fadingRow(double[] betas, Seed apSeed, int m, double[] re, double[] im) {
        int nUser = model.nUser();
        int nTx = model.nTx();
        int nPath = model.nPath();
        double pathScale = 1 / Math.sqrt(nPath);
        double[] aRe = new double[nTx];
        double[] aIm = new double[nTx];
        for (int k = 0; k < nUser; k++) {
            SplittableRandom r = apSeed.child(k).random();
            double sigma = Math.sqrt(betas[m * nUser + k] / 2); // per real dimension of CN(0, beta)
            int base = (m * nUser + k) * nTx;
            for (int p = 0; p < nPath; p++) {
                double gRe = sigma * r.nextGaussian();
                double gIm = sigma * r.nextGaussian();
                double theta = (r.nextDouble() - 0.5) * Math.PI;
                steering(0.5 * Math.sin(theta), aRe, aIm);
                for (int j = 0; j < nTx; j++) {
                    re[base + j] += pathScale * (gRe * aRe[j] - gIm * aIm[j]);
                    im[base + j] += pathScale * (gRe * aIm[j] + gIm * aRe[j]);
                }
            }
        }
    }

    /** {@code hHat = h + e}, {@code e ~ CN(0, csiError^2 beta I)} from streams {@code csi/m/k}. */
    public Channel estimate(Channel truth, Layout layout, Seed seed) {
        if (model.csiError() == 0) {
            return truth;
        }
        int nAp = truth.nAp();
        int nUser = truth.nUser();
        int nTx = truth.nTx();
        double[] re = truth.reArray();
        double[] im = truth.imArray();
        Seed csi = seed.split("csi");
        for (int m = 0; m < nAp; m++) {
            Seed ap = csi.child(m);
            for (int k = 0; k < nUser; k++) {
                addCsiError(re, im, (m * nUser + k) * nTx, nTx, beta(layout, m, k), ap.child(k));
            }
        }
        return Channel.wrap(nAp, nUser, nTx, re, im);
    }

    /**
     * What AP m estimates from its pilot: its true channel to every user ({@code [k*N + j]}) plus the CSI
     * error of {@link #estimate}, drawn from the same streams {@code csi/m/k}, so an AP's estimate is row m
     * of the network's estimate, bit for bit. {@code beta[k]} are the AP's large-scale gains.
     */
    public double[][] estimateRow(double[] truthRe, double[] truthIm, double[] beta, Seed seed, int m) {
        double[] re = truthRe.clone();
        double[] im = truthIm.clone();
        if (model.csiError() > 0) {
            int nTx = model.nTx();
            Seed ap = seed.split("csi").child(m);
            for (int k = 0; k < beta.length; k++) {
                addCsiError(re, im, k * nTx, nTx, beta[k], ap.child(k));
            }
        }
        return new double[][] {re, im};
    }

    /** {@code e ~ CN(0, csiError^2 beta I)} on link (m, k)'s N coefficients at {@code base}, from {@code link} = csi/m/k. */
    private void addCsiError(double[] re, double[] im, int base, int nTx, double beta, Seed link) {
        SplittableRandom r = link.random();
        double sigma = model.csiError() * Math.sqrt(beta / 2);
        for (int j = 0; j < nTx; j++) {
            re[base + j] += sigma * r.nextGaussian();
            im[base + j] += sigma * r.nextGaussian();
        }
    }

    public double beta(Layout layout, int m, int k) {
        return model.beta(layout.normalizedDistance(m, k));
    }

    /**
     * ULA steering vector {@code a(phi)[j] = exp(-i 2 pi phi z_j)} into {@code re/im} (length N), with
     * {@code phi = 0.5 sin(theta)} for half-wavelength spacing.
     */
    public static void steering(double phi, double[] re, double[] im) {
        int nTx = re.length;
        for (int j = 0; j < (nTx + 1) / 2; j++) {
            double angle = -2 * Math.PI * phi * steeringOffset(j, nTx);
            re[j] = Math.cos(angle);
            im[j] = Math.sin(angle);
            if (nTx - 1 - j != j) { // antenna N-1-j sits at the opposite offset: exactly -angle; cos even, sin odd
                re[nTx - 1 - j] = re[j];
                im[nTx - 1 - j] = -im[j];
            }
        }
    }

    /** {@code z_j = j - (N-1)/2}: antenna positions in half wavelengths, centred on the array. */
    public static double steeringOffset(int j, int nTx) {
        return j - 0.5 * (nTx - 1);
    }
}
