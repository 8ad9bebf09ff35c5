package org.cfqnn.qnn.cloud;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.cfqnn.qnn.DecisionReadout;
import org.cfqnn.qnn.Objective;
import org.cfqnn.quantum.Circuit;
import org.cfqnn.quantum.Pauli;
import org.cfqnn.quantum.Simulator;
import org.cfqnn.quantum.backend.BackendSpec;
import org.cfqnn.quantum.device.DeviceModel;
import org.cfqnn.radio.Channel;
import org.cfqnn.rng.Seed;

/**
 * The paper's cloud QNN (Eq. 10-12), literal reading of docs/model.md section 4. Qubit {@code q(l, n) = l*M + n}
 * for layer l < L and neuron n < M (one neuron per AP).
 * <ol>
 *   <li>Encode (Eq. 11), layer 0: H on q(0, m), then RZ(x[m][k]) for k = 0..K-1 with
 *       {@code x[m][k] = pi |hHat[m][k]|^2 / max_k' |hHat[m][k']|^2}.</li>
 *   <li>Connect (Eq. 12, right to left): RY(theta[l][n]) on every qubit; CX(q(l, M-1) -> q(l+1, 0)) for
 *       l < L-1; CZ(q(l, n), q(l, n+1)) for l < L-1, n < M-1.</li>
 *   <li>Decode: {@code o_m = (1 - <Z_{q(L-1, m)}>)/2}; AP m serves user {@code min(floor(o_m K), K-1)}.</li>
 *   <li>Loss (Eq. 13-14): {@code (Q - Phi_assign)^2}, {@code Q = -min_k R_k} with MR precoders and an
 *       unserved user's rate counted as {@code rPenalty}.</li>
 * </ol>
 * Most last-layer qubits never see the data (only q(L-1, 0) is reached, through the CX), so the model
 * is weak; it is implemented faithfully as the reproduction and measured as it is. The floor makes the
 * loss piecewise constant: its gradient is the parameter-shift formula applied to the loss itself
 * (Appendix B), or Rotosolve.
 */
public final class PaperCloud implements CloudModel {

    public static final String NAME = "paper";

    private final int nAp;
    private final int nUser;
    private final int layers;
    private final double penalty;
    private final double shift;
    private final Circuit circuit;
    private final Pauli[] readout;

    public PaperCloud(int nAp, int nUser, int layers, double penalty, double shift) {
        this.nAp = nAp;
        this.nUser = nUser;
        this.layers = layers;
        this.penalty = penalty;
        this.shift = shift;
        int params = layers * nAp;
        Circuit.Builder b = Circuit.builder(layers * nAp);
        for (int m = 0; m < nAp; m++) {
            b.h(m);
            for (int k = 0; k < nUser; k++) {
                b.rz(m, params + m * nUser + k);
            }
        }
        for (int l = 0; l < layers; l++) {
            for (int n = 0; n < nAp; n++) {
                b.ry(l * nAp + n, l * nAp + n);
            }
        }
        for (int l = 0; l + 1 < layers; l++) {
            b.cx(l * nAp + nAp - 1, (l + 1) * nAp);
        }
        for (int l = 0; l + 1 < layers; l++) {
            for (int n = 0; n + 1 < nAp; n++) {
                b.cz(l * nAp + n, l * nAp + n + 1);
            }
        }
        this.circuit = b.build();
        this.readout = new Pauli[nAp];
        for (int m = 0; m < nAp; m++) {
            readout[m] = Pauli.z((layers - 1) * nAp + m);
        }
    }

    /** Qubits the ansatz needs for M APs and L layers (validation refuses sizes beyond the heap). */
    public static int qubits(int nAp, int layers) {
        return nAp * layers;
    }

    @Override
    public String ansatz() {
        return NAME;
    }

    @Override
    public int parameterCount() {
        return layers * nAp;
    }

    @Override
    public int qubits() {
        return circuit.qubits();
    }

    public Circuit circuit() {
        return circuit;
    }

    @Override
    public Map<String, Object> hyperparameters() {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("nAp", nAp);
        h.put("nUser", nUser);
        h.put("layers", layers);
        h.put("rPenalty", penalty);
        h.put("shift", shift);
        return h;
    }

    /** One qubit per AP per layer, and K RZ angles per AP: bound to the M and K it was built for. */
    @Override
    public boolean sizeFree() {
        return false;
    }

    @Override
    public long circuitsPerInference(int m, int k) {
        return 1;
    }

    /** The paper's gradient shifts the loss itself: two decodings per parameter, plus the unshifted one. */
    @Override
    public long circuitsPerTrainingStep(int m, int k) {
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

    /** The link features of Eq. 11: {@code x[m][k] = pi |hHat[m][k]|^2 / max_k' |hHat[m][k']|^2}. */
    public static void encode(Channel h, double[] angles, int offset) {
        for (int m = 0; m < h.nAp(); m++) {
            double max = 0;
            for (int k = 0; k < h.nUser(); k++) {
                max = Math.max(max, h.gain(m, k));
            }
            for (int k = 0; k < h.nUser(); k++) {
                angles[offset + m * h.nUser() + k] = max > 0 ? Math.PI * h.gain(m, k) / max : 0;
            }
        }
    }

    @Override
    public CloudWorker worker(BackendSpec decisions) {
        return new Worker(decisions);
    }

    /** One circuit, read on the last layer's qubits. */
    @Override
    public List<DeviceModel.Stage> inferenceStages(int m, int k) {
        return List.of(new DeviceModel.Stage(circuit, readout, 1));
    }

    private final class Worker implements CloudWorker {
        private final DecisionReadout reader;
        private final double[] angles = new double[circuit.slots()];
        private final double[] z = new double[nAp];
        private final double[] rates = new double[nUser];
        private final double[] scratch = new double[3 * nUser];

        Worker(BackendSpec decisions) {
            this.reader = new DecisionReadout(Simulator.forQubits(circuit.qubits()), decisions);
        }

        @Override
        public int[] assign(CloudSample sample, double[] params, RandomGenerator rng) {
            // the encoding reads every coefficient of the estimate; the decoding floors one readout per AP
            sample.operations().add((long) nAp * sample.nUser() * sample.estimate().nTx() + nAp);
            return decode(sample, params, rng, true);
        }

        /** Encodes, runs and floors the readout; {@code decision}: through the backend, else exactly (training). */
        private int[] decode(CloudSample sample, double[] params, RandomGenerator rng, boolean decision) {
            System.arraycopy(params, 0, angles, 0, parameterCount());
            encode(sample.estimate(), angles, parameterCount());
            if (decision) {
                reader.decision(circuit, angles, readout, rng, z);
            } else {
                reader.exact(circuit, angles, readout, z);
            }
            int[] a = new int[nAp];
            for (int m = 0; m < nAp; m++) {
                double o = (1 - z[m]) / 2;
                // o is in [0, 1]; rounding can give <Z> = 1 + 2e-16 and o = -1e-16, hence the max
                a[m] = Math.max(0, Math.min((int) Math.floor(o * nUser), nUser - 1));
            }
            return a;
        }

        @Override
        public int[] assignSampled(CloudSample sample, double[] params, int candidates, RandomGenerator rng) {
            return assign(sample, params, rng); // the paper decodes deterministically
        }

        @Override
        public Objective objective(CloudSample sample, RandomGenerator rng) {
            return new Objective() {
                @Override
                public double loss(double[] params) {
                    int[] a = decode(sample, params, null, false);
                    double q = -sample.table().minRate(a, sample.rho(), sample.mu(), penalty, rates, scratch);
                    double d = q - sample.phiAssign();
                    return d * d;
                }

                @Override
                public boolean differentiable() {
                    return false;
                }

                @Override
                public double lossAndGradient(double[] params, double[] grad) {
                    throw new IllegalStateException("the paper's cloud loss is piecewise constant: use the parameter-shift rule on the loss");
                }
            };
        }
    }
}
