package org.cfqnn.radio;

import java.util.SplittableRandom;
import org.cfqnn.rng.Seed;

/**
 * Positions of APs and users in the unit square, and the normalized distances between them.
 *
 * <p>Each AP draws its position from its own stream {@code ap-position/m}, each user from
 * {@code user-position/k}, so adding an entity moves no other one.
 */
public final class Layout {

    private final double[] apX;
    private final double[] apY;
    private final double[] userX;
    private final double[] userY;

    public Layout(double[] apX, double[] apY, double[] userX, double[] userY) {
        if (apX.length != apY.length || userX.length != userY.length) {
            throw new IllegalArgumentException("x and y coordinate arrays differ in length");
        }
        this.apX = apX.clone();
        this.apY = apY.clone();
        this.userX = userX.clone();
        this.userY = userY.clone();
    }

    /** Uniform drop in the unit square. */
    public static Layout drop(int nAp, int nUser, Seed seed) {
        double[] ax = new double[nAp];
        double[] ay = new double[nAp];
        double[] ux = new double[nUser];
        double[] uy = new double[nUser];
        for (int m = 0; m < nAp; m++) {
            SplittableRandom r = seed.split("ap-position", m).random();
            ax[m] = r.nextDouble();
            ay[m] = r.nextDouble();
        }
        for (int k = 0; k < nUser; k++) {
            SplittableRandom r = seed.split("user-position", k).random();
            ux[k] = r.nextDouble();
            uy[k] = r.nextDouble();
        }
        return new Layout(ax, ay, ux, uy);
    }

    public int nAp() {
        return apX.length;
    }

    public int nUser() {
        return userX.length;
    }

    public double apX(int m) {
        return apX[m];
    }

    public double apY(int m) {
        return apY[m];
    }

    public double userX(int k) {
        return userX[k];
    }

    public double userY(int k) {
        return userY[k];
    }

    /** {@code |p_m - p_k| / sqrt(2)}: 1 is the diagonal of the unit square (not floored by dMin). */
    public double normalizedDistance(int m, int k) {
        return Math.hypot(apX[m] - userX[k], apY[m] - userY[k]) / Math.sqrt(2);
    }

    /** The same layout with user k moved to (x, y). */
    public Layout withUser(int k, double x, double y) {
        double[] ux = userX.clone();
        double[] uy = userY.clone();
        ux[k] = x;
        uy[k] = y;
        return new Layout(apX, apY, ux, uy);
    }
}
