package org.cfqnn.qnn.edge;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.cfqnn.qnn.GradientMethod;
import org.cfqnn.quantum.Circuit;
import org.cfqnn.rng.Seed;

/**
 * cfqnn's improved edge QNN: one qubit per antenna, encoding both the magnitude and the phase of the
 * served user's channel with trainable scales, {@code RY(a r_j + b)} then {@code RZ(c phi_j + d)},
 * {@code r_j = |h_j| / max_j' |h_j'|}, {@code phi_j = arg h_j}. The qubit's Bloch vector is then
 * {@code (sin(a r_j + b) cos(c phi_j + d), sin(..) sin(..), cos(..))}, so the readout
 * {@code u_j = <X_j> - i <Y_j> = sin(a r_j + b) e^{-i(c phi_j + d)}} can represent the maximum-ratio
 * precoder (c = 1, b = 0, small a); training has to find it. Four parameters shared by all antennas.
 */
public final class AmplitudeEdge extends CircuitEdge {

    public static final String NAME = "amplitude";

    private final Circuit circuit;

    public AmplitudeEdge(int nTx, GradientMethod gradient, double shift) {
        super(nTx, gradient, shift);
        Circuit.Builder b = Circuit.builder(nTx);
        for (int j = 0; j < nTx; j++) {
            b.ry(j, 2 * j);
            b.rz(j, 2 * j + 1);
        }
        this.circuit = b.build();
    }

    @Override
    Circuit circuit() {
        return circuit;
    }

    /** One qubit per antenna: any number of users. */
    @Override
    public boolean fits(int nUser, int nTx) {
        return nTx == this.nTx;
    }

    @Override
    public String ansatz() {
        return NAME;
    }

    @Override
    public int parameterCount() {
        return 4;
    }

    @Override
    public Map<String, Object> hyperparameters() {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("nTx", nTx);
        return h;
    }

    /** Both gates of every antenna qubit are shifted. */
    @Override
    public long circuitsPerTrainingStep() {
        return 1 + 2L * 2 * nTx;
    }

    /** a in [0.2, 1], b in [-0.2, 0.2], c in [0, 1], d in [-pi, pi]: far from the MR point c = 1. */
    @Override
    public double[] initialParameters(Seed seed) {
        SplittableRandom r = seed.random();
        return new double[] {r.nextDouble(0.2, 1.0), r.nextDouble(-0.2, 0.2), r.nextDouble(0.0, 1.0),
            r.nextDouble(-Math.PI, Math.PI)};
    }

    private static double maxAbs(double[] hRe, double[] hIm) {
        double max = 0;
        for (int j = 0; j < hRe.length; j++) {
            max = Math.max(max, Math.hypot(hRe[j], hIm[j]));
        }
        return max;
    }

    @Override
    void bind(double[] hRe, double[] hIm, double[] params, double[] angles) {
        double max = maxAbs(hRe, hIm);
        for (int j = 0; j < nTx; j++) {
            double r = max > 0 ? Math.hypot(hRe[j], hIm[j]) / max : 0;
            angles[2 * j] = params[0] * r + params[1];
            angles[2 * j + 1] = params[2] * Math.atan2(hIm[j], hRe[j]) + params[3];
        }
    }

    @Override
    void pullBack(double[] hRe, double[] hIm, double[] params, double[] gAngles, double[] gParams) {
        double max = maxAbs(hRe, hIm);
        java.util.Arrays.fill(gParams, 0, 4, 0.0);
        for (int j = 0; j < nTx; j++) {
            double r = max > 0 ? Math.hypot(hRe[j], hIm[j]) / max : 0;
            gParams[0] += gAngles[2 * j] * r;
            gParams[1] += gAngles[2 * j];
            gParams[2] += gAngles[2 * j + 1] * Math.atan2(hIm[j], hRe[j]);
            gParams[3] += gAngles[2 * j + 1];
        }
    }
}
