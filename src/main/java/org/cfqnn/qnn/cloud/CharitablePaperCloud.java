package org.cfqnn.qnn.cloud;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.cfqnn.baseline.AssignmentProblem;
import org.cfqnn.baseline.OptimumBaseline;
import org.cfqnn.matching.Matching;
import org.cfqnn.qnn.Objective;
import org.cfqnn.qnn.train.TrainingSettings;
import org.cfqnn.quantum.Circuit;
import org.cfqnn.quantum.Pauli;
import org.cfqnn.qnn.DecisionReadout;
import org.cfqnn.quantum.Simulator;
import org.cfqnn.quantum.backend.BackendSpec;
import org.cfqnn.quantum.device.DeviceModel;
import org.cfqnn.rng.Seed;

/**
 * The paper's cloud QNN (Eq. 10-12) under the most charitable reading cfqnn can defend; {@link PaperCloud}
 * is the literal one. Same register ({@code L x M} qubits, {@code q(l, n) = l M + n}), same gates, same
 * {@code o_m} readout; what is read differently:
 * <ol>
 *   <li><b>Encoding</b> (Eq. 11): H on q(0, m), then {@code RZ(w_k x[m][k])} for k = 0..K-1 with a trainable
 *       weight {@code w_k} per user index, as the paper's Eq. 19 text gives each input embedding its own
 *       weight. Literally the K angles only add up, so the circuit cannot tell which user is strongest.</li>
 *   <li><b>Connection</b> (Eq. 12): RY(theta) on every qubit and the CZ chain within a layer as written,
 *       but the layer link CX(q(l, n) -> q(l+1, n)) for every neuron n, not only from the last neuron to
 *       the first: otherwise L-1 of the M readout qubits never see the channel.</li>
 *   <li><b>Decoding</b>: {@code o_m = (1 - <Z_{q(L-1, m)}>)/2} places AP m on the user axis; user k's bin
 *       is centred at {@code (k + 1/2)/K}. Instead of {@code floor(o_m K)}, which leaves users unserved,
 *       the assignment maximizing {@code -sum_m (o_m K - k - 1/2)^2} subject to every user served
 *       (Eq. 6c, which the paper enforces by a penalty) is decoded by the Hungarian algorithm.</li>
 *   <li><b>Training</b>: the floored loss of Eq. 13 is piecewise constant; the circuit is trained instead
 *       to place {@code o_m} at the bin of the user the exhaustive optimum gives AP m,
 *       {@code L = (1/M) sum_m (o_m - (a*_m + 1/2)/K)^2}, with exact adjoint gradients.</li>
 * </ol>
 * It stays bound to the M and K it was built for.
 */
public final class CharitablePaperCloud implements CloudModel {

    public static final String NAME = "paper-charitable";
    /**
     * How cfqnn trains it: Adam (step 0.05) on 4000 optimum-labelled channels with exact gradients; more
     * samples, smaller steps and a third layer were measured no better (0.55, 0.52 x optimum at 4 x 3 x 2).
     */
    public static final TrainingSettings TRAINING = new TrainingSettings("adam", 0.05, 200, 20,
            org.cfqnn.qnn.GradientMethod.ADJOINT, Math.PI / 2, 0.0, 0.5);

    private final int nAp;
    private final int nUser;
    private final int layers;
    private final long teacherLimit;
    private final Circuit circuit;
    private final Pauli[] readout;

    public CharitablePaperCloud(int nAp, int nUser, int layers, long teacherLimit) {
        this.nAp = nAp;
        this.nUser = nUser;
        this.layers = layers;
        this.teacherLimit = teacherLimit;
        int encodings = nAp * nUser;
        Circuit.Builder b = Circuit.builder(layers * nAp);
        for (int m = 0; m < nAp; m++) {
            b.h(m);
            for (int k = 0; k < nUser; k++) {
                b.rz(m, m * nUser + k);
            }
        }
        for (int l = 0; l < layers; l++) {
            for (int n = 0; n < nAp; n++) {
                b.ry(l * nAp + n, encodings + l * nAp + n);
            }
            if (l + 1 < layers) {
                for (int n = 0; n + 1 < nAp; n++) {
                    b.cz(l * nAp + n, l * nAp + n + 1);
                }
                for (int n = 0; n < nAp; n++) {
                    b.cx(l * nAp + n, (l + 1) * nAp + n);
                }
            }
        }
        this.circuit = b.build();
        this.readout = new Pauli[nAp];
        for (int m = 0; m < nAp; m++) {
            readout[m] = Pauli.z((layers - 1) * nAp + m);
        }
    }

    public Circuit circuit() {
        return circuit;
    }

    @Override
    public String ansatz() {
        return NAME;
    }

    /** K encoding weights, then L x M RY angles. */
    @Override
    public int parameterCount() {
        return nUser + layers * nAp;
    }

    @Override
    public int qubits() {
        return circuit.qubits();
    }

    @Override
    public Map<String, Object> hyperparameters() {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("nAp", nAp);
        h.put("nUser", nUser);
        h.put("layers", layers);
        h.put("teacherLimit", teacherLimit);
        return h;
    }

    @Override
    public boolean sizeFree() {
        return false;
    }

    @Override
    public long circuitsPerInference(int m, int k) {
        return 1;
    }

    @Override
    public long circuitsPerTrainingStep(int m, int k) {
        return 1 + 2L * circuit.slots();
    }

    /** Encoding weights 1 (the literal angles), RY angles uniform in (-pi, pi). */
    @Override
    public double[] initialParameters(Seed seed) {
        SplittableRandom r = seed.random();
        double[] p = new double[parameterCount()];
        for (int k = 0; k < nUser; k++) {
            p[k] = 1;
        }
        for (int i = nUser; i < p.length; i++) {
            p[i] = r.nextDouble(-Math.PI, Math.PI);
        }
        return p;
    }

    @Override
    public CloudWorker worker(BackendSpec decisions) {
        return new Worker(decisions);
    }

    /** One circuit on L x M qubits, read on the last layer. */
    @Override
    public java.util.List<DeviceModel.Stage> inferenceStages(int m, int k) {
        return java.util.List.of(new DeviceModel.Stage(circuit, readout, 1));
    }

    private final class Worker implements CloudWorker {
        private final Simulator sim = Simulator.forQubits(circuit.qubits());
        private final DecisionReadout reader;
        private final double[] angles = new double[circuit.slots()];
        private final double[] gAngles = new double[circuit.slots()];
        private final double[] x = new double[nAp * nUser];
        private final double[] z = new double[nAp];

        Worker(BackendSpec decisions) {
            this.reader = new DecisionReadout(sim, decisions);
        }

        /** Binds the angles for the sample and runs the circuit exactly (training); leaves {@code o_m} in {@link #z}. */
        private void run(CloudSample s, double[] p) {
            run(s, p, null, false);
        }

        /** As {@link #run(CloudSample, double[])}; {@code decision}: the circuit is read through the backend. */
        private void run(CloudSample s, double[] p, RandomGenerator rng, boolean decision) {
            PaperCloud.encode(s.estimate(), x, 0);
            for (int m = 0; m < nAp; m++) {
                for (int k = 0; k < nUser; k++) {
                    angles[m * nUser + k] = p[k] * x[m * nUser + k];
                }
            }
            System.arraycopy(p, nUser, angles, nAp * nUser, layers * nAp);
            if (decision) {
                reader.decision(circuit, angles, readout, rng, z);
            } else {
                reader.exact(circuit, angles, readout, z);
            }
            for (int m = 0; m < nAp; m++) {
                z[m] = (1 - z[m]) / 2;
            }
        }

        @Override
        public int[] assign(CloudSample sample, double[] params, RandomGenerator readout) {
            run(sample, params, readout, true);
            double[][] preference = new double[nAp][nUser];
            for (int m = 0; m < nAp; m++) {
                for (int k = 0; k < nUser; k++) {
                    double d = z[m] * nUser - k - 0.5;
                    preference[m][k] = -d * d;
                }
            }
            return Matching.covering(preference);
        }

        @Override
        public int[] assignSampled(CloudSample sample, double[] params, int candidates, RandomGenerator rng) {
            return assign(sample, params, rng);
        }

        @Override
        public Objective objective(CloudSample sample, RandomGenerator rng) {
            int[] teacher = new OptimumBaseline(teacherLimit).assign(
                    new AssignmentProblem(sample.estimate(), sample.rho(), sample.mu(), sample.table()), null);
            return new Objective() {
                @Override
                public double loss(double[] params) {
                    run(sample, params);
                    double l = 0;
                    for (int m = 0; m < nAp; m++) {
                        double d = z[m] - (teacher[m] + 0.5) / nUser;
                        l += d * d / nAp;
                    }
                    return l;
                }

                @Override
                public boolean differentiable() {
                    return true;
                }

                @Override
                public double lossAndGradient(double[] params, double[] grad) {
                    double l = loss(params);
                    // dL/d<Z_m> = (2/M)(o_m - t_m) do_m/d<Z_m>, do_m/d<Z_m> = -1/2
                    double[] w = new double[nAp];
                    for (int m = 0; m < nAp; m++) {
                        w[m] = -(z[m] - (teacher[m] + 0.5) / nUser) / nAp;
                    }
                    sim.adjoint(circuit, angles, readout, w, gAngles);
                    java.util.Arrays.fill(grad, 0.0);
                    for (int m = 0; m < nAp; m++) {
                        for (int k = 0; k < nUser; k++) {
                            grad[k] += gAngles[m * nUser + k] * x[m * nUser + k];
                        }
                    }
                    System.arraycopy(gAngles, nAp * nUser, grad, nUser, layers * nAp);
                    return l;
                }
            };
        }
    }
}
