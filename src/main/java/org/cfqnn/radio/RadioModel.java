package org.cfqnn.radio;

import org.cfqnn.input.InvalidInputException;
import org.cfqnn.input.Require;

/**
 * Every parameter of the cell-free radio model (docs/model.md sections 1-2, paper Eq. 3-5 and Table III).
 *
 * @param nAp      M, number of access points
 * @param nUser    K, number of users; {@code nAp >= nUser} so that every user can be served (Eq. 6c)
 * @param nTx      N, antennas per AP (half-wavelength ULA)
 * @param nPath    paths per link in the multipath channel
 * @param kappa    path-loss exponent: {@code beta = d^-kappa}
 * @param dMin     floor of the normalized distance {@code d = |p_m - p_k| / sqrt(2)}
 * @param rho      transmit SNR, linear (not dB)
 * @param mu       interference factor mu_{n,k} = mu_d, the same for every pair
 * @param csiError standard deviation of the CSI error relative to the link's large-scale gain
 */
public record RadioModel(int nAp, int nUser, int nTx, int nPath, double kappa, double dMin,
                         double rho, double mu, double csiError) {

    /** Largest M*K*N accepted: the channel alone then takes 1.6 GB. */
    public static final long MAX_COEFFICIENTS = 100_000_000L;

    public RadioModel {
        Require.atLeast("nAp", nAp, 1);
        Require.atLeast("nUser", nUser, 1);
        Require.atLeast("nTx", nTx, 1);
        Require.inRange("nPath", nPath, 1, 1000);
        if (nAp < nUser) {
            throw new InvalidInputException("nAp", nAp,
                    "must be >= the number of users K = " + nUser + ": every user needs at least one AP (Eq. 6c)");
        }
        if ((long) nAp * nUser * nTx > MAX_COEFFICIENTS) {
            throw new InvalidInputException("nAp", nAp, "nAp*nUser*nTx = " + ((long) nAp * nUser * nTx)
                    + " channel coefficients; at most " + MAX_COEFFICIENTS + " are supported");
        }
        Require.positive("kappa", kappa);
        Require.inRange("dMin", dMin, Double.MIN_NORMAL, 1.0);
        Require.positive("rho", rho);
        Require.inRange("mu", mu, 0.0, 1.0);
        Require.inRange("csiError", csiError, 0.0, 10.0);
    }

    /** The paper's Table III setting: M=4, K=3, N=2, 3 paths, kappa=2.3, rho=10 dB, mu=0.1, CSI error 0.1. */
    public static RadioModel paper() {
        return new RadioModel(4, 3, 2, 3, 2.3, 0.05, fromDb(10), 0.1, 0.1);
    }

    public RadioModel withMu(double newMu) {
        return new RadioModel(nAp, nUser, nTx, nPath, kappa, dMin, rho, newMu, csiError);
    }

    public RadioModel withCsiError(double error) {
        return new RadioModel(nAp, nUser, nTx, nPath, kappa, dMin, rho, mu, error);
    }

    public double rhoDb() {
        return 10 * Math.log10(rho);
    }

    public static double fromDb(double db) {
        return Math.pow(10, db / 10);
    }

    /** Large-scale gain {@code beta = max(d, dMin)^-kappa} for a normalized distance d. */
    public double beta(double normalizedDistance) {
        return Math.pow(Math.max(normalizedDistance, dMin), -kappa);
    }
}
