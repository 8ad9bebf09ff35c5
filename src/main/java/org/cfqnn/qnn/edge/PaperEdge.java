package org.cfqnn.qnn.edge;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.cfqnn.qnn.GradientMethod;
import org.cfqnn.quantum.Circuit;
import org.cfqnn.rng.Seed;

/**
 * The paper's edge QNN (Eq. 19-20, docs/model.md section 4): {@code Q = max(K, N)} qubits; H on every qubit
 * and RZ(arg hHat[m][k][j]) on antenna qubit j (the served user's channel phases); then
 * {@code reps} repetitions of one trainable RY per qubit followed by the CZ ring of Eq. 20
 * ({@code CZ(q_k, q_{k-1})} for k = 1..Q-1, closed by {@code CZ(q_0, q_{Q-1})}). Decoding:
 * {@code v_j = <X_j> - i <Y_j>}, normalized. Phases only are encoded; the amplitudes of the channel
 * never enter the circuit, as in the paper.
 */
public final class PaperEdge extends CircuitEdge {

    public static final String NAME = "paper";

    private final int nUser;
    private final int reps;
    private final int width;
    private final Circuit circuit;

    public PaperEdge(int nUser, int nTx, int reps, GradientMethod gradient, double shift) {
        super(nTx, gradient, shift);
        this.nUser = nUser;
        this.reps = reps;
        this.width = Math.max(nUser, nTx);
        Circuit.Builder b = Circuit.builder(width);
        int params = reps * width;
        for (int q = 0; q < width; q++) {
            b.h(q);
        }
        for (int j = 0; j < nTx; j++) {
            b.rz(j, params + j);
        }
        for (int r = 0; r < reps; r++) {
            for (int q = 0; q < width; q++) {
                b.ry(q, r * width + q);
            }
            for (int q = 1; q < width; q++) {
                b.cz(q, q - 1);
            }
            if (width > 2) {
                b.cz(0, width - 1);
            }
        }
        this.circuit = b.build();
    }

    @Override
    Circuit circuit() {
        return circuit;
    }

    /** max(K, N) qubits, N of them read out: the same register and readout. */
    @Override
    public boolean fits(int users, int antennas) {
        return antennas == nTx && Math.max(users, antennas) == width;
    }

    @Override
    public String ansatz() {
        return NAME;
    }

    @Override
    public int parameterCount() {
        return reps * width;
    }

    @Override
    public Map<String, Object> hyperparameters() {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("nUser", nUser);
        h.put("nTx", nTx);
        h.put("reps", reps);
        return h;
    }

    @Override
    public long circuitsPerTrainingStep() {
        return 1 + 2L * parameterCount();
    }

    @Override
    public double[] initialParameters(Seed seed) {
        SplittableRandom r = seed.random();
        double[] p = new double[parameterCount()];
        for (int i = 0; i < p.length; i++) {
            p[i] = r.nextDouble(-Math.PI, Math.PI);
        }
        return p;
    }

    @Override
    void bind(double[] hRe, double[] hIm, double[] params, double[] angles) {
        int p = parameterCount();
        System.arraycopy(params, 0, angles, 0, p);
        for (int j = 0; j < nTx; j++) {
            angles[p + j] = Math.atan2(hIm[j], hRe[j]);
        }
    }

    @Override
    void pullBack(double[] hRe, double[] hIm, double[] params, double[] gAngles, double[] gParams) {
        System.arraycopy(gAngles, 0, gParams, 0, parameterCount());
    }
}
