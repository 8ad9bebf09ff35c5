package org.cfqnn.qnn.train;

import java.util.function.ToDoubleFunction;

/**
 * Rotosolve (Ostaszewski, Grant, Benedetti, Quantum 5, 391 (2021); paper Appendix B): a loss that is
 * sinusoidal in one angle, {@code L(t) = A sin(t + B) + C}, is minimized in closed form from three
 * values, {@code t* = -pi/2 - atan2(2 L(0) - L(pi/2) - L(-pi/2), L(pi/2) - L(-pi/2))}. The paper prints
 * an arctan of the ratio; atan2 picks the minimum rather than the maximum when A < 0. Parameters are
 * visited in turn; losses that are not sinusoidal in a parameter are still lowered heuristically.
 */
public final class Rotosolve {

    private Rotosolve() {
    }

    /** The minimizing angle of a sinusoid from its values at 0, +pi/2 and -pi/2. */
    public static double argmin(double l0, double lPlus, double lMinus) {
        return -Math.PI / 2 - Math.atan2(2 * l0 - lPlus - lMinus, lPlus - lMinus);
    }

    /** One sweep over every parameter; returns the loss after the sweep. Keeps a move only if it helps. */
    public static double sweep(double[] params, ToDoubleFunction<double[]> loss) {
        double current = loss.applyAsDouble(params);
        for (int i = 0; i < params.length; i++) {
            double keep = params[i];
            params[i] = 0;
            double l0 = loss.applyAsDouble(params);
            params[i] = Math.PI / 2;
            double lPlus = loss.applyAsDouble(params);
            params[i] = -Math.PI / 2;
            double lMinus = loss.applyAsDouble(params);
            params[i] = argmin(l0, lPlus, lMinus);
            double candidate = loss.applyAsDouble(params);
            if (candidate <= current) {
                current = candidate;
            } else {
                params[i] = keep; // not sinusoidal here: do no harm
            }
        }
        return current;
    }
}
